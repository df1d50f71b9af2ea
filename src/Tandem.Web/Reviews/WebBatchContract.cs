using Tandem.Analysis;

namespace Tandem.Web.Reviews;

/// <summary>One contract of a batch: pending, reviewed (with its report and highest risks) or failed.</summary>
/// <param name="Source">The uploaded file's name.</param>
/// <param name="Status">pending, reviewed or failed.</param>
/// <param name="ReportId">When reviewed: its report.</param>
/// <param name="HighestRisks">When reviewed: the most severe findings and missing protections.</param>
/// <param name="Error">When failed: why, in one line.</param>
public sealed record WebBatchContract(string Source, string Status, string? ReportId, IReadOnlyList<HighestRisk> HighestRisks, string? Error);
