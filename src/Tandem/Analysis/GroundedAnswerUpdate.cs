namespace Tandem.Analysis;

/// <summary>A piece of a grounded answer as it is produced: text (with [n] marks), and the sources it cites for the first time.</summary>
public sealed record GroundedAnswerUpdate(string Text, IReadOnlyList<AnswerSource> NewSources);
