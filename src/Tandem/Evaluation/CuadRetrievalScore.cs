namespace Tandem.Evaluation;

/// <summary>Mean character-level precision and recall of one configuration at one k.</summary>
public sealed record CuadRetrievalScore(string Config, int K, double Precision, double Recall);
