using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Tandem.Retrieval;

/// <summary>
/// A learned reranker: ML.NET FastTree LambdaRank over a few features of a (query, passage)
/// pair (BM25 score and rank, embedding cosine, share of query terms present, lengths, and any extra
/// features the caller appends), trained on graded judgements. It reorders the candidates
/// first-stage retrieval found. <see cref="LearnedRerankerOptions"/> sets the gains LambdaRank
/// optimises and whether several seeded models on feature and query samples are averaged.
/// </summary>
public sealed class LearnedReranker
{
    /// <summary>How many features <see cref="Features"/> returns; callers may append more.</summary>
    public const int FeatureCount = 7;

    // FastTree keeps the gain of each grade in a process-wide static (DcgCalculator.LabelGainMap), set
    // when a training starts: two trainings with different gains at once would read each other's.
    private static readonly Lock TrainingLock = new();

    private readonly MLContext _ml;
    private readonly IReadOnlyList<ITransformer> _models;
    private readonly SchemaDefinition _schema;

    private LearnedReranker(MLContext ml, IReadOnlyList<ITransformer> models, SchemaDefinition schema)
    {
        _ml = ml;
        _models = models;
        _schema = schema;
    }

    /// <summary>The features of one candidate.</summary>
    public static float[] Features(IReadOnlyList<string> queryTerms, IReadOnlySet<string> passageTerms, int passageLength, double bm25Score, int bm25Rank, double cosine)
    {
        var matched = queryTerms.Count(passageTerms.Contains);
        return
        [
            (float)bm25Score,
            bm25Rank > 0 ? 1f / bm25Rank : 0f,
            (float)cosine,
            queryTerms.Count == 0 ? 0f : matched / (float)queryTerms.Count,
            matched,
            MathF.Log(1 + passageLength),
            queryTerms.Count,
        ];
    }

    /// <summary>
    /// Trains on groups of (features, grade), one group per query; every row has the same number
    /// of features. Seeded and single-threaded, so the same rows give the same model.
    /// </summary>
    public static LearnedReranker Train(IReadOnlyList<(int Group, float[] Features, int Grade)> rows, LearnedRerankerOptions? options = null)
    {
        options ??= LearnedRerankerOptions.Default;
        if (options.Models < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Models, "a reranker needs at least one model");
        }

        if (options.Gains is { Count: < 5 })
        {
            throw new ArgumentException("FastTree needs a gain for at least five grades", nameof(options));
        }

        var ml = new MLContext(seed: 3);
        var schema = Schema(rows.Count == 0 ? FeatureCount : rows[0].Features.Length);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Label = r.Grade, GroupId = (uint)r.Group, Features = r.Features }), schema);
        var models = new List<ITransformer>(options.Models);
        lock (TrainingLock)
        {
            for (var m = 0; m < options.Models; m++)
            {
                models.Add(Pipeline(new MLContext(seed: 3 + m), options, options.Seed + m).Fit(data));
            }
        }

        return new LearnedReranker(ml, models, schema);
    }

    /// <summary>Scores candidates (higher is better): the mean of the models' scores.</summary>
    public float[] Score(IReadOnlyList<float[]> features)
    {
        var data = _ml.Data.LoadFromEnumerable(features.Select(f => new Row { Features = f }), _schema);
        var sum = new float[features.Count];
        foreach (var model in _models)
        {
            var scores = model.Transform(data).GetColumn<float>("Score").ToArray();
            TensorPrimitives.Add(sum, scores, sum);
        }

        TensorPrimitives.Divide(sum, _models.Count, sum);
        return sum;
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, LearnedRerankerOptions options, int seed)
    {
        var trainer = new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            RowGroupColumnName = "Group",
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            NdcgTruncationLevel = options.NdcgTruncation,
            Seed = seed,
            FeatureSelectionSeed = seed,
            FeatureFraction = options.FeatureFraction,
        };
        if (options.Gains is { } gains)
        {
            trainer.CustomGains = [.. gains];
        }

        if (options.QueryFraction < 1)
        {
            // A new bag of queries for every tree: stochastic boosting over queries, not rows, so a query's pool stays whole.
            trainer.BaggingSize = 1;
            trainer.BaggingExampleFraction = options.QueryFraction;
        }

        return ml.Transforms.Conversion.MapValueToKey("Group", nameof(Row.GroupId)).Append(ml.Ranking.Trainers.FastTree(trainer));
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    /// <summary>One ranking row for ML.NET; the feature vector's length is set by the schema.</summary>
    private sealed class Row
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}
