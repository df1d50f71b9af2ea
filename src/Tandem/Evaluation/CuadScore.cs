namespace Tandem.Evaluation;

/// <summary>AUPR and precision at 80% and 90% recall for a set of questions (a category, or all).</summary>
public sealed record CuadScore(string Name, int GoldSpans, double Aupr, double PrecisionAt80Recall, double PrecisionAt90Recall)
{
    public static CuadScore Of(string name, IReadOnlyList<CuadQuestion> questions) =>
        Of(name, questions.Sum(q => q.Gold.Count), CuadScoring.Curve(questions));

    /// <summary>The scores of a curve already computed (the pooled one is also kept for charts).</summary>
    public static CuadScore Of(string name, int goldSpans, IReadOnlyList<(double Threshold, double Precision, double Recall)> curve) =>
        new(name, goldSpans, CuadScoring.Aupr(curve), CuadScoring.PrecisionAtRecall(curve, 0.8), CuadScoring.PrecisionAtRecall(curve, 0.9));
}
