namespace Tandem.Analysis;

/// <summary>The firm's position on one clause category.</summary>
/// <param name="Category">A category of <see cref="ClauseCategories"/>.</param>
/// <param name="Expected">Whether a contract should contain it; if so its absence is a missing protection.</param>
/// <param name="StandardPosition">What the firm accepts.</param>
/// <param name="Severity">Severity of a present clause that shows no deviation.</param>
/// <param name="Rationale">Why the category matters.</param>
/// <param name="MissingSeverity">Severity when an expected clause is absent.</param>
/// <param name="MissingRationale">Why its absence matters.</param>
/// <param name="Deviations">Signals that a present clause departs from the standard.</param>
public sealed record PlaybookRule(
    string Category,
    bool Expected,
    string? StandardPosition,
    Severity Severity,
    string? Rationale,
    Severity MissingSeverity,
    string? MissingRationale,
    IReadOnlyList<DeviationSignal> Deviations);
