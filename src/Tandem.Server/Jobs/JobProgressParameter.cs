using System.Globalization;
using Hangfire.Server;

namespace Tandem.Server.Jobs;

/// <summary>
/// A running job's progress, kept in one of its parameters for a status endpoint to read (on any node: the
/// parameter is in the job storage). A new stage is written at once; counts within a stage at most once a
/// second, and always the last, so a long review costs the storage a few writes, not one per step.
/// </summary>
public sealed class JobProgressParameter(PerformContext context, string name) : IProgress<WorkProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private string? _stage;
    private long _writtenAt;

    /// <inheritdoc />
    public void Report(WorkProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (value.Stage == _stage && value.Done < value.Total && now - _writtenAt < Interval.TotalMilliseconds)
            {
                return;
            }

            (_stage, _writtenAt) = (value.Stage, now);
            context.SetJobParameter(name, Format(value));
        }
    }

    /// <summary>The kept form: "done/total stage".</summary>
    public static string Format(WorkProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(CultureInfo.InvariantCulture, $"{value.Done}/{value.Total} {value.Stage}");
    }

    /// <summary>The progress a kept form holds; null for anything else.</summary>
    public static WorkProgress? Parse(string? kept)
    {
        if (kept is null)
        {
            return null;
        }

        var space = kept.IndexOf(' ', StringComparison.Ordinal);
        var slash = space < 0 ? -1 : kept.IndexOf('/', 0, space);
        return slash > 0
            && int.TryParse(kept.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var done)
            && int.TryParse(kept.AsSpan(slash + 1, space - slash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? new WorkProgress(kept[(space + 1)..], done, total)
            : null;
    }
}
