using Tandem.Access;

namespace Tandem.Economics;

/// <summary>
/// What metered model calls used and cost, for every surface: a caller sees their own calls, an
/// admin everyone's (or one user's).
/// </summary>
public sealed class UsageService(IUsageLedgers ledgers, IAccessPolicy policy, TimeProvider time)
{
    /// <summary>The longest window summed, in days.</summary>
    public const int MaxDays = 3650;

    /// <summary>
    /// The caller's usage over the last <paramref name="days"/> days; with <paramref name="user"/>,
    /// only that user's (admins only: anyone else naming another user is refused).
    /// </summary>
    public async Task<UsageReport> SummariseAsync(Principal caller, int days, string? user = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Check(days);
        if (user is not null && user != caller.UserId && !policy.IsAdmin(caller))
        {
            throw new TandemException($"only an admin may see another user's usage; you ({caller.UserId}) see your own", "leave out the user filter");
        }

        var entries = await ledgers.For(caller).ListAsync(time.GetUtcNow().AddDays(-days), cancellationToken);
        return Summarise(days, user, user is null ? entries : entries.Where(e => e.User == user).ToList());
    }

    /// <summary>The report of a window in which nothing was metered (there is no store yet); the window is checked all the same.</summary>
    public static UsageReport Empty(int days)
    {
        Check(days);
        return Summarise(days, null, []);
    }

    private static UsageReport Summarise(int days, string? user, IReadOnlyList<UsageEntry> entries)
    {
        var rows = UsageSummary.Of(entries);
        return new UsageReport(days, user, entries.Count, rows.Sum(r => r.CostUsd), rows, UsageSummary.FewShotShare(entries));
    }

    private static void Check(int days)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new TandemException($"days must be between 1 and {MaxDays}, not {days}");
        }
    }
}
