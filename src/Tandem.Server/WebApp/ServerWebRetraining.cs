using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Server.Jobs;
using Tandem.Server.Schedule;
using Tandem.Web.Retraining;

namespace Tandem.Server.WebApp;

/// <summary>The server's half of the models page: the schedule as Hangfire holds it, and local retrains through the API's own queue.</summary>
internal sealed class ServerWebRetraining(JobStorage storage, LocalRetrainQueue queue, IOptions<ScheduleOptions> schedule) : IWebRetraining
{
    private static readonly string[] Tasks = [ScheduleRegistration.RetrainLocalId, ScheduleRegistration.RetrainProviderId, ScheduleRegistration.FineTuneStatusId];

    public string? ScheduledData => schedule.Value.RetrainLocal.Data;

    public IReadOnlyList<WebScheduledRun> Schedule()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs(Tasks)
            .Where(j => !j.Removed && !string.IsNullOrEmpty(j.Cron))
            .Select(j => new WebScheduledRun(j.Id, j.Cron, Utc(j.NextExecution), Utc(j.LastExecution), j.LastJobState))
            .ToList();
    }

    public string QueueRetrain(string? data, Principal caller) =>
        // The admin's own audience and every accepted correction they may read, as POST /api/retrain/local with only data.
        queue.Enqueue(data, null, useCorrections: true, audience: null, caller);

    public WebRetrainJob? GetRetrainJob(string jobId) =>
        LocalRetrainQueue.Status(storage, jobId) is { } status
            ? new WebRetrainJob(status.Id, status.Status, status.Result, status.Error)
            : null;

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
