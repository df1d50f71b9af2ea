using Tandem.Access;
using Tandem.Postgres.Tests.Support;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IKnowledgeBaseFeed"/>: the cursor, changed documents and clauses, and the index fed by it, on every backend.</summary>
public abstract class KnowledgeBaseFeedConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task ReadCursor_EmptyThenEachKindOfChange_MovesTheCursor()
    {
        var empty = await Store.Feed.ReadCursorAsync();
        Assert.Equal(new KnowledgeBaseCursor(string.Empty, 0), empty);

        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        var afterIngest = await Store.Feed.ReadCursorAsync();
        Assert.NotEqual(empty, afterIngest);
        Assert.Equal(afterIngest, await Store.Feed.ReadCursorAsync());

        await Store.Lifecycle.SetAccessAsync(lease.DocumentId, AccessList.Parse("bob"), Alice);
        var afterAccess = await Store.Feed.ReadCursorAsync();
        Assert.True(afterAccess.LastAccessEvent > afterIngest.LastAccessEvent);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Store.Lifecycle.RetireAsync(lease.DocumentId, Alice);
        Assert.True(string.CompareOrdinal((await Store.Feed.ReadCursorAsync()).LastUpdate, afterAccess.LastUpdate) > 0);
    }

    [Fact]
    public async Task ReadChangedDocuments_SinceACursor_OnlyLaterChangesAndTheCursorsOwnInstant()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var services = await IngestAsync("services.txt", Contracts.Services, Bob);
        var cursor = await Store.Feed.ReadCursorAsync();

        Assert.Equal(2, (await Store.Feed.ReadChangedDocumentsAsync(null)).Count);
        // The change at the cursor's own instant comes again: a commit in the same tick is never missed.
        Assert.Equal([services.DocumentId], (await Store.Feed.ReadChangedDocumentsAsync(cursor)).Select(d => d.DocumentId));

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Store.Lifecycle.RetireAsync(lease.DocumentId, Alice);
        var changed = await Store.Feed.ReadChangedDocumentsAsync(cursor);

        var retired = Assert.Single(changed, d => d.DocumentId == lease.DocumentId);
        Assert.True(retired.Retired);
        Assert.Equal(["user:alice"], retired.Access);
    }

    [Fact]
    public async Task ReadClauses_EveryVersion_InOrderAndEmptyForAMissingOne()
    {
        var v1 = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        await IngestAsync("lease.txt", Contracts.Lease.Replace("Oregon", "Utah", StringComparison.Ordinal), Alice);

        var first = await Store.Feed.ReadClausesAsync(v1.DocumentId, 1);
        var second = await Store.Feed.ReadClausesAsync(v1.DocumentId, 2);

        Assert.Contains(first, c => c.Clause.Text.Contains("Oregon", StringComparison.Ordinal));
        Assert.Contains(second, c => c.Clause.Text.Contains("Utah", StringComparison.Ordinal));
        Assert.Equal(first.Select(c => c.Clause.Ordinal).Order(), first.Select(c => c.Clause.Ordinal));
        Assert.Empty(await Store.Feed.ReadClausesAsync(v1.DocumentId, 3));
    }

    [Fact]
    public async Task RetrievalIndex_FedByTheStore_UserBCannotSeeUserAsTextAndSeesAGrantAfterRefresh()
    {
        var secret = await IngestAsync("heliotrope.txt", Contracts.Secret, Alice);
        await IngestAsync("services.txt", Contracts.Services, Bob);
        var index = new RetrievalIndex(Store.Feed, Store.Policy);
        var bm25 = RetrievalConfig.Parse("bm25");

        Assert.Empty(await index.SearchAsync("zanzibarite acquisition", Bob, bm25));
        Assert.NotEmpty(await index.SearchAsync("zanzibarite acquisition", Alice, bm25));

        await Store.Lifecycle.SetAccessAsync(secret.DocumentId, AccessList.Parse("bob"), Alice);
        await index.RefreshAsync();

        Assert.NotEmpty(await index.SearchAsync("zanzibarite acquisition", Bob, bm25));
    }
}
