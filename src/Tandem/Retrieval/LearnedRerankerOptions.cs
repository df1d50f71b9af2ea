namespace Tandem.Retrieval;

/// <summary>
/// How a <see cref="LearnedReranker"/> learns: the gain of each grade in the NDCG that LambdaRank
/// optimises, where that NDCG is cut, and how many differently seeded models are averaged.
/// </summary>
public sealed record LearnedRerankerOptions
{
    /// <summary>FastTree's own objective and one model: exponential gains (0, 3, 7, 15, 31, ...), NDCG cut at 100.</summary>
    public static LearnedRerankerOptions Default { get; } = new();

    /// <summary>
    /// The gain of each grade (index = grade, at least five entries, as FastTree requires), or null
    /// for FastTree's exponential 2^grade - 1. Linear gains (0, 1, 2, 3, 4) match an evaluation that
    /// scores NDCG with gain = grade.
    /// </summary>
    public IReadOnlyList<double>? Gains { get; init; }

    /// <summary>Where the NDCG that LambdaRank optimises is cut (FastTree's default is 100).</summary>
    public int NdcgTruncation { get; init; } = 100;

    /// <summary>How many models are trained (seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, ...) and their scores averaged; 1 is a single model.</summary>
    public int Models { get; init; } = 1;

    /// <summary>The first model's FastTree seed (123 is FastTree's own); it matters only when the models subsample.</summary>
    public int Seed { get; init; } = 123;

    /// <summary>The share of features each tree may split on (1: all); below 1 the models of an ensemble differ.</summary>
    public double FeatureFraction { get; init; } = 1;

    /// <summary>The share of queries each bag of trees learns from (1: all); below 1 the models of an ensemble differ.</summary>
    public double QueryFraction { get; init; } = 1;

    /// <summary>How many trees each model has.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>How many leaves each tree has.</summary>
    public int Leaves { get; init; } = 16;

    /// <summary>The fewest training rows in a leaf.</summary>
    public int MinimumRowsPerLeaf { get; init; } = 20;

    /// <summary>The boosting learning rate.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Linear gains for grades 0 to 4 (padded to FastTree's minimum of five levels).</summary>
    public static IReadOnlyList<double> LinearGains { get; } = [0, 1, 2, 3, 4];
}
