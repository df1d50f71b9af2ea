using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// How long one regular-expression match in the analysis may run before it gives up (and the
/// caller falls back: no signal, or the finding kept). .NET counts the budget in wall-clock time,
/// so it also counts time the thread spends waiting for a core: at 200–250 ms a starved machine (CI
/// running four test processes on two cores) timed out ordinary matches and a review came out
/// differently (a capped indemnity reported Critical); at one second a distribution agreement still
/// lost a missing protection under the load of eight reviews at once (review-dev137). So a timeout
/// is only believed when the thread also spent the budget on the CPU (<see cref="Run{T}(Func{T}, Func{T})"/>): a hostile
/// text is given up on as before, and a slow machine gives the same review as a quiet one.
/// </summary>
internal static class RegexBudget
{
    /// <summary>The budget in milliseconds, for <c>[GeneratedRegex]</c> attributes.</summary>
    public const int Milliseconds = 1000;

    /// <summary>The budget, for regexes built at run time (playbook patterns, defined terms).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(Milliseconds);

    /// <summary>
    /// How many times work whose match timed out without spending the budget on the CPU is run again before its
    /// fallback is taken anyway: the wall-clock time it may take stays bounded on a machine starved for minutes.
    /// </summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// <paramref name="work"/>'s result; when a match in it times out (<see cref="RegexMatchTimeoutException"/>), the work
    /// again if this thread spent less than <see cref="Timeout"/> on the CPU during the attempt (it was waiting for a
    /// core, not matching), at most <see cref="MaxAttempts"/> times in all; otherwise <paramref name="onTimeout"/>'s.
    /// The work must be safe to repeat: it only reads, or writes what the next attempt writes again.
    /// </summary>
    public static T Run<T>(Func<T> work, Func<T> onTimeout) => Run(work, onTimeout, ThreadCpuTime, RecentThreadCpuTime);

    /// <summary>
    /// <see cref="Run{T}(Func{T}, Func{T})"/> with the thread's CPU clock given (null: not readable here), and the clock read
    /// as an attempt starts (<paramref name="cpuClock"/> when not given).
    /// </summary>
    internal static T Run<T>(Func<T> work, Func<T> onTimeout, Func<TimeSpan?> cpuClock, Func<TimeSpan?>? startClock = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(onTimeout);
        ArgumentNullException.ThrowIfNull(cpuClock);
        startClock ??= cpuClock;
        for (var attempt = 1; ; attempt++)
        {
            var started = startClock();
            try
            {
                return work();
            }
            catch (RegexMatchTimeoutException) when (attempt < MaxAttempts && Starved(started, cpuClock(), attempt))
            {
                // The thread waited for a core: the same text and patterns again.
            }
            catch (RegexMatchTimeoutException)
            {
                return onTimeout();
            }
        }
    }

    /// <summary>
    /// Whether an attempt that timed out spent less than the budget on the CPU. Where the thread's CPU clock cannot be
    /// read, one more attempt is allowed: a passing stall is survived, a hostile text costs twice the budget.
    /// </summary>
    private static bool Starved(TimeSpan? started, TimeSpan? ended, int attempt) =>
        started is { } from && ended is { } to ? to - from < Timeout : attempt == 1;

    /// <summary>How long a reading of this thread's CPU clock serves as an attempt's start.</summary>
    private static readonly TimeSpan ReadingServes = TimeSpan.FromMilliseconds(1);

    [ThreadStatic]
    private static long t_readAt;

    [ThreadStatic]
    private static TimeSpan? t_reading;

    /// <summary>
    /// This thread's CPU time as read at most <see cref="ReadingServes"/> ago: a review starts thousands of matches, and
    /// each reading is a system call. An earlier reading only makes an attempt look up to a millisecond longer on the CPU
    /// than it was, against a budget of a second.
    /// </summary>
    private static TimeSpan? RecentThreadCpuTime()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (t_readAt == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(t_readAt, now) > ReadingServes)
        {
            t_reading = ThreadCpuTime();
            t_readAt = now;
        }

        return t_reading;
    }

    /// <summary>This thread's CPU time (user and system), on Linux and macOS; null elsewhere or when the call fails.</summary>
    internal static TimeSpan? ThreadCpuTime()
    {
        // CLOCK_THREAD_CPUTIME_ID: 3 on Linux, 16 on macOS.
        var clock = OperatingSystem.IsLinux() ? 3 : OperatingSystem.IsMacOS() ? 16 : -1;
        if (clock < 0 || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            return ClockGetTime(clock, out var time) == 0 ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100)) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>struct timespec on a 64-bit Unix: seconds and nanoseconds, each a long.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport, which would need the project compiled unsafe: a blittable struct marshals as is.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
