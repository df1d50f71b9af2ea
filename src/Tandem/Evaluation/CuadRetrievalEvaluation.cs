namespace Tandem.Evaluation;

/// <summary>CUAD retrieval results: how many (contract, category) queries counted, and the scores.</summary>
public sealed record CuadRetrievalEvaluation(int Queries, IReadOnlyList<CuadRetrievalScore> Scores, TimeSpan Elapsed);
