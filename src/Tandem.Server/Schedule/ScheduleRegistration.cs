using Hangfire;
using Microsoft.Extensions.Options;

namespace Tandem.Server.Schedule;

/// <summary>
/// Puts the schedule in the job storage when a node starts: each task with a cron expression is a
/// recurring job (added or updated), each without one is removed. Every node does it from the same
/// settings, so the last to start wins nothing but the same schedule; Hangfire runs each occurrence once.
/// </summary>
internal sealed class ScheduleRegistration(IOptions<ScheduleOptions> options, IGlobalConfiguration hangfire, IRecurringJobManager recurring) : IHostedService
{
    /// <summary>The recurring jobs' ids, which the dashboard shows.</summary>
    public const string RetrainLocalId = "retrain-local";
    public const string RetrainProviderId = "retrain-provider";
    public const string FineTuneStatusId = "finetune-status";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = hangfire; // resolved first: the serializer settings apply before the first job is written
        var schedule = options.Value;
        Register(RetrainLocalId, nameof(ScheduleOptions.RetrainLocal), schedule.RetrainLocal, run => job => job.RetrainLocalAsync(run, null, CancellationToken.None), schedule);
        Register(RetrainProviderId, nameof(ScheduleOptions.RetrainProvider), schedule.RetrainProvider, run => job => job.RetrainProviderAsync(run, CancellationToken.None), schedule);
        Register(FineTuneStatusId, nameof(ScheduleOptions.FineTuneStatus), schedule.FineTuneStatus, run => job => job.FineTuneStatusAsync(run, CancellationToken.None), schedule);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Register(string id, string name, ScheduledTask task, Func<ScheduledRun, System.Linq.Expressions.Expression<Func<ScheduledJobs, Task>>> call,
        ScheduleOptions schedule)
    {
        if (string.IsNullOrWhiteSpace(task.Cron))
        {
            recurring.RemoveIfExists(id);
            return;
        }

        try
        {
            recurring.AddOrUpdate(id, Hangfire.Common.Job.FromExpression(call(ScheduledRun.Of(schedule, task))), task.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (ArgumentException e)
        {
            throw new TandemException($"invalid settings: {ScheduleOptions.Section}:{name}:Cron '{task.Cron}' is not a cron expression ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')})",
                "give five fields in UTC, e.g. \"0 3 * * *\" for 03:00 every day", e);
        }
    }
}
