using Tandem.Access;
using Tandem.Economics;

namespace Tandem.Tests.Services;

/// <summary>Usage through the library service: one's own calls, an admin's view of everyone's and of one user's.</summary>
public sealed class UsageServiceTests : IAsyncLifetime
{
    private static readonly Principal Alice = new("alice");
    private static readonly Principal Bob = new("bob");
    private static readonly Principal Root = new("root", ["admin"]);
    private readonly ServiceHost _host = new();

    public async ValueTask InitializeAsync()
    {
        var ledgers = _host.Get<IUsageLedgers>();
        var now = DateTimeOffset.UtcNow;
        await ledgers.For(Alice).RecordAsync(new UsageEntry(now, "reviewer", "gpt-x", "analyze", 1000, 0, 100, TimeSpan.FromMilliseconds(200), 0.5m, true, "few-shot", 400));
        await ledgers.For(Bob).RecordAsync(new UsageEntry(now, "reviewer", "gpt-x", "analyze", 3000, 0, 100, TimeSpan.FromMilliseconds(400), 1.5m, true, "few-shot", 0));
        await ledgers.For(Bob).RecordAsync(new UsageEntry(now.AddDays(-40), "reviewer", "gpt-x", "ask", 10, 0, 1, TimeSpan.FromMilliseconds(10), 9m, true));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private UsageService Service => _host.Get<UsageService>();

    [Fact]
    public async Task SummariseAsync_User_OwnCallsInTheWindowOnly()
    {
        var usage = await Service.SummariseAsync(Alice, 30, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((30, 1, 0.5m), (usage.Days, usage.Calls, usage.TotalCostUsd));
        Assert.Equal(0.4, usage.FewShotShareOfPromptTokens);
        Assert.Equal("reviewer (gpt-x)", Assert.Single(usage.Rows).Model);
    }

    [Fact]
    public async Task SummariseAsync_Admin_EveryoneOrOneUser()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal((2, 2m), ((await Service.SummariseAsync(Root, 30, cancellationToken: ct)) is var all ? (all.Calls, all.TotalCostUsd) : default));
        var bob = await Service.SummariseAsync(Root, 60, "bob", ct);
        Assert.Equal(("bob", 2, 10.5m), (bob.User, bob.Calls, bob.TotalCostUsd));
    }

    [Theory]
    [InlineData(30, "bob", "only an admin may see another user's usage")]
    [InlineData(0, null, "days must be between 1 and 3650, not 0")]
    public async Task SummariseAsync_NotAllowedOrBadWindow_OneLineError(int days, string? user, string message)
    {
        var error = await Assert.ThrowsAsync<TandemException>(() => Service.SummariseAsync(Alice, days, user, TestContext.Current.CancellationToken));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
