using Tandem.Learning;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IExampleStore"/>: adding, filtering and reviewing training examples, on every backend.</summary>
public abstract class ExampleStoreConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Add_DuplicatesSkipped_ListedInInsertionOrderWithEveryField()
    {
        var b = Records.Example("ex_b", "Indemnification", "curated", ["doc_1"], ["public"], Clock.Now);
        var a = Records.Example("ex_a", "Governing Law", "synthetic", [], ["group:legal", "user:alice"], Clock.Now);

        Assert.Equal(2, await Store.Examples.AddAsync([b, a]));
        Assert.Equal(0, await Store.Examples.AddAsync([a]));

        var all = await Store.Examples.ListAsync();
        Assert.Equal(["ex_b", "ex_a"], all.Select(e => e.Id));
        var read = all[0];
        Assert.Equal((b.Task, b.Input, b.Category, b.Severity, b.Rationale, b.Provenance, b.Author, b.Reviewed, b.Quote, b.Side, b.Favours),
            (read.Task, read.Input, read.Category, read.Severity, read.Rationale, read.Provenance, read.Author, read.Reviewed, read.Quote, read.Side, read.Favours));
        Assert.Equal(b.SourceDocuments, read.SourceDocuments);
        Assert.Equal(b.Access, read.Access);
        Assert.Equal(b.CreatedAt.UtcTicks / 10, read.CreatedAt.UtcTicks / 10);
        Assert.Equal(["ex_a"], (await Store.Examples.ListAsync(category: "Governing Law")).Select(e => e.Id));
        Assert.Equal(["ex_b"], (await Store.Examples.ListAsync(provenance: "curated")).Select(e => e.Id));
        Assert.Empty(await Store.Examples.ListAsync(category: "Governing Law", provenance: "curated"));
    }

    [Fact]
    public async Task Add_ExampleWithoutAccessList_RefusedAndNothingAdded()
    {
        var good = Records.Example("ex_good", "Indemnification", "curated", [], ["public"], Clock.Now);
        var bad = Records.Example("ex_bad", "Indemnification", "curated", [], [], Clock.Now);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.Examples.AddAsync([good, bad]));

        Assert.Empty(await Store.Examples.ListAsync());
    }

    [Fact]
    public async Task Review_AcceptRejectUnknown_MarksDeletesAndReportsFalse()
    {
        await Store.Examples.AddAsync([
            Records.Example("ex_1", "Indemnification", "curated", [], ["public"], Clock.Now),
            Records.Example("ex_2", "Indemnification", "curated", [], ["public"], Clock.Now)]);

        Assert.True(await Store.Examples.ReviewAsync("ex_1", accept: true, "carol"));
        Assert.True(await Store.Examples.ReviewAsync("ex_2", accept: false, "carol"));
        Assert.False(await Store.Examples.ReviewAsync("ex_2", accept: true, "carol"));
        Assert.False(await Store.Examples.ReviewAsync("ex_missing", accept: true, "carol"));

        var left = Assert.Single(await Store.Examples.ListAsync());
        Assert.True(left.Reviewed);
    }
}
