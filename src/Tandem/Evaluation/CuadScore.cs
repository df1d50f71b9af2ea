namespace Tandem.Evaluation;

/// <summary>AUPR and precision at 80% and 90% recall for a set of questions (a category, or all).</summary>
public sealed record CuadScore(string Name, int GoldSpans, double Aupr, double PrecisionAt80Recall, double PrecisionAt90Recall)
{
    public static CuadScore Of(string name, IReadOnlyList<CuadQuestion> questions)
    {
        var curve = CuadScoring.Curve(questions);
        return new CuadScore(name, questions.Sum(q => q.Gold.Count), CuadScoring.Aupr(curve),
            CuadScoring.PrecisionAtRecall(curve, 0.8), CuadScoring.PrecisionAtRecall(curve, 0.9));
    }
}
