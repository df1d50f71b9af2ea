using Tandem.Analysis;
using Tandem.Reporting;

namespace Tandem.Tests.Reporting;

public sealed class ReportTextTests
{
    [Fact]
    public void SeveritySummary_WithMissingProtections_SaysHowManyOfEach()
    {
        var report = Report(
            [Finding(Severity.High), Finding(Severity.Medium)],
            [new MissingProtection("Audit Rights", Severity.Medium, "no audit right", null)]);

        // The counts take in the missing protection; the line says so, since "Findings (2)" follows it.
        Assert.Equal("1 high, 2 medium (2 findings and 1 missing protection)", ReportText.SeveritySummary(report));
    }

    [Fact]
    public void SeveritySummary_FindingsOnly_JustTheCounts()
    {
        Assert.Equal("1 critical", ReportText.SeveritySummary(Report([Finding(Severity.Critical)], [])));
        Assert.Equal("no findings", ReportText.SeveritySummary(Report([], [])));
    }

    private static Finding Finding(Severity severity) =>
        new("Cap on Liability", severity, "cl_1", "3", "Liability", "3. Liability is capped.", 0, 10, 3, "Because", [], 0.9);

    private static RiskReport Report(IReadOnlyList<Finding> findings, IReadOnlyList<MissingProtection> missing) => new()
    {
        ReportId = "rpt_0123456789abcdef",
        DocumentId = "doc_0123456789abcdef",
        DocumentTitle = "supply",
        Source = "/contracts/supply.md",
        Version = 1,
        ContentHash = "00",
        Playbook = "standard",
        Model = "local-analyst",
        CreatedAt = DateTimeOffset.UnixEpoch,
        ClauseCount = 3,
        Findings = findings,
        MissingProtections = missing,
    };
}
