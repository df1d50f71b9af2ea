namespace Tandem.Cli;

/// <summary>Shows each stage a service reports as the spinner's status, at once (a <see cref="Progress{T}"/> would post it later, out of order).</summary>
internal sealed class StatusProgress(Action<string> status) : IProgress<WorkProgress>
{
    public void Report(WorkProgress value) => status(value.Total > 0 ? $"{value.Stage} ({value.Done}/{value.Total})" : value.Stage);
}
