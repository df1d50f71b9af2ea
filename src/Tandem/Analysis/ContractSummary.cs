namespace Tandem.Analysis;

/// <summary>One reviewed contract of a batch at a glance: its report, counts by severity and its highest risks.</summary>
/// <param name="DocumentId">The reviewed document.</param>
/// <param name="Title">Its title.</param>
/// <param name="Source">Where it came from (a path, or /uploads/name).</param>
/// <param name="ReportId">The saved report.</param>
/// <param name="Severities">Findings and missing protections per severity, every severity present.</param>
/// <param name="HighestRisks">The most severe findings and missing protections, at most <see cref="MaxRisks"/>, none informational.</param>
public sealed record ContractSummary(string DocumentId, string Title, string Source, string ReportId, IReadOnlyDictionary<Severity, int> Severities,
    IReadOnlyList<HighestRisk> HighestRisks)
{
    /// <summary>How many risks a summary lists.</summary>
    public const int MaxRisks = 3;

    /// <summary>The summary of <paramref name="report"/>: findings before missing protections of the same severity, each in the report's order.</summary>
    public static ContractSummary Of(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var risks = report.Findings.Select(f => new HighestRisk(f.Category, f.Severity, f.ClausePath, OneLine(f.Measured ?? f.Rationale)))
            .Concat(report.MissingProtections.Select(m => new HighestRisk(m.Category, m.Severity, null, OneLine(m.Rationale))))
            .Where(r => r.Severity > Severity.Info)
            .OrderByDescending(r => r.Severity) // stable: findings stay before missing protections, each in the report's order
            .Take(MaxRisks)
            .ToList();
        return new ContractSummary(report.DocumentId, report.DocumentTitle, report.Source, report.ReportId, report.SeverityCounts, risks);
    }

    private static string? OneLine(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.ReplaceLineEndings(" ").Trim();
}
