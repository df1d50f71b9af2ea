using Spectre.Console;

namespace Tandem.Cli;

/// <summary>Progress for a person at a terminal: one Spectre bar per stage, the finished ones kept above the running one.</summary>
internal sealed class ProgressBars(ProgressContext context) : IProgress<WorkProgress>
{
    private readonly Lock _lock = new();
    private ProgressTask? _task;
    private string? _stage;

    public void Report(WorkProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            if (value.Stage != _stage)
            {
                Finish();
                _stage = value.Stage;
                _task = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(value.Total, 1));
                _task.IsIndeterminate = value.Total == 0;
            }

            if (value.Total > 0)
            {
                _task!.MaxValue = value.Total;
                _task.Value = value.Done;
            }
        }
    }

    /// <summary>Marks the running stage done (when the next one starts, or the work ends).</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_task is not null)
            {
                _task.IsIndeterminate = false;
                _task.Value = _task.MaxValue;
                _task.StopTask();
            }
        }
    }
}
