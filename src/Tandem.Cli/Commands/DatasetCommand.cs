using System.CommandLine;
using System.Globalization;
using Tandem.Learning;
using Tandem.Prompting;

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
            var chosen = ParseFormat(parse.GetValue(format));
            if (parse.GetValue(epochs) is < 1 or > 50)
            {
                throw new TandemException($"--epochs must be between 1 and 50, not {parse.GetValue(epochs)}");
            }

            var report = new DatasetValidator(new TokenCounter()).Validate(parse.GetValue(file)!, chosen);
            var us = CultureInfo.InvariantCulture;
            await context.Output.WriteLineAsync(string.Create(us, $"{report.Examples} valid examples; tokens: {report.TotalTokens:N0} total, {report.MeanTokens:0} mean, {report.MaxTokens:N0} max (o200k)"));
            var prices = CliOptions.LoadPriceBook(parse, priceBook);
            var model = parse.GetValue(baseModel)!;
            await context.Output.WriteLineAsync(prices.Find(model)?.TrainingPerMillion is { } perMillion
                ? string.Create(us, $"training cost estimate: {report.TotalTokens:N0} tokens × {parse.GetValue(epochs)} epochs × ${perMillion}/M = ${report.TrainingCost(parse.GetValue(epochs), perMillion):0.00} ({model}, price book {prices.AsOf:yyyy-MM-dd})")
                : $"training cost estimate: unknown ({model} has no training price in the price book)");
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

    private static DatasetFormat ParseFormat(string? name) => name switch
    {
        "openai-chat" => DatasetFormat.OpenAiChat,
        "bedrock" => DatasetFormat.Bedrock,
        "hf-messages" => DatasetFormat.HfMessages,
        var other => throw new TandemException($"unknown dataset format '{other}'", "use openai-chat, bedrock or hf-messages"),
    };

    private static Command Build(CommandRunner run)
    {
        var format = new Option<string>("--format") { Description = "openai-chat, bedrock or hf-messages", DefaultValueFactory = _ => "openai-chat" };
        var retrievalAware = new Option<bool>("--retrieval-aware") { Description = "Put each clause among retrieved distractors, so the model learns to find and cite it" };
        var distractors = new Option<int>("--distractors") { Description = "Distractor passages per example", DefaultValueFactory = _ => 3 };
        var oracle = new Option<double>("--oracle-ratio") { Description = "Share of examples whose context includes the relevant clause", DefaultValueFactory = _ => 0.8 };
        var split = new Option<double>("--split") { Description = "Share of examples for training (the rest validate)", DefaultValueFactory = _ => 0.9 };
        var output = new Option<string>("--out") { Description = "Folder for train.jsonl and valid.jsonl", Required = true };
        var audience = new Option<string?>("--audience") { Description = "Who may call the fine-tuned model: user:x,group:y (default: public examples only)" };
        var evalData = new Option<string[]>("--eval-data") { Description = "CUAD-style folders whose annotated clauses must not appear in the dataset (leak check)", AllowMultipleArgumentsPerToken = true };
        var build = new Command("build", "Build a fine-tuning dataset from the reviewed examples, with the access guard and a leak check, then validate it")
        {
            format, retrievalAware, distractors, oracle, split, output, audience, evalData,
        };
        build.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var evaluation = (parse.GetValue(evalData) ?? []).SelectMany(folder => Evaluation.CuadDataset.Load(folder).Contracts.SelectMany(c => c.Gold.Values.SelectMany(v => v))).ToList();
            var options = new DatasetOptions
            {
                Format = ParseFormat(parse.GetValue(format)),
                RetrievalAware = parse.GetValue(retrievalAware),
                Distractors = parse.GetValue(distractors),
                OracleRatio = parse.GetValue(oracle),
                Split = parse.GetValue(split),
                Audience = CliOptions.AudienceTokens(parse.GetValue(audience) ?? string.Empty),
                EvaluationTexts = evaluation,
                Instructions = Prompting.PromptStrategy.Load("fine-tuned").Instructions,
            };
            var result = await new DatasetBuilder(new SqliteExampleStore(context.DatabasePath), new TokenCounter()).BuildAsync(options, parse.GetValue(output)!, cancellationToken);
            var us = CultureInfo.InvariantCulture;
            await context.Output.WriteLineAsync($"wrote {result.Train} training and {result.Validation} validation examples to {Path.GetDirectoryName(result.TrainPath)} (dataset {result.DatasetHash})");
            await context.Output.WriteLineAsync(string.Create(us, $"tokens: {result.TrainReport.TotalTokens:N0} in training, {result.TrainReport.MeanTokens:0} mean, {result.TrainReport.MaxTokens:N0} max"));
            static string Kind(string reason) =>
                reason.StartsWith("near duplicate", StringComparison.Ordinal) ? "near duplicates"
                : reason.StartsWith("its sources", StringComparison.Ordinal) ? "access guard"
                : reason.StartsWith("it matches", StringComparison.Ordinal) ? "leak check"
                : reason;
            foreach (var group in result.Excluded.GroupBy(e => Kind(e.Reason)))
            {
                await context.Output.WriteLineAsync($"excluded {group.Count()} ({group.Key}), e.g. {group.First().Id}: {group.First().Reason}");
            }

            foreach (var issue in result.TrainReport.Issues.Take(10))
            {
                await context.Output.WriteLineAsync(issue.Line == 0 ? $"validation: {issue.Message}" : $"validation, line {issue.Line}: {issue.Message}");
            }

            return result.TrainReport.IsValid ? 0 : throw new TandemException("the training file does not pass validation (see above)", "add or review more examples");
        }));
        return build;
    }
}
