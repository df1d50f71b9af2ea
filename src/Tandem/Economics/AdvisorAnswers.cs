namespace Tandem.Economics;

/// <summary>A team's answers to the advisor's questions; null means "not answered".</summary>
public sealed record AdvisorAnswers
{
    public KnowledgeChange? KnowledgeChanges { get; init; }
    public bool? CitationsRequired { get; init; }
    public bool? DataTooLargeForTraining { get; init; }
    public bool? PerUserAccess { get; init; }
    public bool? FixedOutputFormat { get; init; }
    public bool? DomainReasoning { get; init; }
    public bool? LatencyRulesOutRetrieval { get; init; }
    public bool? MisunderstandsTerms { get; init; }
}
