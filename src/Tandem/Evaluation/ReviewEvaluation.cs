namespace Tandem.Evaluation;

/// <summary>
/// Reviews of every keyed contract scored against the answer key, with the totals and the bar
/// issue 12 sets: at least 90% of risks at the required severity, every missing protection
/// found, at most one unexpected high or critical finding per contract.
/// </summary>
/// <param name="Model">The local analyst that produced the findings.</param>
/// <param name="Playbook">The playbook that judged them.</param>
/// <param name="Contracts">Each contract's score, in key order.</param>
/// <param name="Elapsed">Wall time of reading, analysing and scoring.</param>
public sealed record ReviewEvaluation(string Model, string Playbook, IReadOnlyList<ReviewContractScore> Contracts, TimeSpan Elapsed)
{
    /// <summary>The share of risks that must be found at the required severity.</summary>
    public const double TargetRecall = 0.9;

    /// <summary>The most unexpected high or critical findings a contract may have.</summary>
    public const int TargetUnexpectedPerContract = 1;

    /// <summary>Risks in the key.</summary>
    public int Risks => Contracts.Sum(c => c.Risks.Count);

    /// <summary>Risks found at the required severity.</summary>
    public int RisksAtSeverity => Contracts.Sum(c => c.RisksAtSeverity);

    /// <summary>Risks found at any severity.</summary>
    public int RisksFound => Contracts.Sum(c => c.RisksFound);

    /// <summary>Missing protections in the key.</summary>
    public int Missing => Contracts.Sum(c => c.Missing.Count);

    /// <summary>Missing protections the reports listed.</summary>
    public int MissingFound => Contracts.Sum(c => c.MissingFound);

    /// <summary>Protections reported missing that the keys do not name, over all contracts.</summary>
    public int OtherMissing => Contracts.Sum(c => c.OtherMissing.Count);

    /// <summary>Unexpected high and critical findings over all contracts.</summary>
    public int Unexpected => Contracts.Sum(c => c.Unexpected.Count);

    /// <summary>Share of risks found at the required severity (1 when the key has none).</summary>
    public double RecallAtSeverity => Risks == 0 ? 1 : (double)RisksAtSeverity / Risks;

    /// <summary>Share of risks found at any severity (1 when the key has none).</summary>
    public double RecallAnySeverity => Risks == 0 ? 1 : (double)RisksFound / Risks;

    /// <summary>True when the reviews meet all three parts of the bar.</summary>
    public bool MeetsTarget => RecallAtSeverity >= TargetRecall && MissingFound == Missing
        && Contracts.All(c => c.Unexpected.Count <= TargetUnexpectedPerContract);
}
