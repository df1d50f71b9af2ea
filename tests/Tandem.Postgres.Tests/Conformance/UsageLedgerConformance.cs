using Tandem.Economics;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IUsageLedger"/>: each caller's calls, everyone's for admins, from a time on, on every backend.</summary>
public abstract class UsageLedgerConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Record_TwoUsers_EachListsTheirOwnAndAdminsListAll()
    {
        await Store.Ledgers.For(Alice).RecordAsync(Entry(Clock.Now, 0.0125m));
        await Store.Ledgers.For(Bob).RecordAsync(Entry(Clock.Now.AddSeconds(1), null));

        var alices = await Store.Ledgers.For(Alice).ListAsync(DateTimeOffset.MinValue);
        var all = await Store.Ledgers.For(Admin).ListAsync(DateTimeOffset.MinValue);

        var entry = Assert.Single(alices);
        Assert.Equal(("alice", 0.0125m, 1200L, 300L, 80L, "few-shot", 640L, true), (entry.User, entry.CostUsd, entry.InputTokens, entry.CachedInputTokens, entry.OutputTokens, entry.Strategy, entry.ExampleTokens, entry.Succeeded));
        Assert.Equal(TimeSpan.FromMilliseconds(812.5), entry.Latency);
        Assert.Equal(["alice", "bob"], all.Select(e => e.User));
        Assert.Null(all[1].CostUsd);
    }

    [Fact]
    public async Task List_SinceAnEntrysOwnTime_IncludesItAndNothingBefore()
    {
        var earlier = Clock.Now;
        var later = Clock.Now.AddMinutes(1);
        await Store.Ledgers.For(Alice).RecordAsync(Entry(earlier, 1m));
        await Store.Ledgers.For(Alice).RecordAsync(Entry(later, 2m));

        var since = await Store.Ledgers.For(Alice).ListAsync(later);

        Assert.Equal([2m], since.Select(e => e.CostUsd));
        Assert.Equal(later.UtcTicks / 10, since[0].At.UtcTicks / 10);
    }

    private static UsageEntry Entry(DateTimeOffset at, decimal? cost) =>
        new(at, "reviewer", "gpt-test", "analyze", 1200, 300, 80, TimeSpan.FromMilliseconds(812.5), cost, true, "few-shot", 640);
}
