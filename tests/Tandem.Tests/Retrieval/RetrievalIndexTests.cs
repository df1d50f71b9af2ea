using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Retrieval;

public sealed class RetrievalIndexTests : IDisposable
{
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task SearchAsync_RepeatedAndAfterOneIngest_ReadsOnlyTheChangedDocument()
    {
        await IngestAsync("supply.txt", ContractTexts.Supply, StoreFixture.Alice);
        var feed = new CountingFeed(_f.Store);
        var index = new RetrievalIndex(feed, AccessPolicy.Default);

        Assert.NotEmpty(await index.SearchAsync("liability", StoreFixture.Alice, RetrievalConfig.Parse("bm25")));
        Assert.Equal(1, feed.ClauseReads);
        await index.SearchAsync("governing law", StoreFixture.Alice, RetrievalConfig.Parse("hybrid"));
        Assert.Equal(1, feed.ClauseReads);

        await IngestAsync("nda.txt", ContractTexts.Nda, StoreFixture.Alice);
        var hits = await index.SearchAsync("injunction irreparable harm", StoreFixture.Alice, RetrievalConfig.Parse("bm25"));

        Assert.Equal("3", hits[0].Path);
        Assert.Equal(2, feed.ClauseReads);
    }

    [Fact]
    public async Task SearchAsync_WriteThroughAnotherStoreInstance_IsSeenByTheNextQuery()
    {
        var index = new RetrievalIndex(_f.Store, AccessPolicy.Default);
        Assert.Empty(await index.SearchAsync("injunction", StoreFixture.Alice, RetrievalConfig.Parse("bm25")));

        // A second store on the same file stands for another process (the CLI) writing.
        var other = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = _f.DatabasePath });
        var ingestor = new DocumentIngestor(other, Tandem.Documents.DocumentReaders.CreateDefault(), new Tandem.Documents.ClauseSegmenter());
        await ingestor.IngestFileAsync(_f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice);

        Assert.NotEmpty(await index.SearchAsync("injunction", StoreFixture.Alice, RetrievalConfig.Parse("bm25")));
    }

    [Fact]
    public async Task SearchAsync_NewVersionAndRetirement_ReturnOnlyCurrentClauses()
    {
        var folder = Path.Combine(_f.Dir.Path, "kb");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "supply.txt");
        await File.WriteAllTextAsync(path, ContractTexts.Supply.Replace("New York", "Zanzibar", StringComparison.Ordinal));
        await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);
        var index = new RetrievalIndex(_f.Store, AccessPolicy.Default);
        Assert.Single(await index.SearchAsync("zanzibar", StoreFixture.Alice, RetrievalConfig.Parse("hybrid")));

        await File.WriteAllTextAsync(path, ContractTexts.Supply);
        await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);
        Assert.Empty(await index.SearchAsync("zanzibar", StoreFixture.Alice, RetrievalConfig.Parse("bm25")));
        Assert.Equal(2, (await index.SearchAsync("new york", StoreFixture.Alice, RetrievalConfig.Parse("bm25")))[0].Version);

        File.Delete(path);
        await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);
        Assert.Empty(await index.SearchAsync("new york", StoreFixture.Alice, RetrievalConfig.Parse("hybrid")));
        Assert.Equal(0, index.LiveItems);
    }

    [Fact]
    public async Task SearchAsync_OtherUsersDocuments_NeitherReturnedNorMovingScores()
    {
        await IngestAsync("alice-supply.txt", ContractTexts.Supply.Replace("Birch", "Quokka", StringComparison.Ordinal), StoreFixture.Alice);
        await IngestAsync("bob-supply.txt", ContractTexts.Supply, StoreFixture.Bob);
        using var alone = new StoreFixture();
        await new DocumentIngestor(alone.Store, Tandem.Documents.DocumentReaders.CreateDefault(), new Tandem.Documents.ClauseSegmenter())
            .IngestFileAsync(alone.Dir.Write("bob-supply.txt", ContractTexts.Supply), StoreFixture.Bob);
        var index = new RetrievalIndex(_f.Store, AccessPolicy.Default);
        var own = new RetrievalIndex(alone.Store, AccessPolicy.Default);

        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            var shared = await index.SearchAsync("liability fees twelve months claim", StoreFixture.Bob, RetrievalConfig.Parse(mode));
            var expected = await own.SearchAsync("liability fees twelve months claim", StoreFixture.Bob, RetrievalConfig.Parse(mode));
            Assert.Equal(expected.Select(p => (p.Path, Math.Round(p.Score, 9))), shared.Select(p => (p.Path, Math.Round(p.Score, 9))));
        }

        Assert.Empty(await index.SearchAsync("quokka", StoreFixture.Bob, RetrievalConfig.Parse("hybrid")));
        Assert.NotEmpty(await index.SearchAsync("quokka", StoreFixture.Alice, RetrievalConfig.Parse("hybrid")));
    }

    [Fact]
    public async Task GetEmbeddingGeneratorAsync_WordOnlyInAnotherUsersDocuments_EmbedsToNothing()
    {
        // "quokka" is in two of Alice's clauses, so her LSA vocabulary has it; Bob's must not.
        await IngestAsync("alice.txt", ContractTexts.Supply.Replace("Birch Packaging", "Quokka Packaging", StringComparison.Ordinal)
            .Replace("the fees paid", "the quokka fees paid", StringComparison.Ordinal), StoreFixture.Alice);
        await IngestAsync("bob.txt", ContractTexts.Nda + "\n\n4. Notices. Notices are given in writing.\n\n5. Fees. Each party pays its own fees in writing.", StoreFixture.Bob);
        var index = new RetrievalIndex(_f.Store, AccessPolicy.Default);

        var alice = await index.GetEmbeddingGeneratorAsync(StoreFixture.Alice);
        var bob = await index.GetEmbeddingGeneratorAsync(StoreFixture.Bob);

        Assert.Contains((await alice!.GenerateAsync(["quokka"]))[0].Vector.ToArray(), x => x != 0);
        Assert.All((await bob!.GenerateAsync(["quokka"]))[0].Vector.ToArray(), x => Assert.Equal(0f, x));
    }

    [Fact]
    public async Task SearchAsync_NoSearchableWords_ThrowsTandemException()
    {
        var index = new RetrievalIndex(_f.Store, AccessPolicy.Default);

        var error = await Assert.ThrowsAsync<TandemException>(() => index.SearchAsync("?! the", StoreFixture.Alice, RetrievalConfig.Parse("dense")));

        Assert.Contains("no searchable words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bm25IndexAppend_RanksAndScoresAsOneBuild()
    {
        string[] first = ["The supplier's liability is capped at the fees.", "Either party may terminate on notice."];
        string[] second = ["Liability for fraud is not limited.", "Notices are given in writing to the supplier."];
        var appended = new Bm25Index(first).Append(second);
        var whole = new Bm25Index([.. first, .. second]);

        foreach (var query in new[] { "liability", "supplier notice", "terminate fraud writing" })
        {
            Assert.Equal(whole.Search(query, 10), appended.Search(query, 10));
            Assert.Equal(whole.Search(query, 10, i => i != 0), appended.Search(query, 10, i => i != 0));
        }
    }

    private Task<IngestResult> IngestAsync(string name, string text, Principal owner) =>
        _f.Ingestor.IngestFileAsync(_f.Dir.Write(name, text), owner);

    /// <summary>The store's feed, counting the documents whose clauses are read.</summary>
    private sealed class CountingFeed(IKnowledgeBaseFeed inner) : IKnowledgeBaseFeed
    {
        public int ClauseReads { get; private set; }

        public Task<KnowledgeBaseCursor> ReadCursorAsync(CancellationToken cancellationToken = default) => inner.ReadCursorAsync(cancellationToken);

        public Task<IReadOnlyList<DocumentState>> ReadChangedDocumentsAsync(KnowledgeBaseCursor? since, CancellationToken cancellationToken = default) =>
            inner.ReadChangedDocumentsAsync(since, cancellationToken);

        public Task<IReadOnlyList<StoredClause>> ReadClausesAsync(string documentId, int version, CancellationToken cancellationToken = default)
        {
            ClauseReads++;
            return inner.ReadClausesAsync(documentId, version, cancellationToken);
        }
    }
}
