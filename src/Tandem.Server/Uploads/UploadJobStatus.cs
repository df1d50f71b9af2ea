using Tandem.Store;

namespace Tandem.Server.Uploads;

/// <summary>A background upload as its sender sees it.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Files">How many files were uploaded.</param>
/// <param name="Documents">When it succeeded: what each file became, in upload order.</param>
/// <param name="Error">When it failed: why, in one line.</param>
public sealed record UploadJobStatus(string Id, string Status, int Files, IReadOnlyList<IngestResult>? Documents = null, string? Error = null)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
