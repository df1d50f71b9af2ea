namespace Tandem.Evaluation;

/// <summary>ACORD results for each configuration and scope.</summary>
public sealed record AcordEvaluation(string Split, int Queries, int CorpusSize, IReadOnlyList<AcordScore> Scores, TimeSpan Embedding, TimeSpan Elapsed);
