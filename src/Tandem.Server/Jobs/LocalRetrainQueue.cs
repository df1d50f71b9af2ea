using Hangfire;
using Tandem.Access;
using Tandem.Evaluation;
using Tandem.Learning;

namespace Tandem.Server.Jobs;

/// <summary>
/// Queues a local retrain of the analyst (<see cref="LocalRetrainJob"/>) for an admin, from the API
/// or the web app's models page: everything a user can get wrong (the audience, the count, the
/// folder) is refused now, in one line, not in the background.
/// </summary>
public sealed class LocalRetrainQueue(DatasetService datasets, IConfiguration configuration, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>Queues the retrain on <paramref name="data"/> (a CUAD-style folder on the server) as <paramref name="caller"/>; the job's id.</summary>
    public string Enqueue(string? data, int? contracts, bool useCorrections, string? audience, Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var readers = datasets.CheckedAudience(caller, audience) ?? caller.AccessTokens;
        if (string.IsNullOrWhiteSpace(data))
        {
            throw new TandemException("give data: a folder on the server laid out like CUAD (contracts/*.txt, master_clauses.csv)");
        }

        if (contracts is < 1)
        {
            throw new TandemException("contracts must be at least 1");
        }

        _ = CuadDataset.Load(data);
        var arguments = new LocalRetrainArguments(Path.GetFullPath(data), ServerExtensions.ModelsFolder(configuration), [.. readers], useCorrections, contracts,
            caller.UserId, caller.Groups, time.GetUtcNow());
        return jobs.Enqueue<LocalRetrainJob>(job => job.RunAsync(arguments, CancellationToken.None));
    }

    /// <summary>A retrain job's status; null when there is no such job or it is not a retrain (the storage holds review jobs too, whose result is a report id).</summary>
    public static BackgroundJobStatus? Status(JobStorage storage, string id)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (BackgroundJobStatus.Read(storage, id) is not { } status)
        {
            return null;
        }

        using var connection = storage.GetConnection();
        return connection.GetJobData(id)?.Job?.Type == typeof(LocalRetrainJob) ? status : null;
    }
}
