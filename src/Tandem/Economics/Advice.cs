namespace Tandem.Economics;

/// <summary>The advisor's recommendation with its reasons, risks and next steps.</summary>
public sealed record Advice(
    Approach Recommendation,
    int RetrievalScore,
    int FineTuningScore,
    IReadOnlyList<CriterionAssessment> Criteria,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> NextSteps,
    IReadOnlyList<string> Evidence);
