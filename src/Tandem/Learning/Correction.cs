using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>
/// A lawyer's correction of one finding of a stored report, kept with what the model said
/// (<paramref name="Original"/>; the report keeps the context it saw). Once the training
/// example it produced is reviewed, it trains models.
/// </summary>
/// <param name="Id">Hash of the report, the finding or clause, and the change (the same correction twice is one).</param>
/// <param name="ReportId">The report corrected.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="Version">The document version the report was on.</param>
/// <param name="Finding">The 1-based finding number in the report; null for a missed finding.</param>
/// <param name="Kind">change, false-positive or missed.</param>
/// <param name="ClauseId">The clause concerned.</param>
/// <param name="ClausePath">Its path.</param>
/// <param name="ClauseText">Its text (for a finding, the quoted span).</param>
/// <param name="Original">The finding as the model gave it; null for a missed finding.</param>
/// <param name="Category">The corrected (or added) category; null when unchanged.</param>
/// <param name="Severity">The corrected severity; null when unchanged.</param>
/// <param name="Rationale">The corrected rationale; null when unchanged.</param>
/// <param name="Quote">The corrected quote (a span inside the clause); null when unchanged.</param>
/// <param name="Note">The lawyer's note.</param>
/// <param name="Author">Who corrected.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="ExampleId">The training example it produced (in the example store, awaiting review).</param>
public sealed record Correction(string Id, string ReportId, string DocumentId, int Version, int? Finding, string Kind, string ClauseId, string ClausePath,
    string ClauseText, Finding? Original, string? Category, string? Severity, string? Rationale, string? Quote, string? Note, string Author,
    DateTimeOffset CreatedAt, string ExampleId)
{
    public const string Change = "change";
    public const string FalsePositive = "false-positive";
    public const string Missed = "missed";
}

/// <summary>A correction with the review state of its example (pending, accepted, or rejected: the example was deleted) and who reviewed it.</summary>
public sealed record RecordedCorrection(Correction Correction, string Review, string? Reviewer = null)
{
    public bool Accepted => Review == "accepted";
}

/// <summary>What a lawyer asks to change: one finding (by number) or a missed finding on a clause.</summary>
/// <param name="Finding">The finding number shown in the report (1-based).</param>
/// <param name="FalsePositive">The finding is wrong: the clause is not of that category.</param>
/// <param name="MissedClause">For a missed finding: the clause path (e.g. "12.3") or id.</param>
/// <param name="Category">New category (or the missed finding's).</param>
/// <param name="Severity">New severity: critical, high, medium, low or info.</param>
/// <param name="Rationale">New rationale.</param>
/// <param name="Quote">New quote: the exact words inside the clause the finding rests on.</param>
/// <param name="Note">Free text kept with the correction.</param>
public sealed record CorrectionRequest(int? Finding = null, bool FalsePositive = false, string? MissedClause = null, string? Category = null,
    string? Severity = null, string? Rationale = null, string? Quote = null, string? Note = null);
