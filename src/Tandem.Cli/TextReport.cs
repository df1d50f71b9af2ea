using System.Globalization;
using Tandem.Analysis;
using Tandem.Reporting;

namespace Tandem.Cli;

/// <summary>The report for a terminal: a findings table, each finding's quote and rationale, missing protections.</summary>
internal static class TextReport
{
    /// <summary>Writes the report; its findings table fits <paramref name="width"/> columns, the other lines are left whole.</summary>
    public static void Write(TextWriter output, RiskReport report, int width)
    {
        report = ReportText.ForTerminal(report);
        output.WriteLine($"Risk report: {report.DocumentTitle} (document {report.DocumentId} v{report.Version}, {report.ClauseCount} clauses)");
        output.WriteLine($"Reviewed for: {ReportText.SideSummary(report)}");
        if (ReportText.KindSummary(report) is { } kind)
        {
            output.WriteLine($"Contract type: {kind}");
        }

        output.WriteLine($"Playbook: {report.Playbook}; report {report.ReportId}");
        output.WriteLine($"Model: {report.Model}");
        output.WriteLine($"Summary: {ReportText.SeveritySummary(report)}");
        output.WriteLine();

        var table = new TextTable().Column("#").Column("Severity").Column("Category", wraps: true).Column("Clause", wraps: true).Column("Line")
            .Column("Conf.", rightAligned: true).Column("Quote", wraps: true);
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            table.Row(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                ReportText.SeverityLabel(f.Severity),
                f.Category,
                f.ClausePath,
                f.Line.ToString(CultureInfo.InvariantCulture),
                f.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                ReportText.Preview(f.Quote, 70));
        }

        table.Write(output, width, $"Findings ({report.Findings.Count})");
        output.WriteLine();
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            output.WriteLine($"{i + 1}. {f.Category} [{ReportText.SeverityLabel(f.Severity)}] clause {f.ClausePath}{(f.Heading is null ? "" : $" ({f.Heading})")}, line {f.Line}, chars {f.Start}-{f.End}, confidence {f.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
            foreach (var line in f.Quote.Split('\n'))
            {
                output.WriteLine("   | " + line);
            }

            if (f.Answer is not null)
            {
                output.WriteLine("   Answer: " + f.Answer);
            }

            if (ReportText.FavoursLine(report, f) is { } favours)
            {
                output.WriteLine("   Whose: " + favours);
            }

            if (f.Measured is not null)
            {
                output.WriteLine("   Measured: " + f.Measured);
            }

            foreach (var definition in ReportText.DefinitionLines(f))
            {
                output.WriteLine("   Read with " + definition);
            }

            if (f.Deviations.Count > 0)
            {
                output.WriteLine("   Deviations: " + string.Join("; ", f.Deviations));
            }

            if (f.Rationale is not null)
            {
                output.WriteLine("   Why: " + f.Rationale);
            }

            output.WriteLine();
        }

        output.WriteLine($"Missing protections ({report.MissingProtections.Count}):");
        foreach (var m in report.MissingProtections)
        {
            output.WriteLine($" - {m.Category} [{ReportText.SeverityLabel(m.Severity)}]: {m.Rationale ?? "expected by the playbook"}");
            if (ReportText.AskFor(m) is { } ask)
            {
                output.WriteLine($"   {ask}");
            }
        }

        if (report.MissingProtections.Count == 0)
        {
            output.WriteLine(" none");
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Correct a finding: tandem correct {report.ReportId} --finding <#> --false-positive | --category <c> | --severity <s>; add one: --missed <clause> --category <c>");
        }

        if (report.Unverified.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Unverified claims, dropped ({report.Unverified.Count}):");
            foreach (var u in report.Unverified)
            {
                output.WriteLine($" - {u.Category}, cited passage {u.Passage}: {ReportText.UnverifiedReason(u.Reason)} \"{ReportText.Preview(u.Quote, 120)}\"");
            }
        }
    }
}
