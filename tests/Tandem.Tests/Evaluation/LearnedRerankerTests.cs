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

    [Fact]
    public void Train_Gains_DecideBetweenARareTopGradeAndACertainLowOne()
    {
        // Clauses of kind a are grade 4 three times in ten and otherwise 0; clauses of kind b are always grade 1.
        // Which kind should lead depends only on what grade 4 is worth against grade 1.
        // Nothing but the kind tells them apart: the third feature is noise.
        var random = new Random(3);
        var rows = new List<(int, float[], int)>();
        for (var group = 0; group < 12; group++)
        {
            for (var i = 0; i < 90; i++)
            {
                var kind = i % 3;
                var grade = kind switch { 1 => random.NextDouble() < 0.3 ? 4 : 0, 2 => 1, _ => 0 };
                rows.Add((group, [kind == 1 ? 1f : 0f, kind == 2 ? 1f : 0f, (float)random.NextDouble()], grade));
            }
        }

        float[][] candidates = [[1, 0, 0.5f], [0, 1, 0.5f]];
        var onlyTopGrade = LearnedReranker.Train(rows, new LearnedRerankerOptions { Gains = [0, 0, 0, 0, 1] }).Score(candidates);
        var anyGrade = LearnedReranker.Train(rows, new LearnedRerankerOptions { Gains = [0, 1, 1, 1, 1] }).Score(candidates);

        Assert.True(onlyTopGrade[0] > onlyTopGrade[1], $"kind a {onlyTopGrade[0]}, kind b {onlyTopGrade[1]}");
        // FastTree's default exponential gains (0, 3, 7, 15, 31) would also put kind a first.
        Assert.True(anyGrade[1] > anyGrade[0], $"kind a {anyGrade[0]}, kind b {anyGrade[1]}");
    }

    [Fact]
    public void Train_TooFewGains_Throws()
    {
        Assert.Throws<ArgumentException>(() => LearnedReranker.Train(NoisyRows(2), new LearnedRerankerOptions { Gains = [0, 1, 2] }));
    }

    [Fact]
    public void Train_Ensemble_SameRowsGiveSameScores()
    {
        var rows = NoisyRows(11);
        var options = new LearnedRerankerOptions { Models = 3, FeatureFraction = 0.7, QueryFraction = 0.7 };
        float[][] candidates = [[0.2f, 0.9f, 0.4f, 0.1f], [0.7f, 0.3f, 0.6f, 0.9f], [0.5f, 0.5f, 0.5f, 0.5f]];

        var first = LearnedReranker.Train(rows, options).Score(candidates);
        var second = LearnedReranker.Train(rows, options).Score(candidates);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_Ensemble_AveragesModelsThatDiffer()
    {
        var rows = NoisyRows(13);
        float[][] candidates = [[0.2f, 0.9f, 0.4f, 0.1f], [0.7f, 0.3f, 0.6f, 0.9f], [0.5f, 0.5f, 0.5f, 0.5f], [0.9f, 0.1f, 0.2f, 0.3f]];
        var options = new LearnedRerankerOptions { Models = 3, FeatureFraction = 0.5, QueryFraction = 0.7 };

        var single = LearnedReranker.Train(rows, options with { Models = 1 }).Score(candidates);
        var ensemble = LearnedReranker.Train(rows, options).Score(candidates);

        // Were the extra models ignored, the mean would be the single model's scores.
        Assert.NotEqual(single, ensemble);
    }

    [Fact]
    public void Train_NoModels_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearnedReranker.Train(NoisyRows(1), new LearnedRerankerOptions { Models = 0 }));
    }

    /// <summary>Twelve groups of 40 rows whose grade is a noisy mix of four features.</summary>
    private static List<(int, float[], int)> NoisyRows(int seed)
    {
        var random = new Random(seed);
        var rows = new List<(int, float[], int)>();
        for (var group = 0; group < 12; group++)
        {
            for (var i = 0; i < 40; i++)
            {
                float[] features = [(float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble()];
                var value = features[0] + 0.5 * features[1] + 0.5 * random.NextDouble();
                rows.Add((group, features, Math.Clamp((int)(value * 2), 0, 4)));
            }
        }

        return rows;
    }
}
