using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Economics;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem usage [--days 30]</c>: what the metered model calls used and cost, from the ledger.</summary>
internal static class UsageCommand
{
    public static Command Create(CommandRunner run)
    {
        var days = new Option<int>("--days") { Description = "How many days back to sum", DefaultValueFactory = _ => 30 };
        var format = CliOptions.Format("text", "json");
        var command = new Command("usage", "Token usage, latency and cost of metered LLM calls, per model and strategy") { days, format };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            // Reading usage must not create a database.
            var usage = File.Exists(context.DatabasePath)
                ? await context.Get<UsageService>().SummariseAsync(context.Caller, parse.GetValue(days), cancellationToken: cancellationToken)
                : UsageService.Empty(parse.GetValue(days));
            var (window, rows, share) = (usage.Days, usage.Rows, usage.FewShotShareOfPromptTokens);
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { days = window, rows, fewShotShareOfPromptTokens = share }, ReportJson.Options));
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Simple).AddColumns("Model", "Strategy / operation", "Calls", "Failed", "Input", "Cached", "Output", "Mean input", "Cost $", "Mean ms");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Model), Markup.Escape(r.Kind), r.Calls.ToString(us), r.Failures.ToString(us), r.InputTokens.ToString(us), r.CachedInputTokens.ToString(us),
                    r.OutputTokens.ToString(us), r.MeanInputTokens.ToString("0", us), r.CostUsd.ToString("0.0000", us), r.MeanLatencyMs.ToString("0", us));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{usage.Calls} calls in the last {window} days; total ${usage.TotalCostUsd.ToString("0.0000", us)}" +
                (share is { } s ? $"; worked examples are {s.ToString("0%", us)} of prompt tokens" : string.Empty));
            return 0;
        }));
        return command;
    }
}
