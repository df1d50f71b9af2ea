using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Retrieval;

public sealed class RetrievalIndexTests : IDisposable
{
    private readonly StoreFixture _f = new();
    private readonly WordHashEmbeddingGenerator _embeddings = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task SearchAsync_RepeatedAndAfterOneIngest_ReadsOnlyTheChangedDocument()
    {
        await IngestAsync("supply.txt", ContractTexts.Supply, StoreFixture.Alice);
        var feed = new CountingFeed(_f.Store);
        var index = new RetrievalIndex(feed, AccessPolicy.Default, _embeddings, _f.Store);

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
        var index = Index(_f.Store);
        Assert.Empty(await index.SearchAsync("injunction", StoreFixture.Alice, RetrievalConfig.Parse("bm25")));

        // A second store on the same file stands for another process (the CLI) writing.
        var other = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = _f.DatabasePath });
        var ingestor = new DocumentIngestor(other, Tandem.Documents.DocumentReaders.CreateDefault(), new Tandem.Documents.ClauseSegmenter());
        await ingestor.IngestFileAsync(_f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice);
        await EmbedAsync();

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
        await EmbedAsync();
        var index = Index(_f.Store);
        Assert.Contains("Zanzibar", (await index.SearchAsync("zanzibar", StoreFixture.Alice, RetrievalConfig.Parse("hybrid")))[0].Text, StringComparison.Ordinal);

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
        var index = Index(_f.Store);
        var own = Index(alone.Store);
        await new ClauseEmbedder(alone.Store, _embeddings).EmbedMissingAsync(cancellationToken: TestContext.Current.CancellationToken);

        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            var shared = await index.SearchAsync("liability fees twelve months claim", StoreFixture.Bob, RetrievalConfig.Parse(mode));
            var expected = await own.SearchAsync("liability fees twelve months claim", StoreFixture.Bob, RetrievalConfig.Parse(mode));
            Assert.Equal(expected.Select(p => (p.Path, Math.Round(p.Score, 9))), shared.Select(p => (p.Path, Math.Round(p.Score, 9))));
        }

        // Dense search always has nearest neighbours: Bob's are his own clauses, never Alice's.
        Assert.All(await index.SearchAsync("quokka", StoreFixture.Bob, RetrievalConfig.Parse("hybrid")), p => Assert.Equal("bob-supply", p.DocumentTitle));
        Assert.Contains("Quokka", (await index.SearchAsync("quokka", StoreFixture.Alice, RetrievalConfig.Parse("hybrid")))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_ClauseEmbeddedAfterItWasRead_FoundByBm25UntilThenAndDenseAfter()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice);
        var feed = new CountingFeed(_f.Store);
        var index = new RetrievalIndex(feed, AccessPolicy.Default, _embeddings, _f.Store);

        Assert.Empty(await index.SearchAsync("injunction irreparable harm", StoreFixture.Alice, RetrievalConfig.Parse("dense")));
        var hybridBefore = await index.SearchAsync("injunction irreparable harm", StoreFixture.Alice, RetrievalConfig.Parse("hybrid"));
        await EmbedAsync();
        var dense = await index.SearchAsync("injunction irreparable harm", StoreFixture.Alice, RetrievalConfig.Parse("dense"));

        Assert.Equal("3", hybridBefore[0].Path);
        Assert.Equal("3", dense[0].Path);
        Assert.Equal(index.LiveItems, index.EmbeddedItems);
        Assert.Equal(1, feed.ClauseReads); // the vectors were attached, the clauses not read again
    }

    [Fact]
    public async Task SearchAsync_VectorsOfAnotherModelOnly_DenseFindsNothing()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice);
        await new ClauseEmbedder(_f.Store, new WordHashEmbeddingGenerator("another-model")).EmbedMissingAsync(cancellationToken: TestContext.Current.CancellationToken);
        var index = Index(_f.Store);

        Assert.Empty(await index.SearchAsync("injunction irreparable harm", StoreFixture.Alice, RetrievalConfig.Parse("dense")));
        Assert.Equal(0, index.EmbeddedItems);
    }

    [Fact]
    public async Task SearchAsync_NoSearchableWords_ThrowsTandemException()
    {
        var index = Index(_f.Store);

        var error = await Assert.ThrowsAsync<TandemException>(() => index.SearchAsync("?! the", StoreFixture.Alice, RetrievalConfig.Parse("dense")));

        Assert.Contains("no searchable words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_DensePartitionedAllProbes_EqualsExactScanThroughNewVersionAccessChangeAndRetirement()
    {
        // Partitioned after every change, and partitioned once with every later vector in the exactly scanned tail.
        var rebuiltEachTime = DenseIndex(new VectorIndexSettings { ExactBelow = 1, MinimumTail = 0, TailFraction = 0, PartitionsFor = _ => 2, Probes = int.MaxValue });
        var tailAfterFirst = DenseIndex(new VectorIndexSettings { ExactBelow = 1, MinimumTail = 0, TailFraction = 1000, PartitionsFor = _ => 2, Probes = int.MaxValue });
        var exact = DenseIndex(new VectorIndexSettings { ExactBelow = int.MaxValue });
        var supply = await IngestAsync("supply.txt", ContractTexts.Supply, StoreFixture.Alice);
        var nda = await IngestAsync("nda.txt", ContractTexts.Nda, StoreFixture.Bob);
        string[] topics = ["payment", "delivery", "warranty", "insurance", "audit", "notices", "assignment", "force majeure", "taxes", "publicity", "subcontracting", "records"];
        await IngestAsync("schedule.txt", string.Join("\n\n", topics.Select((t, i) => $"{i + 1}. {t}. The {t} terms of the schedule apply to each order placed under it.")), StoreFixture.Alice);
        await AssertSameAsync();
        Assert.Equal(2, rebuiltEachTime.DensePartitions);
        Assert.Equal(2, tailAfterFirst.DensePartitions);

        await IngestAsync("supply.txt", ContractTexts.Supply.Replace("New York", "Zanzibar", StringComparison.Ordinal) + "\n\n12. Escrow. The source code is deposited in escrow.", StoreFixture.Alice);
        await AssertSameAsync();
        Assert.Contains("Zanzibar", (await tailAfterFirst.SearchAsync("zanzibar governing law", StoreFixture.Alice, RetrievalConfig.Parse("dense")))[0].Text, StringComparison.Ordinal);

        Assert.Equal(DocumentChange.Changed, await _f.Store.SetAccessAsync(supply.DocumentId, AccessList.Parse("bob"), StoreFixture.Alice));
        await AssertSameAsync();
        Assert.Contains(await tailAfterFirst.SearchAsync("source code escrow", StoreFixture.Bob, RetrievalConfig.Parse("dense")), p => p.DocumentId == supply.DocumentId);

        Assert.Equal(DocumentChange.Changed, await _f.Store.RetireAsync(nda.DocumentId, StoreFixture.Bob));
        await AssertSameAsync();
        Assert.DoesNotContain(await rebuiltEachTime.SearchAsync("injunction irreparable harm", StoreFixture.Bob, RetrievalConfig.Parse("dense")), p => p.DocumentId == nda.DocumentId);

        async Task AssertSameAsync()
        {
            foreach (var index in new[] { rebuiltEachTime, tailAfterFirst, exact })
            {
                await index.RefreshAsync(TestContext.Current.CancellationToken);
                await index.PendingRebuild;
            }

            foreach (var caller in new[] { StoreFixture.Alice, StoreFixture.Bob })
            {
                foreach (var query in new[] { "liability cap", "injunction irreparable harm", "governing law", "source code escrow" })
                {
                    var expected = (await exact.SearchAsync(query, caller, RetrievalConfig.Parse("dense"), 50)).Select(p => (p.DocumentId, p.Version, p.Path, p.Score)).ToList();
                    Assert.NotEmpty(expected);
                    Assert.Equal(expected, (await rebuiltEachTime.SearchAsync(query, caller, RetrievalConfig.Parse("dense"), 50)).Select(p => (p.DocumentId, p.Version, p.Path, p.Score)));
                    Assert.Equal(expected, (await tailAfterFirst.SearchAsync(query, caller, RetrievalConfig.Parse("dense"), 50)).Select(p => (p.DocumentId, p.Version, p.Path, p.Score)));
                }
            }
        }
    }

    [Fact]
    public async Task SearchAsync_SameUserWithAndWithoutAGroup_EachSearchReadsWhatItsGroupsAllow()
    {
        // What a caller may read is kept between its searches of one state: it must be kept per user and groups, not per user.
        var supply = await IngestAsync("supply.txt", ContractTexts.Supply, StoreFixture.Alice);
        await _f.Store.SetAccessAsync(supply.DocumentId, AccessList.Parse("group:finance"), StoreFixture.Alice);
        var index = Index(_f.Store);
        var carol = new Principal("carol");
        var carolInFinance = new Principal("carol", ["finance"]);

        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            Assert.Empty(await index.SearchAsync("liability", carol, RetrievalConfig.Parse(mode)));
            Assert.NotEmpty(await index.SearchAsync("liability", carolInFinance, RetrievalConfig.Parse(mode)));
            Assert.Empty(await index.SearchAsync("liability", carol, RetrievalConfig.Parse(mode)));
        }
    }

    [Fact]
    public void Bm25IndexSubset_SearchesLikeTheSameFilter()
    {
        string[] texts = ["The supplier's liability is capped at the fees.", "Either party may terminate on notice.", "Liability for fraud is not limited.", "Notices are given in writing to the supplier."];
        var index = new Bm25Index(texts);
        var subset = index.Subset(i => i != 0);

        foreach (var query in new[] { "liability", "supplier notice", "terminate fraud writing" })
        {
            Assert.Equal(index.Search(query, 10, i => i != 0), index.Search(query, 10, subset));
            Assert.Equal(index.Search(query, 10, i => i != 0), index.Search(query, 10, subset)); // its remembered document frequencies change nothing
        }

        Assert.Equal(3, subset.Rows);
        Assert.Throws<ArgumentException>(() => new Bm25Index(texts).Search("liability", 10, subset));
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

    private RetrievalIndex Index(SqliteDocumentStore store) => new(store, AccessPolicy.Default, _embeddings, store);

    private RetrievalIndex DenseIndex(VectorIndexSettings settings) => new(_f.Store, AccessPolicy.Default, _embeddings, _f.Store, denseSettings: settings);

    private Task<EmbeddingRun> EmbedAsync() => new ClauseEmbedder(_f.Store, _embeddings).EmbedMissingAsync(cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Ingests a file and runs the embedding pass, as <c>tandem ingest</c> does.</summary>
    private async Task<IngestResult> IngestAsync(string name, string text, Principal owner)
    {
        var result = await _f.Ingestor.IngestFileAsync(_f.Dir.Write(name, text), owner);
        await EmbedAsync();
        return result;
    }

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
