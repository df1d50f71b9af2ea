namespace Tandem.Analysis;

/// <summary>The clause-by-clause risk report of one contract version.</summary>
public sealed record RiskReport
{
    /// <summary>Stable id: the same document version, playbook and model give the same id.</summary>
    public required string ReportId { get; init; }
    public required string DocumentId { get; init; }
    public required string DocumentTitle { get; init; }
    public required string Source { get; init; }
    public required int Version { get; init; }
    public required string ContentHash { get; init; }
    public required string Playbook { get; init; }
    public required string Model { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required int ClauseCount { get; init; }
    /// <summary>Findings, most severe first, then in document order.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<MissingProtection> MissingProtections { get; init; }

    /// <summary>What a language model claimed but Tandem could not verify; dropped from the findings and shown here.</summary>
    public IReadOnlyList<UnverifiedClaim> Unverified { get; init; } = [];

    /// <summary>Count of findings and missing protections per severity.</summary>
    public IReadOnlyDictionary<Severity, int> SeverityCounts =>
        Enum.GetValues<Severity>().ToDictionary(
            s => s,
            s => Findings.Count(f => f.Severity == s) + MissingProtections.Count(m => m.Severity == s));
}
