namespace Tandem.Analysis;

/// <summary>
/// How long one regular-expression match in the analysis may run before it gives up (and the
/// caller falls back: no signal, or the finding kept). The budget is wall-clock time, so it also
/// counts time the thread spends descheduled: at 200–250 ms a starved machine (CI running four
/// test processes on two cores) timed out ordinary matches and a review came out differently
/// (a capped indemnity reported Critical). One second is far above any real clause's match time
/// (well under a millisecond) and still bounds a hostile text.
/// </summary>
internal static class RegexBudget
{
    /// <summary>The budget in milliseconds, for <c>[GeneratedRegex]</c> attributes.</summary>
    public const int Milliseconds = 1000;

    /// <summary>The budget, for regexes built at run time (playbook patterns, defined terms).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(Milliseconds);
}
