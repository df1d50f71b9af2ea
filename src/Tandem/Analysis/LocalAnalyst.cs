using Microsoft.ML;
using Microsoft.ML.Data;
using Tandem.Documents;

namespace Tandem.Analysis;

/// <summary>
/// The embedded model: for each clause, the calibrated probability of each clause category.
/// Featurises with the trained ML.NET pipeline, then scores every category in one pass over the
/// clause's non-zero features (an inverted index from feature slot to category weights).
/// </summary>
public sealed class LocalAnalyst
{
    /// <summary>Name of the shipped model file, next to the program.</summary>
    public const string DefaultFileName = "local-analyst.zip";

    private readonly MLContext _ml;
    private readonly int[] _slotStart;
    private readonly int[] _slotCategory;
    private readonly float[] _slotWeight;

    public LocalAnalyst(LocalAnalystModel model, MLContext? ml = null)
    {
        Model = model;
        _ml = ml ?? new MLContext(seed: 0);
        var dimension = model.Manifest.FeatureCount;
        _slotStart = new int[dimension + 1];
        foreach (var c in model.Categories)
        {
            foreach (var i in c.Indices)
            {
                _slotStart[i + 1]++;
            }
        }

        for (var i = 0; i < dimension; i++)
        {
            _slotStart[i + 1] += _slotStart[i];
        }

        var fill = (int[])_slotStart.Clone();
        _slotCategory = new int[_slotStart[dimension]];
        _slotWeight = new float[_slotStart[dimension]];
        for (var k = 0; k < model.Categories.Count; k++)
        {
            var c = model.Categories[k];
            for (var j = 0; j < c.Indices.Length; j++)
            {
                var at = fill[c.Indices[j]]++;
                _slotCategory[at] = k;
                _slotWeight[at] = c.Values[j];
            }
        }
    }

    public LocalAnalystModel Model { get; }

    /// <summary>Category names, in the order of the probability arrays.</summary>
    public IReadOnlyList<string> Categories => Model.Categories.Select(c => c.Category).ToList();

    /// <summary>The first 12 hex digits of the model file's SHA-256; null for a model not loaded from a file.</summary>
    public string? FileHash { get; private init; }

    /// <summary>The model's registry id, when it was loaded as a registered model.</summary>
    public string? RegistryId { get; private init; }

    /// <summary>How a report names the model: precisely enough that two models never share a name.</summary>
    public string Description =>
        $"local analyst {RegistryId ?? "(unregistered file)"} (sha256 {FileHash ?? "none"}, {Model.Manifest.Kind}, data {Model.Manifest.DataHash})";

    /// <summary>Loads a model file; <paramref name="registryId"/> names it when it is a registered model.</summary>
    public static LocalAnalyst Load(string path, string? registryId = null)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"the local analyst model is missing: {path}",
                "train one with 'tandem train local --data ../shared/data/cuad-dev', or pass --model-file");
        }

        var ml = new MLContext(seed: 0);
        return new LocalAnalyst(LocalAnalystModel.Load(ml, path), ml) { FileHash = LocalAnalystModel.FileHash(path), RegistryId = registryId };
    }

    /// <summary>The shipped model's path: next to the running program.</summary>
    public static string DefaultPath() => Path.Combine(AppContext.BaseDirectory, DefaultFileName);

    /// <summary>For each clause (in order), the probability of each category.</summary>
    public float[][] Score(IReadOnlyList<Clause> clauses)
    {
        var rows = clauses.Select((c, i) => ClauseFeatureRow.For(c, i, clauses.Count)).ToList();
        return ScoreRows(rows);
    }

    /// <summary>Scores prepared feature rows; used by training and evaluation.</summary>
    public float[][] ScoreRows(IReadOnlyList<ClauseFeatureRow> rows)
    {
        var result = new float[rows.Count][];
        if (rows.Count == 0)
        {
            return result;
        }

        var view = Model.Featurizer.Transform(_ml.Data.LoadFromEnumerable(rows));
        var i = 0;
        foreach (var features in view.GetColumn<VBuffer<float>>(LocalAnalystModel.FeaturesColumn))
        {
            result[i++] = ScoreVector(features);
        }

        return result;
    }

    private float[] ScoreVector(VBuffer<float> features)
    {
        var categories = Model.Categories;
        var scores = new float[categories.Count];
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = categories[k].Bias;
        }

        var values = features.GetValues();
        var indices = features.GetIndices();
        for (var j = 0; j < values.Length; j++)
        {
            var slot = features.IsDense ? j : indices[j];
            var value = values[j];
            if (value == 0 || slot >= _slotStart.Length - 1)
            {
                continue;
            }

            for (var at = _slotStart[slot]; at < _slotStart[slot + 1]; at++)
            {
                scores[_slotCategory[at]] += _slotWeight[at] * value;
            }
        }

        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = categories[k].Probability(scores[k]);
        }

        return scores;
    }
}
