using System.CommandLine;
using System.Globalization;
using Tandem.Learning;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem dataset validate &lt;file&gt; --format ...</c>: check a fine-tuning file against a provider's rules before paying for a job.</summary>
internal static class DatasetCommand
{
    public static Command Create(CommandRunner run)
    {
        var file = new Argument<string>("file") { Description = "A JSON Lines dataset" };
        var format = new Option<string>("--format") { Description = "openai-chat, bedrock or hf-messages", DefaultValueFactory = _ => "openai-chat" };
        var baseModel = new Option<string>("--base-model") { Description = "Base model to estimate training cost with (from the price book)", DefaultValueFactory = _ => "gpt-4.1-mini" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs for the cost estimate", DefaultValueFactory = _ => 3 };
        var priceBook = CliOptions.PriceBookFile();
        var validate = new Command("validate", "Validate a fine-tuning dataset: JSON per line, roles and order, non-empty content, tokens per example, minimum count; token statistics and training cost")
        {
            file, format, baseModel, epochs, priceBook,
        };
        validate.SetAction(run(async (context, parse, _) =>
        {
            var chosen = DatasetService.ParseFormat(parse.GetValue(format));
            if (parse.GetValue(epochs) is < 1 or > 50)
            {
                throw new TandemException($"--epochs must be between 1 and 50, not {parse.GetValue(epochs)}");
            }

            var report = DatasetService.Validate(parse.GetValue(file)!, chosen);
            var us = CultureInfo.InvariantCulture;
            await context.Output.WriteLineAsync(string.Create(us, $"{report.Examples} valid examples; tokens: {report.TotalTokens:N0} total, {report.MeanTokens:0} mean, {report.MaxTokens:N0} max (o200k)"));
            await context.Output.WriteLineAsync(CostLine(report, CliOptions.LoadPriceBook(parse, priceBook), parse.GetValue(baseModel)!, parse.GetValue(epochs)));
            foreach (var issue in report.Issues.Take(50))
            {
                await context.Output.WriteLineAsync(issue.Line == 0 ? $"file: {issue.Message}" : $"line {issue.Line}: {issue.Message}");
            }

            if (report.Issues.Count > 50)
            {
                await context.Output.WriteLineAsync($"... and {report.Issues.Count - 50} more");
            }

            return report.IsValid
                ? 0
                : throw new TandemException($"{report.Issues.Count} problems in {parse.GetValue(file)}", "fix the lines listed above; nothing was uploaded");
        }));
        return new Command("dataset", "Fine-tuning datasets") { validate, Build(run) };
    }

    /// <summary>The training-cost estimate: tokens × epochs × the price book's training rate for the base model.</summary>
    internal static string CostLine(DatasetReport report, Economics.PriceBook prices, string model, int epochs) =>
        prices.Find(model)?.TrainingPerMillion is { } perMillion
            ? string.Create(CultureInfo.InvariantCulture, $"training cost estimate: {report.TotalTokens:N0} tokens × {epochs} epochs × ${perMillion}/M = ${report.TrainingCost(epochs, perMillion):0.00} ({model}, price book {prices.AsOf:yyyy-MM-dd})")
            : $"training cost estimate: unknown ({model} has no training price in the price book)";

    /// <summary>The options that shape a dataset, shared by 'dataset build' and 'retrain provider'.</summary>
    internal sealed class DatasetOptionSet
    {
        public Option<string> Format { get; } = new("--format") { Description = "openai-chat, bedrock or hf-messages", DefaultValueFactory = _ => "openai-chat" };

        public Option<bool> RetrievalAware { get; } = new("--retrieval-aware") { Description = "Put each clause among retrieved distractors, so the model learns to find and cite it" };

        public Option<int> Distractors { get; } = new("--distractors") { Description = "Distractor passages per example", DefaultValueFactory = _ => 3 };

        public Option<double> Oracle { get; } = new("--oracle-ratio") { Description = "Share of examples whose context includes the relevant clause", DefaultValueFactory = _ => 0.8 };

        public Option<double> Split { get; } = new("--split") { Description = "Share of examples for training (the rest validate)", DefaultValueFactory = _ => 0.9 };

        public Option<string?> Audience { get; } = new("--audience") { Description = "Who may call the fine-tuned model: user:x,group:y, all of which you must belong to (default: public, for public examples only)" };

        public Option<string[]> EvalData { get; } = new("--eval-data") { Description = "CUAD-style folders whose annotated clauses must not appear in the dataset (leak check)", AllowMultipleArgumentsPerToken = true };

        public IEnumerable<Option> All => [Format, RetrievalAware, Distractors, Oracle, Split, Audience, EvalData];

        /// <summary>The options; the audience is checked first, before any data is read.</summary>
        public DatasetOptions Read(CliContext context, ParseResult parse) => new()
        {
            Audience = context.Get<DatasetService>().CheckedAudience(context.Caller, parse.GetValue(Audience)) ?? [Access.AccessList.Public],
            Format = DatasetService.ParseFormat(parse.GetValue(Format)),
            RetrievalAware = parse.GetValue(RetrievalAware),
            Distractors = parse.GetValue(Distractors),
            OracleRatio = parse.GetValue(Oracle),
            Split = parse.GetValue(Split),
            EvaluationTexts = DatasetService.EvaluationTexts(parse.GetValue(EvalData) ?? []),
            Instructions = DatasetService.FineTunedInstructions(),
        };
    }

    private static Command Build(CommandRunner run)
    {
        var set = new DatasetOptionSet();
        var output = new Option<string>("--out") { Description = "Folder for train.jsonl and valid.jsonl", Required = true };
        var baseModel = new Option<string>("--base-model") { Description = "Base model to estimate training cost with (from the price book)", DefaultValueFactory = _ => "gpt-4.1-mini" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs for the cost estimate", DefaultValueFactory = _ => 3 };
        var priceBook = CliOptions.PriceBookFile();
        var build = new Command("build", "Build a fine-tuning dataset from the reviewed examples, with the access guard and a leak check, then validate it and estimate its training cost")
        {
            output, baseModel, epochs, priceBook,
        };
        foreach (var option in set.All)
        {
            build.Add(option);
        }

        build.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var result = await BuildAsync(context, set.Read(context, parse), parse.GetValue(output)!, cancellationToken);
            await context.Output.WriteLineAsync(CostLine(result.TrainReport, CliOptions.LoadPriceBook(parse, priceBook), parse.GetValue(baseModel)!, parse.GetValue(epochs)));
            return result.TrainReport.IsValid ? 0 : throw new TandemException("the training file does not pass validation (see above), so nothing was written", "add examples with 'tandem examples import' or accept pending ones with 'tandem examples review <id> --accept'");
        }));
        return build;
    }

    /// <summary>Builds the dataset and prints what went in, what was excluded and why, and the validation report.</summary>
    internal static async Task<DatasetBuild> BuildAsync(CliContext context, DatasetOptions options, string folder, CancellationToken cancellationToken)
    {
        var result = await context.Get<DatasetService>().BuildAsync(options, folder, context.Caller, cancellationToken);
        var us = CultureInfo.InvariantCulture;
        await context.Output.WriteLineAsync(result.TrainReport.IsValid
            ? $"wrote {result.Train} training and {result.Validation} validation examples to {Path.GetDirectoryName(result.TrainPath)} (dataset {result.DatasetHash})"
            : $"built {result.Train} training and {result.Validation} validation examples; nothing written to {Path.GetDirectoryName(result.TrainPath)}");
        await context.Output.WriteLineAsync(string.Create(us, $"tokens: {result.TrainReport.TotalTokens:N0} in training, {result.TrainReport.MeanTokens:0} mean, {result.TrainReport.MaxTokens:N0} max"));
        foreach (var line in ExclusionLines(context, result.Excluded, "excluded"))
        {
            await context.Output.WriteLineAsync(line);
        }

        foreach (var issue in result.TrainReport.Issues.Take(10))
        {
            await context.Output.WriteLineAsync(issue.Line == 0 ? $"validation: {issue.Message}" : $"validation, line {issue.Line}: {issue.Message}");
        }

        return result;
    }

    /// <summary>
    /// What was left out, one line per kind with its count; an example is named only when the
    /// caller may read it, so the report says nothing of others' items but how many.
    /// </summary>
    internal static IEnumerable<string> ExclusionLines(CliContext context, IReadOnlyList<Exclusion> excluded, string verb) =>
        context.Get<DatasetService>().Summarise(excluded, context.Caller).Select(group => group.ExampleReason is { } reason
            ? $"{verb} {group.Count} ({group.Kind}), e.g. {group.Ids[0]}: {reason}"
            : $"{verb} {group.Count} ({group.Kind})");
}
