namespace Tandem.Analysis;

/// <summary>How findings are selected from the model's clause scores.</summary>
public sealed record AnalysisOptions
{
    /// <summary>
    /// Floor on confidence; each category also has its own threshold from training, and the
    /// higher of the two applies. Null uses the category thresholds alone.
    /// </summary>
    public double? MinConfidence { get; init; }

    /// <summary>Most clauses reported per category (the most confident ones).</summary>
    public int MaxFindingsPerCategory { get; init; } = 3;

    /// <summary>The party the review is for: a role ("customer") or a name; null assumes the receiving side and says so.</summary>
    public string? ForParty { get; init; }

    /// <summary>The kind of contract (<see cref="ContractKinds"/> id); null detects it from the title and opening.</summary>
    public string? ContractKind { get; init; }

    /// <summary>Include informational findings (parties, dates, governing law).</summary>
    public bool IncludeInfo { get; init; } = true;
}
