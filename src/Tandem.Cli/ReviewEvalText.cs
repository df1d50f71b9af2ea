using System.Globalization;
using Spectre.Console;
using Tandem.Evaluation;
using Tandem.Reporting;

namespace Tandem.Cli;

/// <summary><c>tandem eval review</c> for a terminal: a table per contract and in total, then each risk, missing protection and unexpected finding.</summary>
internal static class ReviewEvalText
{
    public static void Write(IAnsiConsole console, ReviewEvaluation result)
    {
        var us = CultureInfo.InvariantCulture;
        console.WriteLine($"Review evaluation: {result.Contracts.Count} contracts, {result.Risks} deliberate risks, {result.Missing} missing protections; {result.Elapsed.TotalSeconds.ToString("0.0", us)} s");
        console.WriteLine($"Model: {result.Model}; playbook: {result.Playbook}");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Contract", "Risks at severity", "At any severity", "Missing found", "Unexpected high");
        foreach (var c in result.Contracts)
        {
            table.AddRow(Markup.Escape(c.File), Share(c.RisksAtSeverity, c.Risks.Count), Share(c.RisksFound, c.Risks.Count),
                $"{c.MissingFound}/{c.Missing.Count}", c.Unexpected.Count.ToString(us));
        }

        table.AddRow("Total", Share(result.RisksAtSeverity, result.Risks), Share(result.RisksFound, result.Risks),
            $"{result.MissingFound}/{result.Missing}", result.Unexpected.ToString(us));
        console.Write(table);

        foreach (var c in result.Contracts)
        {
            console.WriteLine();
            console.WriteLine($"{c.File} ({c.Type}{(c.ReviewedAs is { } k && k != c.Type ? $"; reviewed as {k}" : string.Empty)}), reviewed for {c.Side}");
            foreach (var r in c.Risks)
            {
                var needs = $"needs {ReportText.SeverityLabel(r.MinSeverity)}";
                console.WriteLine(r.Best is { } b
                    ? $"  {(r.FoundAtSeverity ? "found  " : "too low")}  {r.Id}: {b.ClausePath} {b.Category}, {ReportText.SeverityLabel(b.Severity)} ({needs})"
                    : $"  missed   {r.Id}: nothing on {string.Join(", ", r.Clauses)} ({needs}) - {r.Description}");
            }

            foreach (var m in c.Missing)
            {
                console.WriteLine($"  missing protection {m.Category}: {(m.Found ? "reported" : "not reported")}{MissedBecause(m)}");
            }

            if (c.OtherMissing.Count > 0)
            {
                console.WriteLine($"  also reported missing (not in the key): {string.Join(", ", c.OtherMissing)}");
            }

            foreach (var u in c.Unexpected)
            {
                console.WriteLine($"  unexpected {ReportText.SeverityLabel(u.Severity)}: {u.ClausePath} {u.Category}{(u.OnOrdinaryClause ? " (an ordinary clause in the key)" : string.Empty)}");
            }
        }

        console.WriteLine();
        console.WriteLine($"Overall: {Share(result.RisksAtSeverity, result.Risks)} of risks at the required severity, {Share(result.RisksFound, result.Risks)} at any severity; " +
            $"{result.MissingFound}/{result.Missing} missing protections; {result.Unexpected} unexpected high/critical findings " +
            $"(most in one contract: {result.Contracts.Select(c => c.Unexpected.Count).DefaultIfEmpty().Max()}); " +
            $"{result.OtherMissing} other protections reported missing");
        console.WriteLine($"Issue 12 bar (>= {(100 * ReviewEvaluation.TargetRecall).ToString("0", us)}% at severity, every missing protection, <= {ReviewEvaluation.TargetUnexpectedPerContract} unexpected per contract): " +
            (result.MeetsTarget ? "met" : "not met"));
    }

    /// <summary>For a missing protection the key names that was not reported: the report's findings of its category, or that there were none.</summary>
    private static string MissedBecause(ReviewMissingScore m) =>
        m.Found ? string.Empty
        : m.ShownBy.Count > 0 ? $" (the report's findings of it: {string.Join(", ", m.ShownBy)})"
        : " (no finding of it)";

    private static string Share(int found, int total) =>
        total == 0 ? "-" : $"{found}/{total} ({(100.0 * found / total).ToString("0", CultureInfo.InvariantCulture)}%)";
}
