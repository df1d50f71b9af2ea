using System.Text.Json;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IReportStore"/>: a report is kept whole and is as readable as its document, on every backend.</summary>
public abstract class ReportStoreConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Save_ThenGetByTheOwner_ReturnsTheSameReport()
    {
        var report = await SavedReportAsync();

        var read = await Store.Reports.GetAsync(report.ReportId, Alice);

        Assert.NotNull(read);
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(read));
        Assert.Equal(report.Findings[0], read.Findings[0] with { Deviations = report.Findings[0].Deviations, Definitions = report.Findings[0].Definitions });
        Assert.Equal(report.Findings[0].Deviations, read.Findings[0].Deviations);
        Assert.Equal(report.Findings[0].Definitions, read.Findings[0].Definitions);
    }

    [Fact]
    public async Task Get_UserWhoMayNotReadTheDocument_NullUntilGranted()
    {
        var report = await SavedReportAsync();

        Assert.Null(await Store.Reports.GetAsync(report.ReportId, Bob));
        Assert.Null(await Store.Reports.GetAsync("rpt_ffffffffffffffff", Alice));
        Assert.NotNull(await Store.Reports.GetAsync(report.ReportId, Admin));

        await Store.Lifecycle.SetAccessAsync(report.DocumentId, AccessList.Parse("bob"), Alice);
        Assert.NotNull(await Store.Reports.GetAsync(report.ReportId, Bob));
    }

    [Fact]
    public async Task Save_SameIdAgain_ReplacesAndTrainingReadsIgnoreAccess()
    {
        var report = await SavedReportAsync();
        var rerun = report with { Model = "local-test-2", Findings = [] };

        await Store.Reports.SaveAsync(rerun, Alice);
        var forTraining = await Store.Reports.GetForTrainingAsync([report.ReportId, report.ReportId, "rpt_missing"]);

        var only = Assert.Single(forTraining);
        Assert.Equal("local-test-2", only.Model);
        Assert.Empty(only.Findings);
    }

    private async Task<RiskReport> SavedReportAsync()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        var report = Records.Report((await Store.Documents.GetDocumentAsync(lease.DocumentId, Alice))!, Clock.Now);
        await Store.Reports.SaveAsync(report, Alice);
        return report;
    }
}
