using Tandem.Access;
using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IDocumentLifecycle"/>: retiring, access lists and their history, versions, on every backend.</summary>
public abstract class DocumentLifecycleConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Retire_ByOwnerReaderAndStranger_ChangedNotAllowedAndNotFound()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice, "alice,bob");

        Assert.Equal(DocumentChange.NotFound, await Store.Lifecycle.RetireAsync(lease.DocumentId, Carol));
        Assert.Equal(DocumentChange.NotFound, await Store.Lifecycle.RetireAsync("doc_0000000000000000", Alice));
        Assert.Equal(DocumentChange.NotAllowed, await Store.Lifecycle.RetireAsync(lease.DocumentId, Bob));
        Assert.Equal(DocumentChange.Changed, await Store.Lifecycle.RetireAsync(lease.DocumentId, Alice));
        Assert.Equal(DocumentChange.Unchanged, await Store.Lifecycle.RetireAsync(lease.DocumentId, Alice));

        Assert.Empty(await Store.Documents.SearchAsync("excavators", Alice));
        var versions = await Store.Lifecycle.GetVersionsAsync(lease.DocumentId, Alice);
        Assert.Equal(Clock.Now.UtcTicks / 10, versions!.RetiredAt!.Value.UtcTicks / 10);
    }

    [Fact]
    public async Task SetAccess_GrantThenRevoke_SearchAndGetFollowAndHistoryIsTheOwners()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice);

        Assert.Equal(DocumentChange.Changed, await Store.Lifecycle.SetAccessAsync(lease.DocumentId, AccessList.Parse("bob"), Alice));
        Assert.NotEmpty(await Store.Documents.SearchAsync("excavators", Bob));
        var asReader = await Store.Documents.GetDocumentAsync(lease.DocumentId, Bob);
        Assert.Equal(["user:alice", "user:bob"], asReader!.Access);
        Assert.Empty(asReader.AccessHistory);
        Assert.Equal(DocumentChange.Unchanged, await Store.Lifecycle.SetAccessAsync(lease.DocumentId, AccessList.Parse("bob,alice"), Alice));
        Assert.Equal(DocumentChange.NotAllowed, await Store.Lifecycle.SetAccessAsync(lease.DocumentId, AccessList.Parse("bob,carol"), Bob));

        Assert.Equal(DocumentChange.Changed, await Store.Lifecycle.SetAccessAsync(lease.DocumentId, AccessList.Parse(""), Admin));

        Assert.Empty(await Store.Documents.SearchAsync("excavators", Bob));
        Assert.Null(await Store.Documents.GetDocumentAsync(lease.DocumentId, Bob));
        var history = (await Store.Documents.GetDocumentAsync(lease.DocumentId, Alice))!.AccessHistory;
        Assert.Equal(3, history.Count);
        Assert.Equal(["", "user:alice"], [string.Join(',', history[0].OldAccess), string.Join(',', history[0].NewAccess)]);
        Assert.Equal(["user:alice,user:bob", "user:alice", "root"], [string.Join(',', history[2].OldAccess), string.Join(',', history[2].NewAccess), history[2].By]);
    }

    [Fact]
    public async Task GetVersions_TwoVersions_OldestFirstAndNullForAStranger()
    {
        var v1 = await IngestAsync("lease.txt", Contracts.Lease, Alice);
        Clock.Advance(TimeSpan.FromHours(1));
        await IngestAsync("lease.txt", Contracts.Lease + "\n\n5. Notices. In writing.", Alice);

        var versions = await Store.Lifecycle.GetVersionsAsync(v1.DocumentId, Alice);

        Assert.NotNull(versions);
        Assert.Equal("alice", versions.Owner);
        Assert.Null(versions.RetiredAt);
        Assert.Equal([1, 2], versions.Versions.Select(v => v.Version));
        Assert.Equal(v1.ClauseCount + 1, versions.Versions[1].ClauseCount);
        Assert.True(versions.Versions[1].IngestedAt > versions.Versions[0].IngestedAt);
        Assert.Null(await Store.Lifecycle.GetVersionsAsync(v1.DocumentId, Bob));
    }
}
