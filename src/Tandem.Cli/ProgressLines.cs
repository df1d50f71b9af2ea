using System.Globalization;

namespace Tandem.Cli;

/// <summary>
/// Progress for a log or a pipe: a plain line on stderr when a stage starts, when it has come
/// another tenth of the way, and at least every <see cref="Interval"/> while it runs, so a long
/// command run by cron or CI is never silent, and never floods the log either.
/// </summary>
internal sealed class ProgressLines(TextWriter error, string title, TimeProvider? time = null) : IProgress<WorkProgress>
{
    /// <summary>The longest a running stage goes without a line.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private string? _stage;
    private int _tenth = -1;
    private long _last;

    public void Report(WorkProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Evaluators report from parallel workers; lines must neither interleave nor go backwards.
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var tenth = value.Total > 0 ? 10 * value.Done / value.Total : -1;
            var newStage = value.Stage != _stage;
            if (!newStage && tenth <= _tenth && _time.GetElapsedTime(_last, now) < Interval)
            {
                return;
            }

            _stage = value.Stage;
            _tenth = newStage ? tenth : Math.Max(tenth, _tenth);
            _last = now;
            error.WriteLine(value.Total > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{title}: {value.Stage} {value.Done}/{value.Total} ({100 * value.Done / value.Total}%)")
                : $"{title}: {value.Stage}");
        }
    }
}
