using Tandem.Analysis;

namespace Tandem.Server.Batches;

/// <summary>One contract of a batch: pending, reviewed (with its summary and report URL) or failed (with the one-line reason).</summary>
/// <param name="DocumentId">The document under review.</param>
/// <param name="Source">Where it came from (/uploads/name, or the stored document's source).</param>
/// <param name="Status">pending, reviewed or failed.</param>
/// <param name="Title">When reviewed: the document's title.</param>
/// <param name="ReportId">When reviewed: the report.</param>
/// <param name="ReportUrl">When reviewed: where to fetch the report.</param>
/// <param name="Severities">When reviewed: findings and missing protections per severity.</param>
/// <param name="HighestRisks">When reviewed: the most severe findings and missing protections.</param>
/// <param name="Error">When failed: why, in one line.</param>
public sealed record BatchContract(string DocumentId, string Source, string Status, string? Title = null, string? ReportId = null, string? ReportUrl = null,
    IReadOnlyDictionary<Severity, int>? Severities = null, IReadOnlyList<HighestRisk>? HighestRisks = null, string? Error = null)
{
    public const string Pending = "pending";
    public const string Reviewed = "reviewed";
    public const string Failed = "failed";

    /// <summary>This contract, reviewed: <paramref name="summary"/> of its report.</summary>
    public BatchContract Done(ContractSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return this with
        {
            Status = Reviewed, Title = summary.Title, ReportId = summary.ReportId, ReportUrl = Reviews.ReviewQueue.ReportUrl(summary.ReportId),
            Severities = summary.Severities, HighestRisks = summary.HighestRisks, Error = null,
        };
    }
}
