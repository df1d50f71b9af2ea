using Tandem.Access;

namespace Tandem.Server.Schedule;

/// <summary>What a scheduled task needs, kept with its recurring job (plain values): the identity it runs as, and its settings.</summary>
/// <param name="UserId">The schedule's user.</param>
/// <param name="Groups">Their groups.</param>
/// <param name="Data">Retrain local: the curated folder.</param>
/// <param name="Contracts">Retrain local: at most this many contracts.</param>
/// <param name="Audience">Retrains: who the model is for; null for the identity's own tokens.</param>
/// <param name="Model">Provider tasks: the configured model.</param>
/// <param name="RetrievalAware">Retrain provider: retrieval-aware examples.</param>
/// <param name="Epochs">Retrain provider: epochs.</param>
public sealed record ScheduledRun(string UserId, string[] Groups, string? Data, int? Contracts, string? Audience, string? Model, bool RetrievalAware, int Epochs)
{
    /// <summary>The run of <paramref name="task"/> as <paramref name="schedule"/>'s identity.</summary>
    public static ScheduledRun Of(ScheduleOptions schedule, ScheduledTask task)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(task);
        return new ScheduledRun(schedule.User, [.. schedule.Groups], task.Data, task.Contracts, task.Audience, task.Model, task.RetrievalAware, task.Epochs);
    }

    /// <summary>The identity the run acts as.</summary>
    public Principal Caller() => new(UserId, Groups);
}
