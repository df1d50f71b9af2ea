namespace Tandem.Analysis;

/// <summary>
/// Turns clause rows into the feature vectors the local analyst's weights apply to. Two
/// implementations compute the same vectors: the trained ML.NET pipeline itself
/// (<see cref="MlNetClauseFeaturizer"/>) and its plain C# port (<see cref="HashedNgramFeaturizer"/>),
/// which starts in a fraction of the time.
/// </summary>
public interface IClauseFeaturizer
{
    /// <summary>The vectors' length: the number of weight slots.</summary>
    int Dimension { get; }

    /// <summary>One vector per row, in order, computed as the sequence is read.</summary>
    IEnumerable<FeatureVector> Featurize(IReadOnlyList<ClauseFeatureRow> rows);
}
