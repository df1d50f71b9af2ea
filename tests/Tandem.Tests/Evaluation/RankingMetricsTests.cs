using Tandem.Evaluation;
using Tandem.Retrieval;

namespace Tandem.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly Dictionary<string, int> Grades = new() { ["a"] = 3, ["b"] = 0, ["c"] = 1, ["d"] = 2 };

    [Fact]
    public void Ndcg_LinearGains_HandComputed()
    {
        // Ranking c, a, x: DCG@3 = 1/log2(2) + 3/log2(3) + 0 = 1 + 1.8928;
        // ideal a, d, c: 3/1 + 2/log2(3) + 1/log2(4) = 3 + 1.2619 + 0.5.
        var expected = (1 + 3 / Math.Log2(3)) / (3 + 2 / Math.Log2(3) + 0.5);

        Assert.Equal(expected, RankingMetrics.Ndcg(["c", "a", "x"], Grades, 3), 10);
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "d", "c", "b"], Grades, 10), 10);
        Assert.Equal(0.0, RankingMetrics.Ndcg(["a"], new Dictionary<string, int> { ["a"] = 0 }, 5));
    }

    [Fact]
    public void PrecisionAt_CountsGradesAtOrAboveTheMinimum_OverK()
    {
        Assert.Equal(2.0 / 5, RankingMetrics.PrecisionAt(["a", "b", "d", "x"], Grades, 5, minimumGrade: 2), 10);
        Assert.Equal(1.0 / 5, RankingMetrics.PrecisionAt(["a", "b", "d", "x"], Grades, 5, minimumGrade: 3), 10);
    }

    [Fact]
    public void Fuse_WeightedReciprocalRanks_HandComputed()
    {
        var fused = ReciprocalRankFusion.Fuse([(["a", "b"], 1.0), (["b", "c"], 0.5)], k: 60);

        // b: 1/62 + 0.5/61; a: 1/61; c: 0.5/62.
        Assert.Equal(["b", "a", "c"], fused.Select(f => f.Id));
        Assert.Equal(1.0 / 62 + 0.5 / 61, fused[0].Score, 12);
    }

    [Fact]
    public void RetrievalConfig_ParsesNamesAndCombinesRankings()
    {
        var hybrid = RetrievalConfig.Parse("hybrid:0.5");

        Assert.Equal((1.0, 0.5), (hybrid.Bm25Weight, hybrid.DenseWeight));
        Assert.Equal(["a", "b"], RetrievalConfig.Parse("bm25").Combine(["a", "b"], ["c"]));
        Assert.Equal(["c", "a", "b"], RetrievalConfig.Parse("hybrid:3").Combine(["a", "b"], ["c"]));
        Assert.Contains("unknown retrieval configuration 'hybrid:x'", Assert.Throws<TandemException>(() => RetrievalConfig.Parse("hybrid:x")).Message, StringComparison.Ordinal);
    }
}
