namespace Tandem.Economics;

/// <summary>What Tandem has measured itself and the advisor may use instead of, or beside, the answers.</summary>
public sealed record AdvisorEvidence
{
    /// <summary>Changes to the knowledge base (new documents, new versions, retirements) per week, with the span measured.</summary>
    public KnowledgeBaseActivity? Activity { get; init; }

    /// <summary>Share of prompt tokens spent on few-shot examples, from the usage ledger, if any.</summary>
    public double? FewShotShareOfPromptTokens { get; init; }

    /// <summary>Evaluation results worth citing, e.g. "local analyst: held-out clause-level macro AP 0.44".</summary>
    public IReadOnlyList<string> Evaluations { get; init; } = [];
}
