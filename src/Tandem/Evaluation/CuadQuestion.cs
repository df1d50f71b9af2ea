namespace Tandem.Evaluation;

/// <summary>One (contract, category) pair: the gold spans and the pipeline's scored predictions.</summary>
public sealed record CuadQuestion(string Contract, string Category, IReadOnlyList<string> Gold, IReadOnlyList<CuadPrediction> Predictions);
