using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

public sealed class ClauseVectorStoreTests : IDisposable
{
    private readonly StoreFixture _f = new();
    private readonly WordHashEmbeddingGenerator _embeddings = new();

    public void Dispose() => _f.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmbedMissingAsync_UnchangedThenOneClauseChanged_EmbedsOnlyTheNewText()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice, cancellationToken: Ct);
        var first = await EmbedAsync();
        await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice, cancellationToken: Ct);
        var unchanged = await EmbedAsync();
        await File.WriteAllTextAsync(path, ContractTexts.Supply.Replace("New York", "Delaware", StringComparison.Ordinal), Ct);
        await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice, cancellationToken: Ct);
        var changed = await EmbedAsync();

        Assert.Equal(6, first.Embedded);
        Assert.Equal(0, unchanged.Embedded);
        Assert.Equal(1, changed.Embedded);
        Assert.Equal(7, _embeddings.Embedded);
    }

    [Fact]
    public async Task EmbedMissingAsync_SameTextInAnotherUsersDocument_EmbeddedOnce()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("a.txt", ContractTexts.Supply), StoreFixture.Alice, cancellationToken: Ct);
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("b.txt", ContractTexts.Supply), StoreFixture.Bob, cancellationToken: Ct);

        var run = await EmbedAsync();

        Assert.Equal(6, run.Embedded);
        Assert.Equal(6, (await _f.Store.ReadVectorsAsync(_embeddings.GetModelId(), 0, Ct)).Count);
    }

    [Fact]
    public async Task EmbedMissingAsync_AnotherModel_EmbedsEverythingAgainBesideTheFirst()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice, cancellationToken: Ct);
        await EmbedAsync();
        var other = new WordHashEmbeddingGenerator("model-v2");

        var run = await new ClauseEmbedder(_f.Store, other).EmbedMissingAsync(cancellationToken: Ct);

        Assert.Equal(("model-v2", 4), (run.Model, run.Embedded));
        Assert.Equal(4, (await _f.Store.ReadVectorsAsync("test-word-hash", 0, Ct)).Count);
        Assert.Equal(4, (await _f.Store.ReadVectorsAsync("model-v2", 0, Ct)).Count);
    }

    [Fact]
    public async Task EmbedMissingAsync_Progress_ReportsEachChunkUpToTheTotal()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("supply.txt", ContractTexts.Supply), StoreFixture.Alice, cancellationToken: Ct);
        var reports = new List<WorkProgress>();

        await new ClauseEmbedder(_f.Store, _embeddings).EmbedMissingAsync(new SynchronousProgress(reports.Add), Ct);

        Assert.Equal([(0, 6), (6, 6)], reports.Select(r => (r.Done, r.Total)));
    }

    [Fact]
    public async Task SaveVectorsAsync_StoredAsHalfFloats_ReadBackWithinHalfPrecision()
    {
        var vector = WordHashEmbeddingGenerator.Embed("limitation of liability for indirect damages");

        await _f.Store.SaveVectorsAsync("m", [(ClauseText.HashOf("x"), vector)], Ct);
        var stored = Assert.Single(await _f.Store.ReadVectorsAsync("m", 0, Ct));

        Assert.Equal(ClauseText.HashOf("x"), stored.Hash);
        Assert.All(vector.Zip(stored.Vector), p => Assert.Equal(p.First, p.Second, 0.001f));
        Assert.Equal(stored.Id, await _f.Store.ReadVectorCursorAsync(Ct));
        Assert.Empty(await _f.Store.ReadVectorsAsync("m", stored.Id, Ct));
    }

    [Fact]
    public async Task SearchVectorsAsync_TwoUsers_ReturnsOnlyTheCallersClausesAndCountsUnembedded()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice.txt", ContractTexts.Supply), StoreFixture.Alice, cancellationToken: Ct);
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("bob.txt", ContractTexts.Nda), StoreFixture.Bob, cancellationToken: Ct);
        await EmbedAsync();
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("bob2.txt", "1. Fees. Bob pays the liability fees monthly."), StoreFixture.Bob, cancellationToken: Ct);
        var query = WordHashEmbeddingGenerator.Embed("aggregate liability exceed the fees paid");

        var bob = await _f.Store.SearchVectorsAsync(query, _embeddings.GetModelId(), StoreFixture.Bob, 50, Ct);
        var alice = await _f.Store.SearchVectorsAsync(query, _embeddings.GetModelId(), StoreFixture.Alice, 50, Ct);
        var mallory = await _f.Store.SearchVectorsAsync(query, _embeddings.GetModelId(), new Principal("mallory"), 50, Ct);

        Assert.All(bob.Passages, p => Assert.StartsWith("bob", p.DocumentTitle, StringComparison.Ordinal));
        Assert.Equal((4, 1), (bob.Searched, bob.Unembedded));
        Assert.Equal("3", alice.Passages[0].Path);
        Assert.All(alice.Passages, p => Assert.Equal("alice", p.DocumentTitle));
        Assert.Equal((0, 0, 0), (mallory.Passages.Count, mallory.Searched, mallory.Unembedded));
    }

    [Fact]
    public async Task SearchVectorsAsync_VectorFileThroughNewVersionAccessChangeAndRetirement_AnswersAsAFreshScan()
    {
        var supply = await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice.txt", ContractTexts.Supply), StoreFixture.Alice, cancellationToken: Ct);
        var nda = await _f.Ingestor.IngestFileAsync(_f.Dir.Write("bob.txt", ContractTexts.Nda), StoreFixture.Bob, cancellationToken: Ct);
        await EmbedAsync();
        await SearchAsync(StoreFixture.Alice, "liability");
        var file = ClauseVectorFilePath();
        await AssertAsFreshScanAsync();
        var written = File.GetLastWriteTimeUtc(file);
        await SearchAsync(StoreFixture.Bob, "injunction irreparable harm");
        await SearchAsync(StoreFixture.Alice, "liability");
        Assert.Equal(written, File.GetLastWriteTimeUtc(file)); // nothing changed: the file is read, not rewritten

        // A new version, embedded: the file no longer covers the current version and is rewritten.
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice.txt", ContractTexts.Supply.Replace("New York", "Zanzibar", StringComparison.Ordinal)), StoreFixture.Alice, cancellationToken: Ct);
        await EmbedAsync();
        await AssertAsFreshScanAsync(deleteFirst: false);
        Assert.Contains("Zanzibar", (await SearchAsync(StoreFixture.Alice, "governing law zanzibar")).Passages[0].Text, StringComparison.Ordinal);

        // Access and retirement are read per search: the file as it is answers right.
        Assert.Equal(DocumentChange.Changed, await _f.Store.SetAccessAsync(supply.DocumentId, AccessList.Parse("bob"), StoreFixture.Alice, Ct));
        await AssertAsFreshScanAsync(deleteFirst: false);
        Assert.Contains((await SearchAsync(StoreFixture.Bob, "governing law zanzibar")).Passages, p => p.DocumentId == supply.DocumentId);
        Assert.Equal(DocumentChange.Changed, await _f.Store.RetireAsync(nda.DocumentId, StoreFixture.Bob, Ct));
        await AssertAsFreshScanAsync(deleteFirst: false);
        Assert.DoesNotContain((await SearchAsync(StoreFixture.Bob, "injunction irreparable harm")).Passages, p => p.DocumentId == nda.DocumentId);

        async Task AssertAsFreshScanAsync(bool deleteFirst = true)
        {
            foreach (var caller in new[] { StoreFixture.Alice, StoreFixture.Bob, new Principal("mallory") })
            {
                foreach (var query in new[] { "aggregate liability exceed the fees paid", "injunction irreparable harm", "governing law zanzibar" })
                {
                    if (deleteFirst)
                    {
                        File.Delete(file);
                    }

                    var kept = await SearchAsync(caller, query);
                    File.Delete(file);
                    var fresh = await SearchAsync(caller, query);
                    Assert.Equal(Summary(fresh), Summary(kept));
                }
            }
        }

        static object Summary(VectorSearchResult r) => (string.Join("|", r.Passages.Select(p => $"{p.DocumentId}/{p.Version}/{p.Path}/{p.Score:R}")), r.Searched, r.Unembedded);
    }

    [Fact]
    public async Task SearchVectorsAsync_VectorFileCutShortOrForeign_RewrittenAndAnswersAsBefore()
    {
        var (expected, file) = await AliceSearchedOnceAsync();
        var bytes = await File.ReadAllBytesAsync(file, Ct);

        await File.WriteAllBytesAsync(file, bytes[..(bytes.Length - 100)], Ct);
        var afterCut = await SearchAsync(StoreFixture.Alice, "aggregate liability exceed the fees paid");
        await File.WriteAllTextAsync(file, "not a vector file", Ct);
        var afterForeign = await SearchAsync(StoreFixture.Alice, "aggregate liability exceed the fees paid");

        Assert.Equal(expected.Passages.Select(p => (p.Path, p.Score)), afterCut.Passages.Select(p => (p.Path, p.Score)));
        Assert.Equal(expected.Passages.Select(p => (p.Path, p.Score)), afterForeign.Passages.Select(p => (p.Path, p.Score)));
        Assert.Equal(bytes.Length, new FileInfo(file).Length);
    }

    [Fact]
    public async Task SearchVectorsAsync_VersionNotHashedYet_WritesNothingToTheStoreAndFindsItOnceEmbedded()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice.txt", ContractTexts.Supply), StoreFixture.Alice, cancellationToken: Ct);
        await EmbedAsync();
        // The same text again under another document: every vector exists, so embedding it adds none and moves no vector cursor.
        var copy = await _f.Ingestor.IngestFileAsync(_f.Dir.Write("copy.txt", ContractTexts.Supply), StoreFixture.Alice, cancellationToken: Ct);
        var before = await StoreDump.DumpAllAsync(_f.DatabasePath);

        var unhashed = await SearchAsync(StoreFixture.Alice, "aggregate liability exceed the fees paid");
        Assert.Equal(before, await StoreDump.DumpAllAsync(_f.DatabasePath)); // a search writes nothing to the store
        await EmbedAsync(); // hashes the copy's clauses, embeds nothing
        var hashed = await SearchAsync(StoreFixture.Alice, "aggregate liability exceed the fees paid");

        Assert.DoesNotContain(unhashed.Passages, p => p.DocumentId == copy.DocumentId);
        Assert.Equal(unhashed.Searched, unhashed.Unembedded);
        Assert.Contains(hashed.Passages, p => p.DocumentId == copy.DocumentId);
        Assert.Equal((2 * unhashed.Searched, 0), (hashed.Searched, hashed.Unembedded));
    }

    [Fact]
    public async Task SearchVectorsAsync_VectorFileCannotBeWritten_SearchesTheSameFromMemory()
    {
        var (expected, file) = await AliceSearchedOnceAsync();
        File.Delete(file);
        Directory.CreateDirectory(file); // in the file's way: it can be neither read nor replaced (a read-only folder would do, but tests run as root)

        var actual = await SearchAsync(StoreFixture.Alice, "aggregate liability exceed the fees paid");

        Assert.Equal(expected.Passages.Select(p => (p.Path, p.Score)), actual.Passages.Select(p => (p.Path, p.Score)));
        Assert.Equal((expected.Searched, expected.Unembedded), (actual.Searched, actual.Unembedded));
        Assert.Empty(Directory.GetFiles(_f.Dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Open_StoreOfSchema3_GetsTheVectorTables()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice, cancellationToken: Ct);
        await using (var connection = new SqliteConnection($"Data Source={_f.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE clause_vectors; DROP TABLE clause_hashes; PRAGMA user_version = 3;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var reopened = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = _f.DatabasePath });
        var run = await new ClauseEmbedder(reopened, _embeddings).EmbedMissingAsync(cancellationToken: Ct);

        Assert.Equal(4, run.Embedded);
    }

    private Task<VectorSearchResult> SearchAsync(Principal caller, string query) =>
        _f.Store.SearchVectorsAsync(WordHashEmbeddingGenerator.Embed(query), _embeddings.GetModelId(), caller, 50, Ct);

    /// <summary>Alice's supply contract stored and embedded, searched once (which writes the vector file): that search and the file's path.</summary>
    private async Task<(VectorSearchResult Result, string File)> AliceSearchedOnceAsync()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice.txt", ContractTexts.Supply), StoreFixture.Alice, cancellationToken: Ct);
        await EmbedAsync();
        return (await SearchAsync(StoreFixture.Alice, "aggregate liability exceed the fees paid"), ClauseVectorFilePath());
    }

    private string ClauseVectorFilePath() => Directory.GetFiles(_f.Dir.Path, "*.vectors").Single();

    private Task<EmbeddingRun> EmbedAsync() => new ClauseEmbedder(_f.Store, _embeddings).EmbedMissingAsync(cancellationToken: Ct);

    /// <summary>Reports at once, in order (a <see cref="Progress{T}"/> would post them later).</summary>
    private sealed class SynchronousProgress(Action<WorkProgress> report) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value) => report(value);
    }
}
