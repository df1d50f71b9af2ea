using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tandem.Analysis;

/// <summary>
/// The trained ML.NET pipeline as the featurizer: for a model trained in this process, for a model
/// file whose pipeline <see cref="HashedNgramFeaturizer"/> cannot reproduce, and as the reference
/// the port is tested against. Only this class (with training and evaluation) touches ML.NET at
/// inference, so a command that never needs it never loads it.
/// </summary>
public sealed class MlNetClauseFeaturizer : IClauseFeaturizer
{
    private readonly MLContext _ml;

    public MlNetClauseFeaturizer(ITransformer transformer, DataViewSchema inputSchema, MLContext? ml = null)
    {
        Transformer = transformer;
        InputSchema = inputSchema;
        _ml = ml ?? new MLContext(seed: 0);
        Dimension = ((VectorDataViewType)transformer.GetOutputSchema(inputSchema)[LocalAnalystModel.FeaturesColumn].Type).Size;
    }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>Loads the pipeline ML.NET saved (a model file's <c>featurizer.zip</c>).</summary>
    public static MlNetClauseFeaturizer Load(byte[] featurizerFile)
    {
        var ml = new MLContext(seed: 0);
        using var stream = new MemoryStream(featurizerFile, writable: false);
        var transformer = ml.Model.Load(stream, out var schema);
        return new MlNetClauseFeaturizer(transformer, schema, ml);
    }

    /// <inheritdoc />
    public IEnumerable<FeatureVector> Featurize(IReadOnlyList<ClauseFeatureRow> rows)
    {
        if (rows.Count == 0)
        {
            yield break;
        }

        var view = Transformer.Transform(_ml.Data.LoadFromEnumerable(rows));
        var indices = new List<int>();
        var values = new List<float>();
        // The cursor reuses its buffers from row to row: copy each vector's non-zero slots out.
        foreach (var features in view.GetColumn<VBuffer<float>>(LocalAnalystModel.FeaturesColumn))
        {
            yield return NonZero(features, indices, values);
        }
    }

    private static FeatureVector NonZero(VBuffer<float> features, List<int> indices, List<float> values)
    {
        indices.Clear();
        values.Clear();
        var slots = features.GetIndices();
        var stored = features.GetValues();
        for (var j = 0; j < stored.Length; j++)
        {
            if (stored[j] != 0)
            {
                indices.Add(features.IsDense ? j : slots[j]);
                values.Add(stored[j]);
            }
        }

        return new FeatureVector([.. indices], [.. values]);
    }
}
