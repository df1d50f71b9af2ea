using Hangfire;
using Hangfire.Server;
using Tandem.Analysis;

namespace Tandem.Server.Reviews;

/// <summary>The background job that reviews a large document, run by Hangfire as the caller who asked for it.</summary>
public sealed class ReviewJob(ReviewService reviews, NamedPlaybooks playbooks)
{
    /// <summary>The job parameter holding the one-line error of a review that failed on the user's input.</summary>
    public const string ErrorParameter = "tandem-error";

    /// <summary>The job parameter holding how far the review has come (<see cref="Jobs.JobProgressParameter"/>), for the status endpoint.</summary>
    public const string ProgressParameter = "tandem-progress";

    /// <summary>Reviews the document and saves the report; returns the report's id. A failure is final: a review that failed once fails again.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> RunAsync(ReviewJobRequest request, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var progress = context is null ? null : new Jobs.JobProgressParameter(context, ProgressParameter);
            var report = await reviews.ReviewDocumentAsync(request.DocumentId, request.ToReviewRequest(playbooks), request.Caller(), progress, cancellationToken);
            return report.ReportId;
        }
        catch (TandemException e)
        {
            // Kept for the status endpoint: the library's line, not the exception's type or stack.
            context?.SetJobParameter(ErrorParameter, e.ToUserMessage());
            throw;
        }
    }
}
