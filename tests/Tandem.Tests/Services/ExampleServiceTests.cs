using Tandem.Access;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Tests.Support;
using static Tandem.Tests.Services.Reviewers;

namespace Tandem.Tests.Services;

/// <summary>Examples through the library service: import, the reviewer's queue, and accepting or refusing many at once.</summary>
public sealed class ExampleServiceTests : IAsyncLifetime
{
    private readonly ServiceHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private ExampleService Service => _host.Get<ExampleService>();

    private async Task<(string Carols, string Erins)> TwoCorrectionsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = _host.Dir.Write("supply.txt", ContractTexts.Supply);
        var report = await _host.Get<ReviewService>().ReviewFileAsync(path, AccessList.Parse("group:legal"), new ReviewRequest(), Alice, cancellationToken: ct);
        var corrections = _host.Get<CorrectionService>();
        var (carols, _) = await corrections.CorrectAsync(report.ReportId, new CorrectionRequest(Finding: 1, FalsePositive: true), Carol, ct);
        var (erins, _) = await corrections.CorrectAsync(report.ReportId, new CorrectionRequest(Finding: 2, FalsePositive: true), Erin, ct);
        return (carols.ExampleId, erins.ExampleId);
    }

    [Fact]
    public async Task ListPendingAsync_Reviewer_SeesOthersCorrectionsButNotTheirOwn()
    {
        var (carols, erins) = await TwoCorrectionsAsync();

        var pending = await Service.ListPendingAsync(Carol, TestContext.Current.CancellationToken);

        Assert.Equal([erins], pending.Select(e => e.Id));
        Assert.DoesNotContain(carols, pending.Select(e => e.Id));
        Assert.Empty(await Service.ListPendingAsync(Erin, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReviewAsync_OneRefused_NothingReviewedAndTheRefusedNamed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (carols, erins) = await TwoCorrectionsAsync();

        var decision = await Service.ReviewAsync(Carol, [erins, carols, "ex_missing"], reportId: null, accept: true, ct);

        Assert.Equal(0, decision.Reviewed);
        Assert.Equal([carols], decision.Refused);
        Assert.All(await Service.ListAsync(Alice, cancellationToken: ct), e => Assert.False(e.Reviewed));
        var accepted = await Service.ReviewAsync(Carol, [erins, "ex_missing"], reportId: null, accept: true, ct);
        Assert.Equal(1, accepted.Reviewed);
        Assert.Equal(["ex_missing"], accepted.NotFound);
    }

    [Fact]
    public async Task ImportJsonLinesAsync_TwoLinesOneDuplicate_CountsAndKeepsThemPending()
    {
        var ct = TestContext.Current.CancellationToken;
        var line = """{"category": "Cap on Liability", "input": "Liability is capped at the fees paid in the prior twelve months.", "provenance": "curated"}""";
        var path = _host.Dir.Write("examples.jsonl", line + "\n" + line + "\n");

        var import = await Service.ImportJsonLinesAsync(path, Erin, ct);

        Assert.Equal(new ExampleImport(1, 1, 0, 1), import);
        var stored = Assert.Single(await Service.ListAsync(Erin, cancellationToken: ct));
        Assert.Equal(("imported", false), (stored.Provenance, stored.Reviewed));
        Assert.Equal([stored.Id], (await Service.ListPendingAsync(Root, ct)).Select(e => e.Id));
    }
}
