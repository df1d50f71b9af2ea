using Tandem.Analysis;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Services;

public sealed class ReviewServiceTests : IAsyncLifetime
{
    private readonly ServiceHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task ReviewFileAsync_LocalAnalyst_SavesTheReportForItsReadersOnly()
    {
        var path = _host.Dir.Write("supply.txt", ContractTexts.Supply);
        var stages = new List<string>();
        var service = _host.Get<ReviewService>();

        var report = await service.ReviewFileAsync(path, null, new ReviewRequest(), StoreFixture.Alice, new Recorder(stages), TestContext.Current.CancellationToken);

        Assert.NotEmpty(report.Findings);
        Assert.Equal(["reading the contract", "loading the local analyst"], stages.Take(2));
        Assert.StartsWith("analysing ", stages[2], StringComparison.Ordinal);
        var saved = await service.GetReportAsync(report.ReportId, StoreFixture.Alice, TestContext.Current.CancellationToken);
        Assert.Equal((report.ReportId, report.Findings.Count), (saved?.ReportId, saved?.Findings.Count));
        Assert.NotNull(saved?.Context);
        Assert.Null(await service.GetReportAsync(report.ReportId, StoreFixture.Bob, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReviewDocumentAsync_AnotherUsersDocument_RefusedAndNothingSaved()
    {
        var path = _host.Dir.Write("supply.txt", ContractTexts.Supply);
        var ingested = await _host.Get<DocumentIngestor>().IngestFileAsync(path, StoreFixture.Alice, null, TestContext.Current.CancellationToken);
        var service = _host.Get<ReviewService>();

        var refused = await Assert.ThrowsAsync<TandemException>(() =>
            service.ReviewDocumentAsync(ingested.DocumentId, new ReviewRequest(), StoreFixture.Bob, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("bob", refused.Message, StringComparison.Ordinal);
        var mine = await service.ReviewDocumentAsync(ingested.DocumentId, new ReviewRequest(), StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ingested.DocumentId, mine.DocumentId);
    }

    [Fact]
    public async Task Review_MissingModelFile_OneLineErrorFromEitherEntry()
    {
        // The analyst loads on another core while the contract is read; its failure must still surface as the one-line error.
        var path = _host.Dir.Write("supply.txt", ContractTexts.Supply);
        var service = _host.Get<ReviewService>();
        var request = new ReviewRequest { ModelFile = Path.Combine(_host.Dir.Path, "no-such-model.zip") };

        var fromFile = await Assert.ThrowsAsync<TandemException>(() =>
            service.ReviewFileAsync(path, null, request, StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken));
        var stored = await _host.Get<IDocumentStore>().ListDocumentsAsync(StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken);
        var fromDocument = await Assert.ThrowsAsync<TandemException>(() =>
            service.ReviewDocumentAsync(Assert.Single(stored).DocumentId, request, StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken));

        Assert.All(new[] { fromFile, fromDocument }, e => Assert.StartsWith("the local analyst model is missing: ", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_TextLongerThanAReviewReads_OneLineErrorFromEitherEntry()
    {
        // Past ContractAnalyzer.MaxCharacters: a file is refused before it is stored, a stored document before it is analysed.
        var text = ContractTexts.Supply + "\n\n" + string.Concat(Enumerable.Repeat("The Supplier shall keep records. ", (ContractAnalyzer.MaxCharacters / 33) + 1));
        var path = _host.Dir.Write("bundle.txt", text);
        var service = _host.Get<ReviewService>();
        var store = _host.Get<IDocumentStore>();

        var fromFile = await Assert.ThrowsAsync<TandemException>(() =>
            service.ReviewFileAsync(path, null, new ReviewRequest(), StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(await store.ListDocumentsAsync(StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken));
        var ingested = await _host.Get<DocumentIngestor>().IngestFileAsync(path, StoreFixture.Alice, null, TestContext.Current.CancellationToken);
        var fromDocument = await Assert.ThrowsAsync<TandemException>(() =>
            service.ReviewDocumentAsync(ingested.DocumentId, new ReviewRequest(), StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken));

        Assert.All(new[] { fromFile, fromDocument }, e =>
        {
            Assert.StartsWith("bundle holds ", e.Message, StringComparison.Ordinal);
            Assert.Contains("more than one review reads", e.Message, StringComparison.Ordinal);
            Assert.Contains("split the file", e.Hint, StringComparison.Ordinal);
        });
    }

    private sealed class Recorder(List<string> stages) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value) => stages.Add(value.Stage);
    }
}
