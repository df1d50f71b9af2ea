namespace Tandem.Web.Reviews;

/// <summary>A review asked for from the web app: done (its report), or queued as a job (its status so far).</summary>
/// <param name="ReportId">The report, once there is one.</param>
/// <param name="JobId">The job, when the review was queued.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Error">When failed: why, in one line.</param>
/// <param name="Progress">While running: the stage the job reported last and how far it has come.</param>
public sealed record WebReview(string? ReportId, string? JobId, string Status, string? Error = null, WorkProgress? Progress = null)
{
    /// <summary>Whether nothing more will change.</summary>
    public bool Finished => Status is "succeeded" or "failed";
}
