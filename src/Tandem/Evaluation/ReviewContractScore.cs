namespace Tandem.Evaluation;

/// <summary>One keyed contract's review against its answer key.</summary>
/// <param name="File">The contract's file name as the key gives it.</param>
/// <param name="Type">The kind of contract.</param>
/// <param name="Side">The side reviewed for, as the report resolved it ("Carrow &amp; Beck Outfitters, LLC (Customer)").</param>
/// <param name="Risks">Each keyed risk, in key order.</param>
/// <param name="Missing">Each protection the key says is missing, in key order.</param>
/// <param name="Unexpected">High and critical findings on clauses the key does not name as risks, in report order.</param>
public sealed record ReviewContractScore(string File, string Type, string Side, IReadOnlyList<ReviewRiskScore> Risks,
    IReadOnlyList<ReviewMissingScore> Missing, IReadOnlyList<UnexpectedFinding> Unexpected)
{
    /// <summary>The kind the report reviewed the contract as (detected, or given); null when the report names none.</summary>
    public string? ReviewedAs { get; init; }

    /// <summary>Risks found at the required severity.</summary>
    public int RisksAtSeverity => Risks.Count(r => r.FoundAtSeverity);

    /// <summary>Risks found at any severity.</summary>
    public int RisksFound => Risks.Count(r => r.Found);

    /// <summary>Missing protections the report listed.</summary>
    public int MissingFound => Missing.Count(m => m.Found);

    /// <summary>
    /// Protections the report listed as missing that the key does not (the key names only the deliberate ones, so some
    /// may be real gaps): the noise a reader wades through, counted so that expecting more protections shows its cost.
    /// </summary>
    public IReadOnlyList<string> OtherMissing { get; init; } = [];
}
