namespace Tandem.Analysis;

/// <summary>One of a contract's highest risks, for a batch summary: a finding (with its clause) or a missing protection (without).</summary>
/// <param name="Category">The clause category.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="ClausePath">The cited clause's path (e.g. "12.3(b)"); null for a missing protection.</param>
/// <param name="Why">The measured term or the rationale, in one line; null when the report has none.</param>
public sealed record HighestRisk(string Category, Severity Severity, string? ClausePath, string? Why);
