using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

public sealed class SqliteDocumentStoreTests : IDisposable
{
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Ingest_NewFile_CreatesVersionOneWithClauses()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);

        var result = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Equal(1, result.Version);
        var doc = await _f.Store.GetDocumentAsync(result.DocumentId, StoreFixture.Alice);
        Assert.NotNull(doc);
        Assert.Equal(result.ClauseCount, doc.Clauses.Count);
        Assert.All(doc.Clauses, c => Assert.Equal(doc.Text[c.Clause.Start..c.Clause.End], c.Clause.Text));
    }

    [Fact]
    public async Task Ingest_UnchangedFile_ChangesNothing()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        var first = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);
        var before = await DumpAsync();

        var again = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);

        Assert.Equal(IngestOutcome.Unchanged, again.Outcome);
        Assert.Equal(first.DocumentId, again.DocumentId);
        Assert.Equal(1, again.Version);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Ingest_ChangedFile_NewVersionKeepsOldAndSearchSeesNewest()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        var v1 = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);
        var v1Doc = await _f.Store.GetDocumentAsync(v1.DocumentId, StoreFixture.Alice);
        File.WriteAllText(path, ContractTexts.Supply.Replace("State of New York", "State of Delaware", StringComparison.Ordinal));

        var v2 = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);

        Assert.Equal(IngestOutcome.NewVersion, v2.Outcome);
        Assert.Equal(2, v2.Version);
        Assert.Equal(v1.DocumentId, v2.DocumentId);
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM versions"));
        Assert.Empty(await _f.Store.SearchAsync("New York", StoreFixture.Alice));
        var hit = Assert.Single(await _f.Store.SearchAsync("Delaware", StoreFixture.Alice));
        Assert.Equal(2, hit.Version);
        // Clauses that did not change keep their stable ids across versions.
        var v2Doc = await _f.Store.GetDocumentAsync(v2.DocumentId, StoreFixture.Alice);
        var unchangedTerm = v1Doc!.Clauses.Single(c => c.Clause.Path == "2").ClauseId;
        Assert.Equal(unchangedTerm, v2Doc!.Clauses.Single(c => c.Clause.Path == "2").ClauseId);
        Assert.NotEqual(v1Doc.Clauses.Single(c => c.Clause.Path == "4").ClauseId, v2Doc.Clauses.Single(c => c.Clause.Path == "4").ClauseId);
    }

    [Fact]
    public async Task Sync_RemovedFile_IsRetiredAndComesBackWhenRestored()
    {
        var folder = Path.Combine(_f.Dir.Path, "kb");
        _f.Dir.Write("kb/supply.txt", ContractTexts.Supply);
        var nda = _f.Dir.Write("kb/sub/nda.txt", ContractTexts.Nda);
        var first = await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);
        Assert.Equal(2, first.Ingested.Count(r => r.Outcome == IngestOutcome.Created));

        File.Delete(nda);
        var second = await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);

        Assert.Single(second.Retired);
        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(second.Ingested).Outcome);
        Assert.Empty(await _f.Store.SearchAsync("irreparable injunction", StoreFixture.Alice));
        Assert.Single(await _f.Store.ListDocumentsAsync(StoreFixture.Alice));
        Assert.Equal(2, (await _f.Store.ListDocumentsAsync(StoreFixture.Alice, includeRetired: true)).Count);

        _f.Dir.Write("kb/sub/nda.txt", ContractTexts.Nda);
        var third = await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);
        Assert.Contains(third.Ingested, r => r.Outcome == IngestOutcome.Restored);
        Assert.NotEmpty(await _f.Store.SearchAsync("irreparable injunction", StoreFixture.Alice));
    }

    [Fact]
    public async Task Sync_BadFile_IsReportedAndKeepsItsPreviousVersion()
    {
        var folder = Path.Combine(_f.Dir.Path, "kb");
        var path = _f.Dir.Write("kb/nda.txt", ContractTexts.Nda);
        await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);
        File.WriteAllBytes(path, [0x66, 0x6f, 0x00, 0x01, 0x02, 0xff, 0xfe]);

        var report = await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);

        Assert.Single(report.Failed);
        Assert.Empty(report.Retired);
        Assert.NotEmpty(await _f.Store.SearchAsync("injunction", StoreFixture.Alice));
    }

    [Fact]
    public async Task Search_OtherUser_CannotRetrieveClauses()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        var result = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);

        Assert.NotEmpty(await _f.Store.SearchAsync("liability", StoreFixture.Alice));
        Assert.Empty(await _f.Store.SearchAsync("liability", StoreFixture.Bob));
        Assert.Null(await _f.Store.GetDocumentAsync(result.DocumentId, StoreFixture.Bob));
        Assert.Empty(await _f.Store.ListDocumentsAsync(StoreFixture.Bob));
    }

    [Fact]
    public async Task Search_GroupOnAccessList_GrantsAccess()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        await _f.Ingestor.IngestFileAsync(path, StoreFixture.Bob, AccessList.Parse("group:legal", StoreFixture.Bob));

        Assert.NotEmpty(await _f.Store.SearchAsync("liability", StoreFixture.Alice));
        Assert.Empty(await _f.Store.SearchAsync("liability", new Principal("carol", ["sales"])));
    }

    [Fact]
    public async Task Search_LimitAppliesAfterAccessFilter()
    {
        // Bob owns many matching clauses; Alice's single clause must still be found within her limit.
        for (var i = 0; i < 20; i++)
        {
            await _f.Ingestor.IngestFileAsync(_f.Dir.Write($"bob{i}.txt", ContractTexts.Supply + $"\n\n5. Extra {i}. Liability liability liability."), StoreFixture.Bob);
        }

        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice.txt", ContractTexts.Nda + "\n\n4. Liability. Liability is limited."), StoreFixture.Alice);

        var hits = await _f.Store.SearchAsync("liability", StoreFixture.Alice, limit: 1);

        Assert.Equal("alice", Assert.Single(hits).DocumentTitle);
    }

    [Fact]
    public async Task Ingest_ExistingDocumentByUserWithoutAccess_BecomesTheirOwnAndLeavesTheOtherAlone()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        var alices = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);
        File.AppendAllText(path, "\n\n9. Extra. Bob's change.");

        var bobs = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Bob);

        Assert.Equal((IngestOutcome.Created, 1), (bobs.Outcome, bobs.Version));
        Assert.NotEqual(alices.DocumentId, bobs.DocumentId);
        Assert.DoesNotContain("Bob's change", (await _f.Store.GetDocumentAsync(alices.DocumentId, StoreFixture.Alice))!.Text, StringComparison.Ordinal);
        Assert.Null(await _f.Store.GetDocumentAsync(bobs.DocumentId, StoreFixture.Alice));
        Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM versions WHERE document_id = '{alices.DocumentId}'"));
    }

    [Fact]
    public async Task Ingest_FailureInsideTransaction_LeavesPreviousState()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice);
        var before = await DumpAsync();
        var document = await DocumentReaders.CreateDefault().ReadFileAsync(_f.Dir.Write("supply.txt", ContractTexts.Supply + "\n\n7. New."));
        var good = new ClauseSegmenter().Segment(document.Text);
        // A clause that violates the schema half-way through the insert.
        var broken = good with { Clauses = [.. good.Clauses, new Clause(99, "x", null, ClauseKind.Section, 0, 1, null!)] };

        await Assert.ThrowsAnyAsync<Exception>(() => _f.Store.IngestAsync(new IngestRequest { Document = document, Structure = broken, Owner = StoreFixture.Alice }));

        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Ingest_LockedDatabase_ClearErrorAndUnchanged()
    {
        using var f = new StoreFixture(busyTimeout: TimeSpan.FromMilliseconds(200));
        await f.Ingestor.IngestFileAsync(f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice);
        await using var locker = new SqliteConnection($"Data Source={f.DatabasePath};Pooling=False");
        await locker.OpenAsync();
        using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<TandemException>(() => f.Ingestor.IngestFileAsync(f.Dir.Write("supply.txt", ContractTexts.Supply), StoreFixture.Alice));

        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        using (var rollback = locker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Single(await f.Store.ListDocumentsAsync(StoreFixture.Alice));
    }

    [Fact]
    public async Task Search_HostileQuerySyntax_IsTreatedAsWords()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("supply.txt", ContractTexts.Supply), StoreFixture.Alice);

        var hits = await _f.Store.SearchAsync("liability\" OR NEAR( text: * ^", StoreFixture.Alice);

        Assert.NotEmpty(hits);
        await Assert.ThrowsAsync<TandemException>(() => _f.Store.SearchAsync("*** \"\" ()", StoreFixture.Alice));
    }

    private Task<string> DumpAsync() => StoreDump.DumpAsync(_f.DatabasePath);

    private Task<long> ScalarAsync(string sql) => StoreDump.ScalarAsync(_f.DatabasePath, sql);
}
