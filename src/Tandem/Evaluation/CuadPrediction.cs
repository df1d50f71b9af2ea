namespace Tandem.Evaluation;

/// <summary>A predicted span and the model's confidence in it.</summary>
public sealed record CuadPrediction(string Text, double Confidence);
