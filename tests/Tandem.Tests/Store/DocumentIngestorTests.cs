using Tandem.Documents;
using Tandem.Store;
using Tandem.Tests.Fixtures;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

public sealed class DocumentIngestorTests : IDisposable
{
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task IngestFolderAsync_ReaderCancelsOnItsOwn_ThatFileFailsTheOthersAreStored()
    {
        var folder = Folder(("a.txt", ContractTexts.Supply), ("b.odd", "anything"), ("c.txt", ContractTexts.Nda));
        var ingestor = new DocumentIngestor(_f.Store, new DocumentReaders([new PlainTextReader(), new ThrowingReader(_ => new OperationCanceledException("gave up"))]), new ClauseSegmenter());

        var report = await ingestor.IngestFolderAsync(folder, StoreFixture.Alice);

        Assert.Equal(["a.txt", "c.txt"], report.Ingested.Select(r => Path.GetFileName(r.Source)));
        var failure = Assert.Single(report.Failed);
        Assert.Equal("b.odd", Path.GetFileName(failure.Path));
        Assert.StartsWith("b.odd could not be read (OperationCanceledException: gave up); this is a bug", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestFolderAsync_CallerCancelsDuringARead_StopsWithOperationCanceled()
    {
        var folder = Folder(("a.odd", "anything"), ("b.txt", ContractTexts.Supply));
        using var cancel = new CancellationTokenSource();
        var reader = new ThrowingReader(token =>
        {
            cancel.Cancel();
            return new OperationCanceledException(token);
        });
        var ingestor = new DocumentIngestor(_f.Store, new DocumentReaders([new PlainTextReader(), reader]), new ClauseSegmenter());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingestor.IngestFolderAsync(folder, StoreFixture.Alice, cancellationToken: cancel.Token));

        Assert.Empty(await _f.Store.ListDocumentsAsync(StoreFixture.Alice));
    }

    [Fact]
    public async Task IngestFolderAsync_ProjectDocumentation_SkippedAndListedContractsStored()
    {
        var folder = Folder(
            ("README.md", "# Sample contracts\n\nRun tandem ingest on this folder."),
            ("LICENSE.txt", "Permission is hereby granted, free of charge."),
            ("docs/changelog.md", "## 1.0\n\n- First release."),
            ("readme-notes.md", "1. Notes. The parties met on Monday."),
            ("supply.txt", ContractTexts.Supply));
        DocumentFixtures.CreateDocx(Path.Combine(folder, "License.docx"), ["SOFTWARE LICENCE", "1. Grant. The Licensor grants a licence."]);

        var report = await _f.Ingestor.IngestFolderAsync(folder, StoreFixture.Alice);

        Assert.Equal(["License.docx", "readme-notes.md", "supply.txt"], report.Ingested.Select(r => Path.GetFileName(r.Source)));
        Assert.Equal(["LICENSE.txt", "README.md", "changelog.md"], report.Skipped.Select(s => Path.GetFileName(s.Path)).Order(StringComparer.Ordinal));
        Assert.All(report.Skipped, s => Assert.Equal("project documentation, not a contract; ingest it by its path to include it", s.Reason));
        Assert.Empty(report.Failed);
    }

    [Fact]
    public async Task SyncFolderAsync_ReadmeIngestedBefore_IsRetiredButStillIngestibleByPath()
    {
        var folder = Folder(("README.md", "# Sample contracts\n\n1. Terms. Read these first."), ("supply.txt", ContractTexts.Supply));
        var readme = await _f.Ingestor.IngestFileAsync(Path.Combine(folder, "README.md"), StoreFixture.Alice);

        var report = await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);

        Assert.Equal([readme.DocumentId], report.Retired);
        Assert.Equal(["supply"], (await _f.Store.ListDocumentsAsync(StoreFixture.Alice)).Select(d => d.Title));
    }

    private string Folder(params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            _f.Dir.Write("kb/" + name, text);
        }

        return _f.Dir.File("kb");
    }

    /// <summary>Reads ".odd" files by throwing what <c>fail</c> makes of the token it was given.</summary>
    private sealed class ThrowingReader(Func<CancellationToken, Exception> fail) : IDocumentReader
    {
        public IReadOnlyList<string> Extensions { get; } = [".odd"];

        public string MediaType => "text/plain";

        public Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
            throw fail(cancellationToken);
    }
}
