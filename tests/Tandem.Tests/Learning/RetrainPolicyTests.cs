using Tandem.Learning;

namespace Tandem.Tests.Learning;

public sealed class RetrainPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static RegisteredModel Model(string id, int daysAgo, string backend = "local") =>
        new(id, backend, "kind", "/m.zip", "hash", Now.AddDays(-daysAgo), null, ModelStatus.Champion, null, null);

    [Fact]
    public void Decide_NoModel_Due() => Assert.True(new RetrainPolicy().Decide("local", [], Now).Due);

    [Fact]
    public void Decide_QuarterlyPolicy_DueOnlyAfterNinetyDays()
    {
        var policy = new RetrainPolicy { EveryDays = 90 };

        var fresh = policy.Decide("local", [Model("a", 200), Model("b", 30)], Now);
        var stale = policy.Decide("local", [Model("a", 200), Model("b", 91)], Now);

        Assert.False(fresh.Due);
        Assert.Contains("(b) is 30.0 days old", fresh.Reason, StringComparison.Ordinal);
        Assert.True(stale.Due);
    }

    [Fact]
    public void Decide_EnoughAcceptedCorrectionsSinceTheNewestModel_Due()
    {
        var policy = new RetrainPolicy { EveryDays = 90, AfterCorrections = 3 };
        var older = Now.AddDays(-40);
        var newer = Now.AddDays(-5);

        var two = policy.Decide("local", [Model("b", 30)], Now, [older, older, older, newer, newer]);
        var three = policy.Decide("local", [Model("b", 30)], Now, [older, newer, newer, newer]);
        var off = new RetrainPolicy { AfterCorrections = 0 }.Decide("local", [Model("b", 30)], Now, [newer, newer, newer, newer]);

        Assert.False(two.Due);
        Assert.Contains("2 accepted corrections arrived since", two.Reason, StringComparison.Ordinal);
        Assert.True(three.Due);
        Assert.Contains("or after 3 corrections", three.Reason, StringComparison.Ordinal);
        Assert.False(off.Due);
    }

    [Fact]
    public void Decide_ProviderJobStartedRecently_NotDueEvenBeforeItsModelIsRegistered()
    {
        var policy = new RetrainPolicy { EveryDays = 90 };
        RetrainDecision Started(int daysAgo, string? job, string backend = "openai") => new(Now.AddDays(-daysAgo), backend, true, "due") { Job = job };

        var running = policy.Decide("openai", [Model("old", 200, backend: "openai")], Now, decisions: [Started(3, "ftjob-1"), Started(1, null)]);
        var stale = policy.Decide("openai", [Model("old", 200, backend: "openai")], Now, decisions: [Started(100, "ftjob-0"), Started(3, "ftjob-1", backend: "local")]);

        Assert.False(running.Due);
        Assert.Contains("the last training job (ftjob-1) is 3.0 days old", running.Reason, StringComparison.Ordinal);
        Assert.True(stale.Due);
    }

    [Fact]
    public void Decide_OtherBackendsIgnored() =>
        Assert.True(new RetrainPolicy().Decide("local", [Model("x", 1, backend: "openai")], Now).Due);
}
