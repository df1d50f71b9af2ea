namespace Tandem.Analysis;

/// <summary>A whole grounded answer: its text, citing <see cref="Sources"/> as [n].</summary>
public sealed record GroundedAnswer(string Text, IReadOnlyList<AnswerSource> Sources);
