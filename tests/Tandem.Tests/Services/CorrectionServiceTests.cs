using Tandem.Access;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Tests.Support;
using static Tandem.Tests.Services.Reviewers;

namespace Tandem.Tests.Services;

/// <summary>
/// Corrections through the library service: who sees them (readers of the report's document),
/// who may accept them (the owner, an admin, a reviewer other than the author), and that a
/// decision is taken once.
/// </summary>
public sealed class CorrectionServiceTests : IAsyncLifetime
{
    private readonly ServiceHost _host = new();
    private RiskReport _report = null!;

    public async ValueTask InitializeAsync()
    {
        var path = _host.Dir.Write("supply.txt", ContractTexts.Supply);
        _report = await _host.Get<ReviewService>().ReviewFileAsync(path, AccessList.Parse("group:legal"), new ReviewRequest(), Alice,
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private CorrectionService Service => _host.Get<CorrectionService>();

    private Task<(Correction Correction, bool Added)> FalsePositiveAsync(Principal author) =>
        Service.CorrectAsync(_report.ReportId, new CorrectionRequest(Finding: 1, FalsePositive: true), author, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ListAsync_ReadersOfTheDocumentOnly_StrangersSeeNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (correction, added) = await FalsePositiveAsync(Erin);

        Assert.True(added);
        Assert.Equal("erin", correction.Author);
        Assert.Equal([correction.Id], (await Service.ListAsync(Carol, "pending", ct)).Select(c => c.Correction.Id));
        Assert.Empty(await Service.ListAsync(Carol, "accepted", ct));
        Assert.Empty(await Service.ListAsync(Mallory, cancellationToken: ct));
        Assert.Null(await Service.GetAsync(correction.Id, Mallory, ct));
        Assert.Equal(CorrectionReview.NotFound, await Service.ReviewAsync(correction.Id, accept: true, Mallory, ct));
        Assert.Equal(CorrectionReview.NotFound, await Service.ReviewAsync("cor_0000000000000000", accept: true, Carol, ct));
        var listed = await Service.ListOfReportAsync(_report.ReportId, Alice, ct);
        Assert.Equal((_report.ReportId, 1), (listed.Report.ReportId, listed.Corrections.Count));
        await Assert.ThrowsAsync<TandemException>(() => Service.ListOfReportAsync(_report.ReportId, Mallory, ct));
    }

    [Fact]
    public async Task ReviewAsync_AuthorOrNonReviewer_NotAllowed_AnotherReviewerAcceptsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var (correction, _) = await FalsePositiveAsync(Carol);

        Assert.Equal(CorrectionReview.NotAllowed, await Service.ReviewAsync(correction.Id, accept: true, Carol, ct));
        Assert.Equal(CorrectionReview.NotAllowed, await Service.ReviewAsync(correction.Id, accept: true, Erin, ct));
        Assert.Equal("pending", (await Service.GetAsync(correction.Id, Alice, ct))!.Review);
        Assert.Equal(CorrectionReview.Accepted, await Service.ReviewAsync(correction.Id, accept: true, Dave, ct));
        Assert.Equal(CorrectionReview.AlreadyReviewed, await Service.ReviewAsync(correction.Id, accept: false, Alice, ct));
        var accepted = Assert.Single(await Service.ListAsync(Erin, "accepted", ct));
        Assert.Equal((correction.Id, "dave"), (accepted.Correction.Id, accepted.Reviewer));
    }

    [Fact]
    public async Task ReviewAsync_DocumentOwnerRejects_ExampleDeleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var (correction, _) = await FalsePositiveAsync(Erin);

        Assert.Equal(CorrectionReview.Rejected, await Service.ReviewAsync(correction.Id, accept: false, Alice, ct));

        Assert.Equal("rejected", (await Service.GetAsync(correction.Id, Erin, ct))!.Review);
        Assert.DoesNotContain(await _host.Get<ExampleService>().ListAsync(Alice, cancellationToken: ct), e => e.Id == correction.ExampleId);
    }

    [Fact]
    public async Task ListAsync_UnknownStatus_OneLineError()
    {
        var error = await Assert.ThrowsAsync<TandemException>(() => Service.ListAsync(Alice, "done", TestContext.Current.CancellationToken));

        Assert.Equal("unknown correction status 'done'; use one of: pending, accepted, rejected", error.ToUserMessage());
    }
}
