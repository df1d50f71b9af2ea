namespace Tandem.Economics;

/// <summary>How much a knowledge base changed over a period, from its version history.</summary>
/// <param name="Documents">Live documents the caller may read.</param>
/// <param name="Changes">New documents, new versions and retirements in the period.</param>
/// <param name="Days">Length of the period that has history (at most the window asked for).</param>
public sealed record KnowledgeBaseActivity(int Documents, int Changes, double Days)
{
    public double ChangesPerWeek => Days <= 0 ? 0 : Changes * 7.0 / Days;

    /// <summary>Enough history to say anything (two weeks).</summary>
    public bool IsMeaningful => Days >= 14 && Documents > 0;

    /// <summary>The change frequency this activity amounts to.</summary>
    public KnowledgeChange AsFrequency() => ChangesPerWeek switch
    {
        >= 5 => KnowledgeChange.Daily,
        >= 1 => KnowledgeChange.Weekly,
        >= 0.25 => KnowledgeChange.Monthly,
        > 0 => KnowledgeChange.Quarterly,
        _ => KnowledgeChange.Rarely,
    };
}
