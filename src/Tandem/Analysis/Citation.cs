namespace Tandem.Analysis;

/// <summary>What a model claims: that <paramref name="Quote"/> comes from context passage <paramref name="PassageNumber"/> (1-based, as numbered in the prompt).</summary>
public sealed record Citation(int PassageNumber, string Quote);
