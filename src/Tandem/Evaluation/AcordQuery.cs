namespace Tandem.Evaluation;

/// <summary>An ACORD query with its graded judgements (corpus id → 0-4, i.e. 1-5 stars).</summary>
public sealed record AcordQuery(string Id, string Text, string Category, string Split, IReadOnlyDictionary<string, int> Judgements);
