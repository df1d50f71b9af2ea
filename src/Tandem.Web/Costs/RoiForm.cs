using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Economics;

namespace Tandem.Web.Costs;

/// <summary>
/// The ROI calculator's form: one field per key of a scenario (as <c>POST /api/roi</c> and
/// samples/scenarios/*.yaml take them), turned into the same JSON body so the loader applies the
/// same checks and messages. Defaults are the published legal case's figures.
/// </summary>
public static class RoiForm
{
    /// <summary>The fields in form order: the scenario key (dotted), its label, whether it is text, and its default.</summary>
    public static IReadOnlyList<RoiField> Fields { get; } =
    [
        new("queries_per_month", "Queries per month", false, "50000"),
        new("before.model", "Base model (price book id or a label)", true, "base model, few-shot"),
        new("before.prompt_tokens", "Base: prompt tokens per query", false, "11000"),
        new("before.cached_prompt_share", "Base: cached share of the prompt (0-1)", false, "0"),
        new("before.output_tokens", "Base: output tokens per query", false, "800"),
        new("before.price.input", "Base: USD per million input tokens (blank: price book)", false, "5.00"),
        new("before.price.cached_input", "Base: USD per million cached input tokens", false, "2.50"),
        new("before.price.output", "Base: USD per million output tokens", false, "15.00"),
        new("after.model", "Fine-tuned model (price book id or a label)", true, "fine-tuned model, short prompt"),
        new("after.prompt_tokens", "Fine-tuned: prompt tokens per query", false, "6600"),
        new("after.cached_prompt_share", "Fine-tuned: cached share of the prompt (0-1)", false, "0"),
        new("after.output_tokens", "Fine-tuned: output tokens per query", false, "800"),
        new("after.price_multiplier", "Fine-tuned: price as a multiple of the base price (blank: price book)", false, "1"),
        new("training.tokens_per_epoch", "Training tokens per epoch", false, "8000000"),
        new("training.epochs", "Epochs", false, "4"),
        new("training.price_per_million", "Training USD per million tokens (blank: price book)", false, "25"),
        new("training.fixed_cost_per_run", "Other cost per run (USD)", false, "0"),
        new("training.retrain_every_months", "Retrain every (months)", false, "3"),
        new("training.corrections_per_run", "Reviewed corrections per run", false, "0"),
        new("training.labelling_cost_per_correction", "Reviewing one correction (USD)", false, "0"),
        new("accuracy.before", "Accuracy before (0-1, optional)", false, ""),
        new("accuracy.after", "Accuracy after (0-1, optional)", false, ""),
        new("accuracy.cost_per_error", "Cost of one error (USD, optional)", false, ""),
    ];

    /// <summary>The what-ifs shown beside the result: a scenario variable and the value it is set to.</summary>
    public static IReadOnlyList<(string Label, string Variable, decimal Value)> WhatIfs { get; } =
    [
        ("Fine-tuned model at the base price", "ft-price-multiplier", 1m),
        ("Fine-tuned model at 1.5x the base price", "ft-price-multiplier", 1.5m),
        ("Fine-tuned model at 2x the base price", "ft-price-multiplier", 2m),
        ("Retrained monthly", "retrain-months", 1m),
        ("Retrained yearly", "retrain-months", 12m),
    ];

    /// <summary>The submitted values (blank ones left out), for showing the form again.</summary>
    public static Dictionary<string, string> ValuesOf(IFormCollection form) =>
        Fields.Where(f => !string.IsNullOrWhiteSpace(form[f.Key])).ToDictionary(f => f.Key, f => form[f.Key].ToString().Trim(), StringComparer.Ordinal);

    /// <summary>The defaults, for the form before anything is posted.</summary>
    public static Dictionary<string, string> Defaults() =>
        Fields.Where(f => f.Default.Length > 0).ToDictionary(f => f.Key, f => f.Default, StringComparer.Ordinal);

    /// <summary>The scenario as the API's JSON body; a value that is not a number is refused by name.</summary>
    public static string ToJson(IReadOnlyDictionary<string, string> values, string name)
    {
        var root = new JsonObject { ["name"] = name };
        foreach (var field in Fields)
        {
            if (!values.TryGetValue(field.Key, out var value))
            {
                continue;
            }

            var parts = field.Key.Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = field.IsText ? JsonValue.Create(value) : JsonValue.Create(Number(field, value));
        }

        return root.ToJsonString();
    }

    private static decimal Number(RoiField field, string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new TandemException($"{field.Key} is not a number ('{(value.Length > 40 ? value[..40] + "..." : value)}')", "write digits with a point for decimals, e.g. 0.25");
}
