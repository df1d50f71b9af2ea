using System.Globalization;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Reporting;

namespace Tandem.Cli;

/// <summary>The report for a terminal: a findings table, each finding's quote and rationale, missing protections.</summary>
internal static class TextReport
{
    public static void Write(IAnsiConsole console, RiskReport report)
    {
        report = ReportText.ForTerminal(report);
        console.WriteLine($"Risk report: {report.DocumentTitle} (document {report.DocumentId} v{report.Version}, {report.ClauseCount} clauses)");
        console.WriteLine($"Reviewed for: {ReportText.SideSummary(report)}");
        if (ReportText.KindSummary(report) is { } kind)
        {
            console.WriteLine($"Contract type: {kind}");
        }

        console.WriteLine($"Playbook: {report.Playbook}; report {report.ReportId}");
        console.WriteLine($"Model: {report.Model}");
        console.WriteLine($"Summary: {ReportText.SeveritySummary(report)}");
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded).Title($"Findings ({report.Findings.Count})")
            .AddColumn("#").AddColumn("Severity").AddColumn("Category").AddColumn("Clause").AddColumn("Line")
            .AddColumn(new TableColumn("Conf.").RightAligned()).AddColumn("Quote");
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(ReportText.SeverityLabel(f.Severity)),
                Markup.Escape(f.Category),
                Markup.Escape(f.ClausePath),
                f.Line.ToString(CultureInfo.InvariantCulture),
                f.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(ReportText.Preview(f.Quote, 70)));
        }

        console.Write(table);
        console.WriteLine();
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            console.WriteLine($"{i + 1}. {f.Category} [{ReportText.SeverityLabel(f.Severity)}] clause {f.ClausePath}{(f.Heading is null ? "" : $" ({f.Heading})")}, line {f.Line}, chars {f.Start}-{f.End}, confidence {f.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
            foreach (var line in f.Quote.Split('\n'))
            {
                console.WriteLine("   | " + line);
            }

            if (f.Answer is not null)
            {
                console.WriteLine("   Answer: " + f.Answer);
            }

            if (ReportText.FavoursLine(report, f) is { } favours)
            {
                console.WriteLine("   Whose: " + favours);
            }

            if (f.Measured is not null)
            {
                console.WriteLine("   Measured: " + f.Measured);
            }

            foreach (var definition in ReportText.DefinitionLines(f))
            {
                console.WriteLine("   Read with " + definition);
            }

            if (f.Deviations.Count > 0)
            {
                console.WriteLine("   Deviations: " + string.Join("; ", f.Deviations));
            }

            if (f.Rationale is not null)
            {
                console.WriteLine("   Why: " + f.Rationale);
            }

            console.WriteLine();
        }

        console.WriteLine($"Missing protections ({report.MissingProtections.Count}):");
        foreach (var m in report.MissingProtections)
        {
            console.WriteLine($" - {m.Category} [{ReportText.SeverityLabel(m.Severity)}]: {m.Rationale ?? "expected by the playbook"}");
            if (ReportText.AskFor(m) is { } ask)
            {
                console.WriteLine($"   {ask}");
            }
        }

        if (report.MissingProtections.Count == 0)
        {
            console.WriteLine(" none");
        }

        if (report.Findings.Count > 0)
        {
            console.WriteLine();
            console.WriteLine($"Correct a finding: tandem correct {report.ReportId} --finding <#> --false-positive | --category <c> | --severity <s>; add one: --missed <clause> --category <c>");
        }

        if (report.Unverified.Count > 0)
        {
            console.WriteLine();
            console.WriteLine($"Unverified claims, dropped ({report.Unverified.Count}):");
            foreach (var u in report.Unverified)
            {
                console.WriteLine($" - {u.Category}, cited passage {u.Passage}: {ReportText.UnverifiedReason(u.Reason)} \"{ReportText.Preview(u.Quote, 120)}\"");
            }
        }
    }
}
