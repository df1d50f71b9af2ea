namespace Tandem.Analysis;

/// <summary>One sentence of a model's answer as it wrote it, with the citations it gave, not yet checked.</summary>
public sealed record AnswerLine(string Text, IReadOnlyList<Citation> Citations);
