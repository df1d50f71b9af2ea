using System.Text.Json;
using Hangfire;

namespace Tandem.Server.Jobs;

/// <summary>A background job as a client sees it: queued, running, succeeded (with its result) or failed (with the library's one line).</summary>
/// <param name="Id">The job id.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Result">What a succeeded job returned (e.g. the registered model's id).</param>
/// <param name="Error">Why it failed: the library's message for a user error, a pointer to the log for a bug.</param>
public sealed record BackgroundJobStatus(string Id, string Status, string? Result, string? Error)
{
    /// <summary>The job's state from <paramref name="storage"/>; null when there is no such job.</summary>
    public static BackgroundJobStatus? Read(JobStorage storage, string id)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!JobIds.IsWellFormed(id))
        {
            return null;
        }

        using var connection = storage.GetConnection();
        if (connection.GetJobData(id) is null)
        {
            return null;
        }

        var state = connection.GetStateData(id);
        var data = new Dictionary<string, string>(state?.Data ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        return state?.Name switch
        {
            "Succeeded" => new(id, "succeeded", data.TryGetValue("Result", out var result) && result is not null ? JsonSerializer.Deserialize<string>(result) : null, null),
            "Failed" => new(id, "failed", null, data.GetValueOrDefault("ExceptionType") is { } type && type.StartsWith(typeof(TandemException).FullName!, StringComparison.Ordinal)
                ? data.GetValueOrDefault("ExceptionMessage")
                : "the job failed unexpectedly; the server's log has the details"),
            "Processing" => new(id, "running", null, null),
            "Deleted" => new(id, "failed", null, "the job was deleted before it finished"),
            _ => new(id, "queued", null, null),
        };
    }
}
