using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Reporting;
using Tandem.Store;

namespace Tandem.Server.Uploads;

/// <summary>
/// Uploads too large to ingest within a request: staged in the store (<see cref="IUploadStaging"/>,
/// which every node reaches) and ingested by an <see cref="UploadIngestJob"/> on whichever node's
/// worker takes it, as the caller who sent them. The status is shown to that caller (and admins)
/// only: to anyone else a job is "not found", exactly like one that does not exist.
/// </summary>
public sealed class UploadQueue(IUploadStaging staging, IAccessPolicy policy, IBackgroundJobClient jobs, JobStorage storage,
    IOptions<UploadOptions> options, ILogger<UploadQueue> logger)
{
    /// <summary>Whether an upload of <paramref name="bytes"/> in total goes to the background.</summary>
    public bool InBackground(long bytes, bool asked) => asked || bytes > options.Value.BackgroundBytes;

    /// <summary>Stages the files and queues their ingestion; the job's first status.</summary>
    public async Task<UploadJobStatus> SubmitAsync(IReadOnlyList<UploadedFile> files, AccessList? access, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(caller);
        if (files.Count == 0)
        {
            throw new TandemException("the upload has no files", "send them as multipart/form-data, one part per file");
        }

        var stagingId = await staging.StageAsync(caller.UserId, files, cancellationToken);
        var asked = new UploadIngestRequest(stagingId, caller.UserId, caller.Groups, access?.Tokens, files.Count);
        var jobId = jobs.Enqueue<UploadIngestJob>(job => job.RunAsync(asked, null, CancellationToken.None));
        logger.LogInformation("Queued ingestion job {JobId} of {Files} staged files for {User}", jobId, files.Count, caller.UserId);
        return GetStatus(jobId, caller) ?? new UploadJobStatus(jobId, UploadJobStatus.Queued, files.Count);
    }

    /// <summary>A job's status, if the caller sent the upload or is an admin; null otherwise (no difference between "absent" and "not yours").</summary>
    public UploadJobStatus? GetStatus(string jobId, Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Jobs.JobIds.IsWellFormed(jobId))
        {
            return null;
        }

        using var connection = storage.GetConnection();
        if (connection.GetJobData(jobId) is not { Job.Args: [UploadIngestRequest asked, ..] } data
            || (asked.UserId != caller.UserId && !policy.IsAdmin(caller)))
        {
            return null;
        }

        var outcome = Jobs.JobOutcome.Read(connection, jobId, data, UploadIngestJob.ErrorParameter,
            "the upload could not be ingested on the server; try again, and tell the administrator if it fails again");
        return new UploadJobStatus(jobId, outcome.Status, asked.Files,
            outcome.Result is { } json ? JsonSerializer.Deserialize<List<IngestResult>>(json, ReportJson.Options) : null, outcome.Error);
    }

    /// <summary>Where a job's status is read.</summary>
    public static string StatusUrl(string jobId) => $"/api/documents/uploads/{Uri.EscapeDataString(jobId)}";
}
