using Tandem.Access;

namespace Tandem.Web.Retraining;

/// <summary>
/// What the models page needs from the server's job system: the retraining schedule with its next
/// runs, and local retrains queued and followed as <c>POST /api/retrain/local</c> does. The server
/// implements it (the web app cannot reference the server's job storage).
/// </summary>
public interface IWebRetraining
{
    /// <summary>The folder the scheduled local retrain trains on (<c>Tandem:Schedule:RetrainLocal:Data</c>), offered as the default; null when unset.</summary>
    string? ScheduledData { get; }

    /// <summary>The scheduled tasks, each with its cron expression and its next and last run; empty when nothing is scheduled.</summary>
    IReadOnlyList<WebScheduledRun> Schedule();

    /// <summary>Queues a local retrain on <paramref name="data"/> as <paramref name="caller"/> (an admin); the job's id. A bad folder is a <see cref="TandemException"/>.</summary>
    string QueueRetrain(string? data, Principal caller);

    /// <summary>A queued retrain's progress; null when there is no such retrain job.</summary>
    WebRetrainJob? GetRetrainJob(string jobId);
}
