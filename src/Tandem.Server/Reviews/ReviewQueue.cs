using Hangfire;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Store;

namespace Tandem.Server.Reviews;

/// <summary>
/// Reviews asked for over HTTP: a document of up to <see cref="ReviewJobOptions.InlineMaxClauses"/>
/// clauses is reviewed within the request; a larger one is queued on Hangfire as a
/// <see cref="ReviewJob"/> carrying the caller's identity, and its status is shown to that caller
/// (and admins) only: to anyone else a job is "not found", exactly like one that does not exist.
/// </summary>
public sealed class ReviewQueue(ReviewService reviews, DocumentIngestor ingestor, IDocumentStore store, IAccessPolicy policy,
    IBackgroundJobClient jobs, JobStorage storage, NamedPlaybooks playbooks, IOptions<ReviewJobOptions> options, ILogger<ReviewQueue> logger)
{
    private readonly SemaphoreSlim _inline = new(options.Value.InlineConcurrency, options.Value.InlineConcurrency);

    /// <summary>Ingests the uploaded file as the caller's document, then reviews it (or queues the review).</summary>
    public async Task<ReviewSubmission> SubmitUploadAsync(UploadedFile file, AccessList? access, ReviewRequest request, Principal caller, CancellationToken cancellationToken = default)
    {
        var ingested = (await ingestor.IngestUploadsAsync([file], caller, access, cancellationToken))[0];
        return await SubmitAsync(ingested.DocumentId, ingested.ClauseCount, request, caller, cancellationToken);
    }

    /// <summary>Reviews a stored document the caller may read (or queues the review); null when there is none they may read.</summary>
    public async Task<ReviewSubmission?> SubmitDocumentAsync(string documentId, ReviewRequest request, Principal caller, CancellationToken cancellationToken = default) =>
        await store.GetDocumentAsync(documentId, caller, cancellationToken) is { } document
            ? await SubmitAsync(document.DocumentId, document.Clauses.Count, request, caller, cancellationToken)
            : null;

    /// <summary>A job's status, if the caller asked for it or is an admin; null otherwise (no difference between "absent" and "not yours").</summary>
    public ReviewJobStatus? GetStatus(string jobId, Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Jobs.JobIds.IsWellFormed(jobId))
        {
            return null;
        }

        using var connection = storage.GetConnection();
        if (connection.GetJobData(jobId) is not { Job.Args: [ReviewJobRequest asked, ..] } data
            || (asked.UserId != caller.UserId && !policy.IsAdmin(caller)))
        {
            return null;
        }

        DateTimeOffset? created = data.CreatedAt == default ? null : new DateTimeOffset(DateTime.SpecifyKind(data.CreatedAt, DateTimeKind.Utc));
        var outcome = Jobs.JobOutcome.Read(connection, jobId, data, ReviewJob.ErrorParameter,
            "the review failed on the server; try again, and tell the administrator if it fails again");
        return outcome.Result is { } reportId
            ? new ReviewJobStatus(jobId, outcome.Status, asked.DocumentId, created, reportId, ReportUrl(reportId))
            : new ReviewJobStatus(jobId, outcome.Status, asked.DocumentId, created, Error: outcome.Error,
                Progress: outcome.Status == ReviewJobStatus.Running ? Jobs.JobProgressParameter.Parse(Jobs.JobOutcome.Parameter(connection, jobId, ReviewJob.ProgressParameter)) : null);
    }

    /// <summary>Where a report is fetched.</summary>
    public static string ReportUrl(string reportId) => $"/api/reviews/{Uri.EscapeDataString(reportId)}";

    /// <summary>Where a job's status is read.</summary>
    public static string JobUrl(string jobId) => $"/api/reviews/jobs/{Uri.EscapeDataString(jobId)}";

    private async Task<ReviewSubmission> SubmitAsync(string documentId, int clauses, ReviewRequest request, Principal caller, CancellationToken cancellationToken)
    {
        if (clauses <= options.Value.InlineMaxClauses)
        {
            await _inline.WaitAsync(cancellationToken);
            try
            {
                return new ReviewSubmission(await reviews.ReviewDocumentAsync(documentId, request, caller, cancellationToken: cancellationToken), null);
            }
            finally
            {
                _inline.Release();
            }
        }

        var asked = ReviewJobRequest.For(documentId, request, caller, playbooks);
        var jobId = jobs.Enqueue<ReviewJob>(job => job.RunAsync(asked, null, CancellationToken.None));
        logger.LogInformation("Queued review job {JobId} of document {DocumentId} ({Clauses} clauses) for {User}", jobId, documentId, clauses, caller.UserId);
        return new ReviewSubmission(null, GetStatus(jobId, caller) ?? new ReviewJobStatus(jobId, ReviewJobStatus.Queued, documentId, null));
    }
}
