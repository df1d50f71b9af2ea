namespace Tandem.Server.Apis;

/// <summary>Examples to accept or reject: by id, and/or every pending correction of a report.</summary>
/// <param name="Ids">Example ids.</param>
/// <param name="ReportId">A report whose pending corrections to review as well.</param>
/// <param name="Accept">True accepts (the examples train); false rejects and deletes them.</param>
public sealed record ExampleReviewBody(IReadOnlyList<string>? Ids, string? ReportId, bool Accept);
