using Tandem.Access;
using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IDocumentStore"/>: ingest, versions, search, access and listing, on every backend.</summary>
public abstract class DocumentStoreConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Ingest_NewFile_CreatesVersionOneWhoseClausesSliceTheText()
    {
        var result = await IngestAsync("lease.txt", Contracts.Lease, Alice);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Equal(1, result.Version);
        Assert.Equal(SqliteDocumentStore.DocumentIdFor(Path.Combine(Files.Path, "lease.txt"), "alice"), result.DocumentId);
        var document = await Store.Documents.GetDocumentAsync(result.DocumentId, Alice);
        Assert.NotNull(document);
        Assert.Equal(result.ClauseCount, document.Clauses.Count);
        Assert.True(document.Clauses.Count >= 4);
        Assert.All(document.Clauses, c => Assert.Equal(document.Text[c.Clause.Start..c.Clause.End], c.Clause.Text));
        Assert.Equal(["user:alice"], document.Access);
        Assert.Equal("alice", document.Owner);
        Assert.Single(document.AccessHistory);
    }

    [Fact]
    public async Task Ingest_SameFileAgain_UnchangedAndNothingWritten()
    {
        var first = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        var before = await Store.Documents.ListDocumentsAsync(Alice);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await IngestAsync("lease.txt", Contracts.Lease, Alice);

        Assert.Equal(IngestOutcome.Unchanged, again.Outcome);
        Assert.Equal(first.DocumentId, again.DocumentId);
        Assert.Equal(before, await Store.Documents.ListDocumentsAsync(Alice));
    }

    [Fact]
    public async Task Ingest_ChangedFile_NewVersionKeepsStableClauseIdsAndSearchSeesOnlyTheNewest()
    {
        var v1 = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        var old = await Store.Documents.GetDocumentAsync(v1.DocumentId, Alice);

        var v2 = await IngestAsync("lease.txt", Contracts.Lease.Replace("State of Oregon", "State of Vermont", StringComparison.Ordinal), Alice);

        Assert.Equal(IngestOutcome.NewVersion, v2.Outcome);
        Assert.Equal((v1.DocumentId, 2), (v2.DocumentId, v2.Version));
        Assert.Empty(await Store.Documents.SearchAsync("Oregon", Alice));
        var hit = Assert.Single(await Store.Documents.SearchAsync("Vermont", Alice));
        Assert.Equal(2, hit.Version);
        var current = await Store.Documents.GetDocumentAsync(v2.DocumentId, Alice);
        Assert.Equal(old!.Clauses.Single(c => c.Clause.Path == "2").ClauseId, current!.Clauses.Single(c => c.Clause.Path == "2").ClauseId);
        Assert.NotEqual(old.Clauses.Single(c => c.Clause.Path == "4").ClauseId, current.Clauses.Single(c => c.Clause.Path == "4").ClauseId);
    }

    [Fact]
    public async Task Ingest_SamePathByAnotherUser_MakesTheirOwnDocument()
    {
        var alices = await IngestAsync("lease.txt", Contracts.Lease, Alice, "alice,bob");

        var bobs = await IngestAsync("lease.txt", Contracts.Lease.Replace("Oregon", "Nevada", StringComparison.Ordinal), Bob);

        Assert.Equal(IngestOutcome.Created, bobs.Outcome);
        Assert.NotEqual(alices.DocumentId, bobs.DocumentId);
        Assert.Single(await Store.Documents.SearchAsync("Oregon", Alice));
        Assert.Empty(await Store.Documents.SearchAsync("Nevada", Alice));
    }

    [Fact]
    public async Task Ingest_NamedDocumentOfAnotherOwnerByAReader_RefusedAndNothingChanged()
    {
        var alices = await IngestAsync("lease.txt", Contracts.Lease, Alice, "alice,bob");
        var path = Files.Write("lease.txt", Contracts.Services);

        var error = await Assert.ThrowsAsync<TandemException>(() => Store.Ingestor.IngestFileAsync(path, Bob, null, alices.DocumentId));

        Assert.Contains("only its owner (alice)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Store.Documents.GetDocumentAsync(alices.DocumentId, Alice))!.Version);
    }

    [Fact]
    public async Task Search_UserB_CannotSeeUserAsText()
    {
        var secret = await IngestAsync("heliotrope.txt", Contracts.Secret, Alice);
        await IngestAsync("services.txt", Contracts.Services, Bob);

        Assert.Empty(await Store.Documents.SearchAsync("zanzibarite acquisition", Bob));
        Assert.Null(await Store.Documents.GetDocumentAsync(secret.DocumentId, Bob));
        Assert.DoesNotContain(await Store.Documents.ListDocumentsAsync(Bob), d => d.DocumentId == secret.DocumentId);
        Assert.NotEmpty(await Store.Documents.SearchAsync("zanzibarite acquisition", Alice));
        Assert.NotEmpty(await Store.Documents.SearchAsync("zanzibarite acquisition", Admin));
    }

    [Fact]
    public async Task Search_HiddenDocumentsWithTheSameWords_DoNotMoveTheCallersScores()
    {
        await IngestAsync("services.txt", Contracts.Services, Bob);
        var alone = await Store.Documents.SearchAsync("liability fees termination", Bob);

        await IngestAsync("a.txt", Contracts.Services.Replace("Provider", "Vendor", StringComparison.Ordinal), Alice);
        await IngestAsync("b.txt", Contracts.Services + "\n\n5. Fees. Liability for fees survives termination.", Alice);

        var after = await Store.Documents.SearchAsync("liability fees termination", Bob);
        Assert.Equal(alone.Select(p => (p.ClauseId, p.Score)), after.Select(p => (p.ClauseId, p.Score)));
    }

    [Fact]
    public async Task Search_GroupAccess_ReadsForEveryMember()
    {
        await IngestAsync("lease.txt", Contracts.Lease, Alice, "group:legal");

        Assert.NotEmpty(await Store.Documents.SearchAsync("excavators", Carol));
        Assert.Empty(await Store.Documents.SearchAsync("excavators", Bob));
    }

    [Fact]
    public async Task Search_RareTerm_BestHitIsItsClauseWithPositiveScoresBestFirst()
    {
        await IngestAsync("lease.txt", Contracts.Lease, Alice);
        await IngestAsync("services.txt", Contracts.Services, Alice);

        var hits = await Store.Documents.SearchAsync("indemnify claim excavators", Alice);

        Assert.Equal("3", hits[0].Path);
        Assert.Contains("indemnify", hits[0].Text, StringComparison.Ordinal);
        Assert.All(hits, h => Assert.True(h.Score > 0));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.ClauseId), hits.Select(h => h.ClauseId));
        var document = await Store.Documents.GetDocumentAsync(hits[0].DocumentId, Alice);
        Assert.Equal(document!.Text[hits[0].Start..hits[0].End], hits[0].Text);
    }

    [Fact]
    public async Task Search_StemsAndLimit_MatchInflectedFormsAndReturnAtMostTheLimit()
    {
        await IngestAsync("lease.txt", Contracts.Lease, Alice);
        await IngestAsync("services.txt", Contracts.Services, Alice);

        var hits = await Store.Documents.SearchAsync("terminating", Alice);
        var limited = await Store.Documents.SearchAsync("the lessee lessor party services fees", Alice, limit: 2);

        Assert.Contains(hits, h => h.Text.Contains("terminate", StringComparison.Ordinal));
        Assert.Equal(2, limited.Count);
    }

    [Fact]
    public async Task Search_HostileQueryAndText_NoErrorAndLiteralMatching()
    {
        var longWord = new string('q', 3000);
        await IngestAsync("odd.txt", $"ODD TERMS\n\n1. Quotes. It's a 'quoted' \\back\\slash & | ! :* <-> (term) clause {longWord}.\n", Alice);

        var quoted = await Store.Documents.SearchAsync("it's 'quoted' & | ! :* <-> (term) \\back", Alice);
        var none = await Store.Documents.SearchAsync(longWord[..64], Alice);

        Assert.Contains(quoted, h => h.Path == "1");
        Assert.Empty(none);
        await Assert.ThrowsAsync<TandemException>(() => Store.Documents.SearchAsync("the of & | !", Alice));
    }

    [Fact]
    public async Task ListDocuments_ReadableOnly_AdminSeesAllRetiredOnRequest()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        await IngestAsync("services.txt", Contracts.Services, Bob);
        await Store.Lifecycle.RetireAsync(lease.DocumentId, Alice);

        Assert.Empty(await Store.Documents.ListDocumentsAsync(Alice));
        var retired = Assert.Single(await Store.Documents.ListDocumentsAsync(Alice, includeRetired: true));
        Assert.True(retired.Retired);
        Assert.Equal(lease.ClauseCount, retired.ClauseCount);
        Assert.Single(await Store.Documents.ListDocumentsAsync(Bob));
        Assert.Equal(2, (await Store.Documents.ListDocumentsAsync(Admin, includeRetired: true)).Count);
    }

    [Fact]
    public async Task SyncFolder_RemovedFile_RetiredAndRestoredWhenItComesBack()
    {
        var folder = Path.Combine(Files.Path, "kb");
        Files.Write("kb/lease.txt", Contracts.Lease);
        var services = Files.Write("kb/sub/services.txt", Contracts.Services);
        await Store.Ingestor.SyncFolderAsync(folder, Alice);

        File.Delete(services);
        var second = await Store.Ingestor.SyncFolderAsync(folder, Alice);
        Assert.Single(second.Retired);
        Assert.Empty(await Store.Documents.SearchAsync("convenience", Alice));

        Files.Write("kb/sub/services.txt", Contracts.Services);
        var third = await Store.Ingestor.SyncFolderAsync(folder, Alice);
        Assert.Contains(third.Ingested, r => r.Outcome == IngestOutcome.Restored);
        Assert.NotEmpty(await Store.Documents.SearchAsync("convenience", Alice));
    }

    [Fact]
    public async Task GetActivity_InitialLoadThenChanges_CountsOnlyTheChangesTheCallerMayRead()
    {
        await IngestAsync("lease.txt", Contracts.Lease, Alice);
        await IngestAsync("heliotrope.txt", Contracts.Secret, Bob);
        Clock.Advance(TimeSpan.FromDays(3));
        await IngestAsync("lease.txt", Contracts.Lease.Replace("Oregon", "Idaho", StringComparison.Ordinal), Alice);
        await IngestAsync("services.txt", Contracts.Services, Alice);
        await IngestAsync("heliotrope.txt", Contracts.Secret + "\n\n3. Price. Revised.", Bob);

        var activity = await Store.Documents.GetActivityAsync(Alice, TimeSpan.FromDays(30));

        Assert.Equal(2, activity.Documents);
        Assert.Equal(2, activity.Changes);
    }
}
