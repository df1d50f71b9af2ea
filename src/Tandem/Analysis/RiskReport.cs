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

    /// <summary>The kind of contract (<see cref="ContractKinds"/> id) whose protections were expected; null for older reports.</summary>
    public string? ContractKind { get; init; }

    /// <summary>True when <see cref="ContractKind"/> was detected rather than given.</summary>
    public bool ContractKindDetected { get; init; }

    /// <summary>The party the review is for, among the parties the preamble names; null when none were found or given.</summary>
    public ReviewSide? Side { get; init; }

    /// <summary>What a language model claimed but Tandem could not verify; dropped from the findings and shown here.</summary>
    public IReadOnlyList<UnverifiedClaim> Unverified { get; init; } = [];

    /// <summary>What the model saw and answered; kept with stored reports for corrections, not rendered.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReportContext? Context { get; init; }

    /// <summary>Count of findings and missing protections per severity.</summary>
    public IReadOnlyDictionary<Severity, int> SeverityCounts =>
        Enum.GetValues<Severity>().ToDictionary(
            s => s,
            s => Findings.Count(f => f.Severity == s) + MissingProtections.Count(m => m.Severity == s));

    /// <summary>
    /// A report on a document version: the id hashes the document version, the playbook,
    /// <paramref name="analysisKey"/> (what produced the findings) and the side, and findings are ordered most
    /// severe first, then in document order.
    /// </summary>
    public static RiskReport For(Store.StoredDocument document, Playbook playbook, string analysisKey, string model, DateTimeOffset createdAt, int clauseCount,
        IEnumerable<Finding> findings, IReadOnlyList<MissingProtection> missing, IReadOnlyList<UnverifiedClaim>? unverified = null, ReviewSide? side = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(playbook);
        // A review for the other side is another report.
        var key = string.Join("\n", document.DocumentId, document.Version, document.ContentHash, playbook.Name, playbook.Version, playbook.ContentHash, analysisKey)
            + (side is null ? string.Empty : "\nfor " + side.Party.Role);
        return new RiskReport
        {
            ReportId = "rpt_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16],
            DocumentId = document.DocumentId,
            DocumentTitle = document.Title,
            Source = document.Source,
            Version = document.Version,
            ContentHash = document.ContentHash,
            Playbook = $"{playbook.Name} {playbook.Version}",
            Model = model,
            CreatedAt = createdAt,
            ClauseCount = clauseCount,
            Findings = findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Start).ThenBy(f => f.Category, StringComparer.Ordinal).ToList(),
            MissingProtections = missing,
            Unverified = unverified ?? [],
            Side = side,
        };
    }
}
