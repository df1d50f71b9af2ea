namespace Tandem.Analysis;

/// <summary>A category the playbook expects that the contract lacks (e.g. no cap on liability).</summary>
public sealed record MissingProtection(string Category, Severity Severity, string? Rationale, string? StandardPosition)
{
    /// <summary>The position the firm still accepts when the standard cannot be had; null when the playbook gives none.</summary>
    public string? Fallback { get; init; }
}
