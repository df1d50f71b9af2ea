namespace Tandem.Evaluation;

/// <summary>Graded ranking metrics: NDCG with linear gains, and precision at k for a minimum grade.</summary>
public static class RankingMetrics
{
    /// <summary>
    /// NDCG@k with gain = grade (linear) and discount log2(rank + 1). The ideal ranking orders all
    /// judged items by grade; unjudged retrieved items count as grade 0.
    /// </summary>
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k)
    {
        var dcg = ranking.Take(k).Select((id, i) => grades.GetValueOrDefault(id) / Math.Log2(i + 2)).Sum();
        var ideal = grades.Values.OrderDescending().Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Share of the top k whose grade is at least <paramref name="minimumGrade"/> (a short list counts as k).</summary>
    public static double PrecisionAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k, int minimumGrade) =>
        ranking.Take(k).Count(id => grades.GetValueOrDefault(id) >= minimumGrade) / (double)k;
}
