namespace Tandem.Economics;

/// <summary>One criterion: what was answered or measured, which way it points, how strongly, and why.</summary>
/// <param name="Criterion">The question, e.g. "How often does the knowledge change?".</param>
/// <param name="Value">The answer used ("weekly", "yes", "not answered").</param>
/// <param name="Source">"answered", "measured by Tandem" or "not answered".</param>
/// <param name="Favours">Retrieval, FineTuning, or Neither when it does not decide.</param>
/// <param name="Weight">Strength of the push, 0-3 (negative: against <paramref name="Favours"/>).</param>
/// <param name="Reason">Why.</param>
public sealed record CriterionAssessment(string Criterion, string Value, string Source, Approach Favours, int Weight, string Reason);
