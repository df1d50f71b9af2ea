namespace Tandem.Evaluation;

/// <summary>One point of a precision-recall curve: the confidence threshold and what it yields.</summary>
public sealed record CurvePoint(double Threshold, double Precision, double Recall);
