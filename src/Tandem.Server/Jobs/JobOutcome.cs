using System.Text.Json;
using Hangfire.States;
using Hangfire.Storage;

namespace Tandem.Server.Jobs;

/// <summary>
/// Where a job a caller asked for stands, read from the job storage: queued, running, succeeded
/// with the string it returned, or failed with the one-line error it kept in a job parameter (a
/// fallback line when it kept none, e.g. a bug). A job that succeeded without returning anything
/// counts as failed. The review and upload queues show their jobs through it.
/// </summary>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Result">What a succeeded job returned.</param>
/// <param name="Error">Why a failed job failed.</param>
internal sealed record JobOutcome(string Status, string? Result, string? Error)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The outcome of <paramref name="jobId"/>, whose data <paramref name="data"/> the caller has read (and checked is theirs).</summary>
    public static JobOutcome Read(IStorageConnection connection, string jobId, JobData data, string errorParameter, string fallbackError)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(data);
        var state = connection.GetStateData(jobId);
        var name = state?.Name ?? data.State;
        if (name == SucceededState.StateName && state?.Data is { } kept && kept.TryGetValue("Result", out var result) && Kept(result) is { } returned)
        {
            return new(Succeeded, returned, null);
        }

        if (name == SucceededState.StateName || name == FailedState.StateName || name == DeletedState.StateName)
        {
            return new(Failed, null, Kept(connection.GetJobParameter(jobId, errorParameter)) ?? fallbackError);
        }

        return new(name == ProcessingState.StateName ? Running : Queued, null, null);
    }

    /// <summary>A string a job kept in a parameter; null when it kept none.</summary>
    public static string? Parameter(IStorageConnection connection, string jobId, string name)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Kept(connection.GetJobParameter(jobId, name));
    }

    /// <summary>A string Hangfire kept (a job's return value or parameter), which it keeps as JSON.</summary>
    private static string? Kept(string? kept) => string.IsNullOrEmpty(kept) ? null : JsonSerializer.Deserialize<string>(kept);
}
