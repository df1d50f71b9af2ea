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
            var chosen = parse.GetValue(format) switch
            {
                "openai-chat" => DatasetFormat.OpenAiChat,
                "bedrock" => DatasetFormat.Bedrock,
                "hf-messages" => DatasetFormat.HfMessages,
                var other => throw new TandemException($"unknown dataset format '{other}'", "use openai-chat, bedrock or hf-messages"),
            };
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
        return new Command("dataset", "Fine-tuning datasets") { validate };
    }
}
