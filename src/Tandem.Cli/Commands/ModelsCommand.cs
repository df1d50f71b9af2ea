using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Evaluation;
using Tandem.Learning;
using Tandem.Models;
using Tandem.Prompting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem models list</c> and <c>tandem models test &lt;name&gt;</c>: the configured LLMs and a real round trip to one.</summary>
internal static class ModelsCommand
{
    public static Command Create(CommandRunner run)
    {
        var settings = new Option<string?>("--settings") { Description = "appsettings.json to read (default: ./appsettings.json and ~/.config/tandem/appsettings.json), then the environment" };
        var list = new Command("list", "List the configured models (keys are never shown, only whether they are set)") { settings };
        list.SetAction(run(async (context, parse, _) =>
        {
            var configured = context.Get<ModelService>().Configured();
            var table = new Table().Border(TableBorder.Simple).AddColumns("Name", "Provider", "Model", "Base URL", "Key");
            foreach (var m in configured)
            {
                table.AddRow(Markup.Escape(m.Name), m.Provider, Markup.Escape(m.Model), Markup.Escape(m.BaseUrl?.ToString() ?? "(public endpoint)"),
                    m.ApiKeyVariable is null ? "none" : Markup.Escape($"{m.ApiKeyVariable} ({(m.HasApiKey ? "set" : "not set")})"));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{configured.Count} models");
            return 0;
        }));

        var name = new Argument<string>("name") { Description = "The configured model's name" };
        var priceBook = CliOptions.PriceBookFile();
        var test = new Command("test", "Send one short request to a model and report latency, token usage and cost (recorded in the usage ledger)") { name, settings, priceBook };
        test.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var check = await context.Get<ModelService>().CheckAsync(parse.GetValue(name)!, context.Caller,
                parse.GetValue(priceBook) is null ? null : CliOptions.LoadPriceBook(parse, priceBook), cancellationToken);
            var (endpoint, usage, prices) = (check.Endpoint, check.Usage, check.Prices);
            var us = CultureInfo.InvariantCulture;
            await context.Output.WriteLineAsync($"model {endpoint.Name} ({endpoint.Provider}, {check.ModelId}): ok in {check.Elapsed.TotalMilliseconds.ToString("0", us)} ms");
            await context.Output.WriteLineAsync($"reply: {check.Reply}");
            await context.Output.WriteLineAsync(usage is null
                ? "usage: the provider reported none"
                : $"usage: {usage.InputTokenCount ?? 0} input ({usage.CachedInputTokenCount ?? 0} cached), {usage.OutputTokenCount ?? 0} output tokens");
            await context.Output.WriteLineAsync(check.Cost is { } c
                ? $"cost: ${c.ToString("0.000000", us)} (price book {prices.AsOf.ToString("yyyy-MM-dd", us)})"
                : "cost: unknown (the model is not in the price book; pass --price-book)");
            return 0;
        }));

        return new Command("models", "The configured LLMs (list, test) and the model registry (registry, promote)") { list, test, Registry(run), Evaluate(run), Promote(run), Register(run) };
    }

    /// <summary>The report JSON conventions, one record per line.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions JsonLines = new(Reporting.ReportJson.Options) { WriteIndented = false };

    private static Command Registry(CommandRunner run)
    {
        var format = CliOptions.Format("text", "json");
        var decisions = new Option<bool>("--decisions") { Description = "List the retraining decisions instead (what --if-due decided and why)" };
        var registry = new Command("registry", "The model registry: versions, scores, status and lineage") { format, decisions };
        registry.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var service = context.Get<ModelService>();
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(decisions))
            {
                var made = File.Exists(context.DatabasePath) ? await service.ListDecisionsAsync(context.Caller, cancellationToken) : [];
                foreach (var d in made)
                {
                    await context.Output.WriteLineAsync(json
                        ? System.Text.Json.JsonSerializer.Serialize(d, JsonLines)
                        : $"{d.At:yyyy-MM-dd HH:mm} {d.Backend} {(d.Due ? "due" : "not due")}{(d.Job is null ? "" : $" [job {d.Job}]")}: {d.Reason}");
                }

                return 0;
            }

            var models = File.Exists(context.DatabasePath) ? await service.ListAsync(context.Caller, cancellationToken) : [];
            if (json)
            {
                await context.Output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(models, Reporting.ReportJson.Options));
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Status", "Backend", "Held-out AUPR", "Data", "Parent", "Created", "Note");
            foreach (var m in models)
            {
                table.AddRow(Markup.Escape(m.Id), m.Status.ToString(), Markup.Escape(m.Backend), m.Scores is { } s ? (100 * s.Aupr).ToString("0.0", us) : "-",
                    Markup.Escape(m.DatasetHash.Length > 12 ? m.DatasetHash[..12] : m.DatasetHash), Markup.Escape(m.Parent ?? "-"),
                    m.CreatedAt.ToString("yyyy-MM-dd HH:mm", us), Markup.Escape(m.Note ?? string.Empty));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{models.Count} models");
            return 0;
        }));
        return registry;
    }

    private static Command Register(CommandRunner run)
    {
        var endpoint = new Option<string>("--endpoint") { Description = "Where the model is served, e.g. http://gpu-1:8000/v1 (vLLM with a LoRA adapter)", Required = true };
        var model = new Option<string>("--model") { Description = "The served model or adapter id, e.g. contracts-lora-2026q4", Required = true };
        var baseModel = new Option<string>("--base") { Description = "The base model the adapter was trained on", DefaultValueFactory = _ => "unknown" };
        var dataset = new Option<string>("--dataset-hash") { Description = "Hash of the training dataset (from the export)", DefaultValueFactory = _ => "unknown" };
        var register = new Command("register", "Record a self-hosted fine-tune (e.g. a LoRA adapter served by vLLM) in the registry as a candidate") { endpoint, model, baseModel, dataset };
        register.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(endpoint), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                ModelRegistryAccess.RequireAdmin(context.Access, context.Caller, "register models");
                throw new TandemException($"--endpoint '{parse.GetValue(endpoint)}' is not an http(s) URL", "e.g. --endpoint http://gpu-1:8000/v1");
            }

            var registered = await context.Get<ModelService>().RegisterSelfHostedAsync(new ServedEndpoint(url, parse.GetValue(model)!), parse.GetValue(baseModel)!,
                parse.GetValue(dataset)!, context.Caller, cancellationToken);
            await context.Output.WriteLineAsync($"registered candidate {registered.Id}; configure it as an openai-compatible model with BaseUrl {url} and Model {parse.GetValue(model)} to use it");
            return 0;
        }));
        return register;
    }

    private static Command Evaluate(CommandRunner run)
    {
        var id = new Argument<string>("id") { Description = "The registry id of the model to score" };
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD; its held-out gate contracts are used", Required = true };
        var via = new Option<string?>("--via") { Description = "A configured model (see 'tandem models list') whose provider, base URL and key reach this one; needed for provider fine-tunes" };
        var settings = new Option<string?>("--settings") { Description = "appsettings.json that configures --via" };
        var strategy = new Option<string>("--strategy") { Description = "Prompt strategy for a language model: fine-tuned (short prompt), few-shot, or a YAML file", DefaultValueFactory = _ => "fine-tuned" };
        var contracts = new Option<int>("--contracts") { Description = "Language models: score the first N gate contracts (name order; every call costs money). Champion and candidate must use the same N", DefaultValueFactory = _ => 20 };
        var evaluate = new Command("evaluate", "Score a registered model on the held-out gate set and record the scores, so 'models promote' can gate it")
        {
            id, data, via, settings, strategy, contracts,
        };
        evaluate.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var request = new ModelEvaluation { DataFolder = parse.GetValue(data)!, Via = parse.GetValue(via), Strategy = parse.GetValue(strategy)!, Contracts = parse.GetValue(contracts) };
            var scores = await context.WithProgressAsync("models evaluate", progress =>
                context.Get<ModelService>().EvaluateAsync(parse.GetValue(id)!, request, context.Caller, progress, cancellationToken));
            await WriteScoresAsync(context, parse.GetValue(id)!, scores);
            return 0;
        }));
        return evaluate;
    }

    /// <summary>Prints a model's recorded gate scores.</summary>
    internal static Task WriteScoresAsync(CliContext context, string id, GateScores scores) =>
        context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{id}: held-out AUPR {100 * scores.Aupr:0.0} on gate set {scores.GateSet} ({scores.Categories.Count} categories with gold spans); recorded"));

    /// <summary>Prints every reason of the gate, then the promotion; a refusal is thrown as a one-line error.</summary>
    internal static async Task WritePromotionAsync(CliContext context, Promotion promotion)
    {
        foreach (var line in promotion.Decision.Reasons)
        {
            await context.Output.WriteLineAsync(" - " + line);
        }

        if (!promotion.Promoted)
        {
            throw new TandemException(promotion.Refusal, "improve the candidate, or use --force --reason '...'");
        }

        var candidate = promotion.Candidate;
        await context.Output.WriteLineAsync($"{candidate.Id} is now the champion ({promotion.Note}){(promotion.Champion is null ? "" : $"; {promotion.Champion.Id} retired")}");
        if (promotion.WidensAudience)
        {
            await context.Output.WriteLineAsync($"note: {candidate.Id} was trained for {(candidate.Audience.Count == 0 ? "an unrecorded audience" : string.Join(", ", candidate.Audience))}; as champion it reviews everyone's contracts");
        }
    }

    private static Command Promote(CommandRunner run)
    {
        var id = new Argument<string>("id") { Description = "The candidate's registry id" };
        var force = new Option<bool>("--force") { Description = "Promote even if the gate refuses (requires --reason, which is recorded)" };
        var reason = new Option<string?>("--reason") { Description = "Why a forced promotion is justified" };
        var margin = new Option<double>("--margin") { Description = "Required pooled AUPR gain over the champion, in points", DefaultValueFactory = _ => 1.0 };
        var promote = new Command("promote", "Promote a candidate if it beats the champion on the held-out gate set and regresses on no supported category") { id, force, reason, margin };
        promote.SetAction(run(async (context, parse, cancellationToken) =>
        {
            // --force without --reason is an empty reason, which the service refuses.
            var forceReason = parse.GetValue(force) ? parse.GetValue(reason) ?? string.Empty : null;
            var promotion = await context.Get<ModelService>().PromoteAsync(parse.GetValue(id)!, parse.GetValue(margin) / 100, forceReason, context.Caller, cancellationToken);
            await WritePromotionAsync(context, promotion);
            return 0;
        }));
        return promote;
    }
}
