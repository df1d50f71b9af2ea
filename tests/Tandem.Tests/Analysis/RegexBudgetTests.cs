using System.Text.RegularExpressions;
using Tandem.Analysis;

namespace Tandem.Tests.Analysis;

/// <summary>
/// A regex timeout is believed only when the thread spent the budget on the CPU: a starved machine gives the review a
/// quiet one gives, a hostile text is still given up on.
/// </summary>
public sealed class RegexBudgetTests
{
    private static RegexMatchTimeoutException Timeout() => new("text", "pattern", RegexBudget.Timeout);

    [Fact]
    public void Run_ATimeoutWithoutTheBudgetSpentOnTheCpu_RunsTheWorkAgain()
    {
        var calls = 0;
        var cpu = TimeSpan.Zero;

        // The first attempt times out having used 10 ms of CPU (it waited for a core); the second finishes.
        var result = RegexBudget.Run(() => ++calls == 1 ? throw Timeout() : "read", () => "fallback", () => cpu += TimeSpan.FromMilliseconds(5));

        Assert.Equal("read", result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Run_ATimeoutWithTheBudgetSpentOnTheCpu_TakesTheFallbackAtOnce()
    {
        var calls = 0;
        var cpu = TimeSpan.Zero;

        var result = RegexBudget.Run<string>(() => { calls++; throw Timeout(); }, () => "fallback", () => cpu += RegexBudget.Timeout);

        Assert.Equal("fallback", result);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Run_StarvedEveryTime_GivesUpAfterMaxAttempts_AndWithoutACpuClockAfterTwo()
    {
        var calls = 0;
        Assert.Equal("fallback", RegexBudget.Run<string>(() => { calls++; throw Timeout(); }, () => "fallback", () => TimeSpan.Zero));
        Assert.Equal(RegexBudget.MaxAttempts, calls);

        calls = 0;
        Assert.Equal("fallback", RegexBudget.Run<string>(() => { calls++; throw Timeout(); }, () => "fallback", () => null));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Run_OtherExceptions_PassThrough()
    {
        Assert.Throws<InvalidOperationException>(() => RegexBudget.Run<string>(() => throw new InvalidOperationException("x"), () => "fallback"));
    }

    [Fact]
    public void Run_AHostileMatch_StillEndsInTheFallback_OnTheRealClock()
    {
        // Catastrophic backtracking: (a+)+$ on "aaaa…!" spends the whole budget on the CPU.
        var slow = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        var text = new string('a', 40) + "!";
        var calls = 0;

        var started = DateTime.UtcNow;
        var result = RegexBudget.Run(() => { calls++; return slow.IsMatch(text); }, () => false);

        Assert.False(result);
        // 50 ms of CPU is less than the one-second budget, so the work is tried again until MaxAttempts: bounded all the same.
        Assert.Equal(RegexBudget.MaxAttempts, calls);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void ThreadCpuTime_OnLinux_CountsThisThreadsWork()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the thread CPU clock is read on Linux and macOS");
        var before = RegexBudget.ThreadCpuTime();
        var spin = 0L;
        var until = DateTime.UtcNow.AddMilliseconds(100);
        while (DateTime.UtcNow < until)
        {
            spin++;
        }

        var after = RegexBudget.ThreadCpuTime();
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.True(after > before, $"{before} -> {after} after {spin} spins");
        Assert.True(after - before < TimeSpan.FromSeconds(5));
    }

    /// <summary>The clock read as an attempt starts may be an earlier reading; the one read at the timeout is the clock's own.</summary>
    [Fact]
    public void Run_StartReadingGiven_SpentMeasuredFromItToTheClock()
    {
        var calls = 0;

        var result = RegexBudget.Run(() => ++calls == 1 ? throw Timeout() : "read", () => "fallback",
            cpuClock: () => TimeSpan.FromMilliseconds(1500), startClock: () => TimeSpan.FromMilliseconds(1000));

        Assert.Equal("read", result);
        Assert.Equal(2, calls);
    }
}
