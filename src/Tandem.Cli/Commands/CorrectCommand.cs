using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem correct &lt;report-id&gt;</c>: a lawyer corrects a stored report. The correction is
/// kept with the model's original finding and the report's context, and becomes a training
/// example once a reviewer accepts it.
/// </summary>
internal static class CorrectCommand
{
    public static Command Create(CommandRunner run)
    {
        var reportId = new Argument<string>("report-id") { Description = "The report to correct (printed with each report: 'report rpt_...')" };
        var finding = new Option<int?>("--finding", "-f") { Description = "The finding to correct: its number in the report's # column" };
        var falsePositive = new Option<bool>("--false-positive") { Description = "The finding is wrong: the clause is not of that category" };
        var missed = new Option<string?>("--missed") { Description = "Add a finding the report missed, on this clause (its path, e.g. 12.3, or id); needs --category" };
        var category = new Option<string?>("--category") { Description = "The right category (or the missed finding's)" };
        var severity = new Option<string?>("--severity") { Description = "The right severity: critical, high, medium, low or info" };
        var rationale = new Option<string?>("--rationale") { Description = "The right rationale" };
        var quote = new Option<string?>("--quote") { Description = "The exact words of the clause the finding rests on" };
        var note = new Option<string?>("--note") { Description = "A note kept with the correction" };
        var list = new Option<bool>("--list") { Description = "Show the report's findings and the corrections made so far, and change nothing" };
        var clauses = new Option<bool>("--clauses") { Description = "With --list: also every clause the report covered (its path is what --missed takes)" };
        var command = new Command("correct", "Correct a report: change a finding's category, severity, rationale or quote, mark a false positive, or add a missed finding")
        {
            reportId, finding, falsePositive, missed, category, severity, rationale, quote, note, list, clauses,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var corrections = context.Get<CorrectionService>();
            var id = parse.GetValue(reportId)!;
            if (!File.Exists(context.DatabasePath))
            {
                throw new TandemException($"report {id} does not exist: the database {context.DatabasePath} is empty", "run 'tandem analyze <contract>' first");
            }

            if (parse.GetValue(list))
            {
                await ListAsync(context, await corrections.ListOfReportAsync(id, context.Caller, cancellationToken), parse.GetValue(clauses));
                return 0;
            }

            var request = new CorrectionRequest(parse.GetValue(finding), parse.GetValue(falsePositive), parse.GetValue(missed), parse.GetValue(category),
                parse.GetValue(severity), parse.GetValue(rationale), parse.GetValue(quote), parse.GetValue(note));
            var (correction, added) = await corrections.CorrectAsync(id, request, context.Caller, cancellationToken);
            if (!added)
            {
                await context.Output.WriteLineAsync($"already recorded as {correction.Id}; nothing changed");
                return 0;
            }

            await context.Output.WriteLineAsync($"recorded {correction.Id}: {Describe(correction)}");
            await context.Output.WriteLineAsync($"training example {correction.ExampleId} awaits review: tandem examples review {correction.ExampleId} --accept");
            return 0;
        }));
        return command;
    }

    private static string Describe(Correction c) => c.Kind switch
    {
        Correction.FalsePositive => $"finding {c.Finding} ({c.Original!.Category}, clause {c.ClausePath}) is a false positive",
        Correction.Missed => $"missed finding {c.Category} on clause {c.ClausePath}",
        _ => $"finding {c.Finding} (clause {c.ClausePath}): " + string.Join("; ", new[]
        {
            c.Category is null ? null : $"category {c.Original!.Category} → {c.Category}",
            c.Severity is null ? null : $"severity {c.Original!.Severity} → {c.Severity}",
            c.Rationale is null ? null : "new rationale",
            c.Quote is null ? null : $"quote narrowed to \"{ReportText.Preview(c.Quote, 60)}\"",
        }.Where(s => s is not null)),
    };

    private static async Task ListAsync(CliContext context, ReportCorrections recorded, bool clauses)
    {
        var (report, corrections) = recorded;
        await context.Output.WriteLineAsync($"Report {report.ReportId}: {report.DocumentTitle} v{report.Version}, {report.Model}");
        var table = new Table().Border(TableBorder.Simple).AddColumns("#", "Category", "Severity", "Clause", "Quote");
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Category), ReportText.SeverityLabel(f.Severity), Markup.Escape(f.ClausePath),
                Markup.Escape(ReportText.Preview(f.Quote, 70)));
        }

        context.Console.Write(table);
        if (clauses && report.Context is { } seen)
        {
            var all = new Table().Border(TableBorder.Simple).AddColumns("Clause", "Heading", "Text");
            foreach (var clause in seen.Clauses)
            {
                all.AddRow(Markup.Escape(clause.Path), Markup.Escape(clause.Heading ?? string.Empty), Markup.Escape(ReportText.Preview(clause.Text, 70)));
            }

            context.Console.Write(all);
        }

        await context.Output.WriteLineAsync($"Corrections ({corrections.Count}):");
        foreach (var c in corrections)
        {
            await context.Output.WriteLineAsync($" - {c.Correction.Id} [{c.Review}{(c.Reviewer is null ? "" : " by " + c.Reviewer)}] by {c.Correction.Author}: {Describe(c.Correction)}");
        }
    }
}
