namespace Tandem.Server.Apis;

/// <summary>A correction of a report: one finding (by its number) or a finding the report missed.</summary>
/// <param name="Finding">The finding's number in the report (1-based).</param>
/// <param name="FalsePositive">The finding is wrong: the clause is not of that category.</param>
/// <param name="Missed">For a missed finding: the clause path (e.g. "12.3") or id; needs a category.</param>
/// <param name="Category">The right category (or the missed finding's).</param>
/// <param name="Severity">The right severity: critical, high, medium, low or info.</param>
/// <param name="Rationale">The right rationale.</param>
/// <param name="Quote">The exact words of the clause the finding rests on.</param>
/// <param name="Note">A note kept with the correction.</param>
public sealed record CorrectionBody(int? Finding = null, bool FalsePositive = false, string? Missed = null, string? Category = null, string? Severity = null,
    string? Rationale = null, string? Quote = null, string? Note = null);
