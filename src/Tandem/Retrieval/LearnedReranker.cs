using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tandem.Retrieval;

/// <summary>
/// A learned reranker: ML.NET FastTree LambdaRank over a few features of a (query, passage)
/// pair (BM25 score and rank, embedding cosine, share of query terms present, lengths, and any extra
/// features the caller appends), trained on graded judgements. It reorders the candidates
/// first-stage retrieval found.
/// </summary>
public sealed class LearnedReranker
{
    /// <summary>How many features <see cref="Features"/> returns; callers may append more.</summary>
    public const int FeatureCount = 7;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _schema;

    private LearnedReranker(MLContext ml, ITransformer model, SchemaDefinition schema)
    {
        _ml = ml;
        _model = model;
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
    /// of features. Seeded and single-threaded.
    /// </summary>
    public static LearnedReranker Train(IReadOnlyList<(int Group, float[] Features, int Grade)> rows)
    {
        var ml = new MLContext(seed: 3);
        var schema = Schema(rows.Count == 0 ? FeatureCount : rows[0].Features.Length);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Label = r.Grade, GroupId = (uint)r.Group, Features = r.Features }), schema);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Group", nameof(Row.GroupId))
            .Append(ml.Ranking.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                RowGroupColumnName = "Group",
                NumberOfTrees = 100,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.1,
                NumberOfThreads = 1,
            }));
        return new LearnedReranker(ml, pipeline.Fit(data), schema);
    }

    /// <summary>Scores candidates (higher is better).</summary>
    public float[] Score(IReadOnlyList<float[]> features)
    {
        var data = _ml.Data.LoadFromEnumerable(features.Select(f => new Row { Features = f }), _schema);
        return _model.Transform(data).GetColumn<float>("Score").ToArray();
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
