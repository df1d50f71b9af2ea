using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem review-batch &lt;folder&gt; --for &lt;party&gt;</c>: review every contract in a folder on the
/// embedded store, one after another with progress, and print a summary per contract (counts by
/// severity, highest risks, report id). A server runs the same batch as jobs (<c>POST /api/batches</c>).
/// </summary>
internal static class ReviewBatchCommand
{
    public static Command Create(CommandRunner run)
    {
        var folder = new Argument<string>("folder") { Description = "The folder of contracts (.txt .md .html .docx .pdf, recursively; README and LICENSE files are left out)" };
        var forParty = new Option<string?>("--for") { Description = "The party the reviews are for: a role (customer, provider, licensee, ...) or a name; default: each contract's receiving side" };
        var kind = new Option<string?>("--type") { Description = "The kind of every contract: " + string.Join(", ", ContractKinds.All.Select(k => k.Id)) + ", other; default: detected per contract" };
        kind.AcceptOnlyFromAmong([.. ContractKinds.All.Select(k => k.Id), "other"]);
        var noInfo = new Option<bool>("--no-info") { Description = "Leave out informational findings (parties, dates, governing law)" };
        var llm = new Option<string?>("--model") { Description = "Review with this configured LLM (see 'tandem models list') instead of the local analyst" };
        var strategy = new Option<string>("--strategy") { Description = "With --model: few-shot (base model) or fine-tuned (short prompt)", DefaultValueFactory = _ => "few-shot" };
        var settings = new Option<string?>("--settings") { Description = "With --model: appsettings.json that configures it" };
        var format = CliOptions.Format("text", "json");
        var command = new Command("review-batch", "Review every contract in a folder and summarise each: counts by severity, highest risks, report id")
        {
            folder, forParty, kind, noInfo, CliOptions.Access, llm, strategy, settings, format,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var request = new ReviewRequest
            {
                Options = new AnalysisOptions { ForParty = parse.GetValue(forParty), ContractKind = parse.GetValue(kind), IncludeInfo = !parse.GetValue(noInfo) },
                Model = parse.GetValue(llm),
                Strategy = parse.GetValue(strategy)!,
            };
            var access = context.ParseAccess(parse.GetValue(CliOptions.Access));
            var items = await context.WithProgressAsync("review-batch", progress =>
                context.Get<BatchReviewer>().ReviewFolderAsync(parse.GetValue(folder)!, access, request, context.Caller, progress, cancellationToken));
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(items, ReportJson.Options));
            }
            else
            {
                Write(context, items);
            }

            foreach (var failed in items.Where(i => i.Error is not null))
            {
                await context.Error.WriteLineAsync($"error: {Path.GetFileName(failed.Source)}: {failed.Error}");
            }

            var reviewed = items.Count(i => i.Summary is not null);
            await context.Output.WriteLineAsync($"reviewed {reviewed} of {items.Count} contracts; {items.Count - reviewed} failed");
            return reviewed == items.Count ? 0 : TandemCli.UserError;
        }));
        return command;
    }

    private static void Write(CliContext context, IReadOnlyList<BatchItem> items)
    {
        var severities = Enum.GetValues<Severity>().Reverse().ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumn("Contract");
        foreach (var severity in severities)
        {
            table.AddColumn(new TableColumn(severity.ToString()).RightAligned());
        }

        table.AddColumns("Highest risks", "Report");
        foreach (var item in items.Where(i => i.Summary is not null))
        {
            var summary = item.Summary!;
            var risks = summary.HighestRisks.Count == 0
                ? "-"
                : string.Join("; ", summary.HighestRisks.Select(r => $"{r.Severity.ToString().ToLowerInvariant()} {r.Category}{(r.ClausePath is { Length: > 0 } path ? $" ({path})" : " (missing)")}"));
            table.AddRow([Markup.Escape(Path.GetFileName(item.Source)), .. severities.Select(s => summary.Severities.GetValueOrDefault(s).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Markup.Escape(risks), summary.ReportId]);
        }

        context.Console.Write(table);
    }
}
