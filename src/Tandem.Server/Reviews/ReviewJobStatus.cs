namespace Tandem.Server.Reviews;

/// <summary>Where a review job is.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="DocumentId">The document under review.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="ReportId">When it succeeded: the report.</param>
/// <param name="ReportUrl">When it succeeded: where to fetch the report.</param>
/// <param name="Error">When it failed: why, in one line.</param>
/// <param name="Progress">While it runs: the stage it reported last, with how many of its steps are done (none before its first report).</param>
public sealed record ReviewJobStatus(string JobId, string Status, string DocumentId, DateTimeOffset? CreatedAt, string? ReportId = null, string? ReportUrl = null, string? Error = null,
    WorkProgress? Progress = null)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
