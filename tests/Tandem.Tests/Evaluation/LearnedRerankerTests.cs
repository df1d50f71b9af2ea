using Tandem.Retrieval;

namespace Tandem.Tests.Evaluation;

public sealed class LearnedRerankerTests
{
    [Fact]
    public void Train_GradeFollowsCoverage_RanksCoveredPassagesFirst()
    {
        var random = new Random(5);
        var rows = new List<(int, float[], int)>();
        for (var group = 0; group < 12; group++)
        {
            for (var i = 0; i < 60; i++)
            {
                var coverage = (float)random.NextDouble();
                var grade = (int)Math.Round(coverage * 4);
                rows.Add((group, [(float)random.NextDouble(), 0, (float)random.NextDouble(), coverage, coverage * 3, 5, 3], grade));
            }
        }

        var reranker = LearnedReranker.Train(rows);
        var scores = reranker.Score([[0.5f, 0, 0.5f, 0.95f, 2.85f, 5, 3], [0.5f, 0, 0.5f, 0.05f, 0.15f, 5, 3]]);

        Assert.True(scores[0] > scores[1], $"covered {scores[0]}, uncovered {scores[1]}");
    }

    [Fact]
    public void Features_CountQueryTermsPresent()
    {
        var features = LearnedReranker.Features(["licens", "perpetual"], new HashSet<string>(["licens", "grant"]), 100, 3.5, 2, 0.4);

        Assert.Equal(LearnedReranker.FeatureCount, features.Length);
        Assert.Equal([3.5f, 0.5f, 0.4f, 0.5f, 1f], features[..5]);
    }

    [Fact]
    public void Train_AppendedFeature_LearnsFromIt()
    {
        var random = new Random(7);
        var rows = new List<(int, float[], int)>();
        for (var group = 0; group < 12; group++)
        {
            for (var i = 0; i < 60; i++)
            {
                var extra = (float)random.NextDouble();
                rows.Add((group, [(float)random.NextDouble(), 0, 0.5f, 0.5f, 1, 5, 3, extra], (int)Math.Round(extra * 4)));
            }
        }

        var reranker = LearnedReranker.Train(rows);
        var scores = reranker.Score([[0.5f, 0, 0.5f, 0.5f, 1, 5, 3, 0.9f], [0.5f, 0, 0.5f, 0.5f, 1, 5, 3, 0.1f]]);

        Assert.True(scores[0] > scores[1], $"high {scores[0]}, low {scores[1]}");
    }
}
