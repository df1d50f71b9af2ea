namespace Tandem.Analysis;

/// <summary>A category the playbook expects that the contract lacks (e.g. no cap on liability).</summary>
public sealed record MissingProtection(string Category, Severity Severity, string? Rationale, string? StandardPosition);
