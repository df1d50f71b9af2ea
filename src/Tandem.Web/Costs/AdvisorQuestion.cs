namespace Tandem.Web.Costs;

/// <summary>One yes/no question of the advisor (keys as in samples/advisor/*.yaml and <c>POST /api/advice</c>).</summary>
/// <param name="Key">The answer's key, also the form field's name.</param>
/// <param name="Text">The question.</param>
public sealed record AdvisorQuestion(string Key, string Text)
{
    /// <summary>The yes/no questions, in the order of the advice endpoint's keys.</summary>
    public static IReadOnlyList<AdvisorQuestion> All { get; } =
    [
        new("citations_required", "Must answers cite their sources?"),
        new("data_too_large_for_training", "Is the knowledge too large to train into a model?"),
        new("per_user_access", "Do users see different documents (per-user access)?"),
        new("fixed_output_format", "Must answers follow a fixed output format?"),
        new("domain_reasoning", "Does the task need domain-specific reasoning?"),
        new("latency_rules_out_retrieval", "Is latency too tight for a retrieval step?"),
        new("misunderstands_terms", "Does the base model misunderstand the domain's terms?"),
    ];
}
