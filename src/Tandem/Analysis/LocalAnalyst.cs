using System.Globalization;
using Tandem.Documents;

namespace Tandem.Analysis;

/// <summary>
/// The embedded model: for each clause, the calibrated probability of each clause category.
/// Featurises as the trained ML.NET pipeline does (<see cref="LocalAnalystModel.Featurizer"/>),
/// then scores every category in one pass over the clause's non-zero features (an inverted index
/// from feature slot to category weights).
/// </summary>
public sealed class LocalAnalyst
{
    /// <summary>Name of the shipped model file, next to the program.</summary>
    public const string DefaultFileName = "local-analyst.zip";

    private readonly WeightIndex _main;
    private readonly WeightIndex? _review;

    public LocalAnalyst(LocalAnalystModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _main = new WeightIndex(model.Categories, model.Manifest.FeatureCount);
        _review = model.ReviewCategories is { } review ? new WeightIndex(review, model.Manifest.FeatureCount) : null;
        SideRisk = model.SideCategories is { } side ? new SideRiskModel(side) : null;
        SeverityRisk = model.SeverityCategories is { } severity ? new SideRiskModel(severity) : null;
        CriticalRisk = model.CriticalCategories is { } critical ? new SideRiskModel(critical) : null;
    }

    public LocalAnalystModel Model { get; }

    /// <summary>Side-aware risk weights (<see cref="SideRiskModel"/>), when the model has them.</summary>
    public SideRiskModel? SideRisk { get; }

    /// <summary>The least side-aware probability at which the review takes a clause as the model's find.</summary>
    public float SideRiskThreshold => Model.Manifest.SideThreshold ?? LocalAnalystManifest.DefaultSideThreshold;

    /// <summary>Severity weights (<see cref="SideRiskModel"/> over features paired with the side's role), when the model has them.</summary>
    public SideRiskModel? SeverityRisk { get; }

    /// <summary>The least severity-weights probability at which the review raises a finding below high, not in the side's favour, to high.</summary>
    public float SeverityThreshold => Model.Manifest.SeverityThreshold ?? LocalAnalystManifest.DefaultSeverityThreshold;

    /// <summary>Critical weights (the severity weights' features, risks keyed critical), when the model has them.</summary>
    public SideRiskModel? CriticalRisk { get; }

    /// <summary>The least critical-weights probability at which the review raises a finding at high, not in the side's favour, to critical.</summary>
    public float CriticalThreshold => Model.Manifest.CriticalThreshold ?? LocalAnalystManifest.DefaultCriticalThreshold;

    /// <summary>Category names, in the order of the probability arrays.</summary>
    public IReadOnlyList<string> Categories => Model.Categories.Select(c => c.Category).ToList();

    /// <summary>The first 12 hex digits of the model file's SHA-256; null for a model not loaded from a file.</summary>
    public string? FileHash { get; private init; }

    /// <summary>The model's registry id, when it was loaded as a registered model.</summary>
    public string? RegistryId { get; private init; }

    /// <summary>How a report names the model: precisely enough that two models never share a name.</summary>
    public string Description =>
        $"local analyst {RegistryId ?? "(unregistered file)"} (sha256 {FileHash ?? "none"}, {Model.Manifest.Kind}, data {Model.Manifest.DataHash})";

    /// <summary>
    /// Loads a model file; <paramref name="registryId"/> names it when it is a registered model. A file
    /// loaded (or <see cref="Preload">preloaded</see>) before, unchanged since, is not read again: the
    /// process keeps the two most recently used ones (<see cref="LoadedFiles.Shared"/>), so a server
    /// reviewing contract after contract reads its champion once.
    /// </summary>
    public static LocalAnalyst Load(string path, string? registryId = null)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"the local analyst model is missing: {path}",
                "train one with 'tandem train local --data ../shared/data/cuad-dev', or pass --model-file");
        }

        var loaded = LoadedFiles.Shared.Get(path, background: false)!;
        return registryId is null ? loaded : new LocalAnalyst(loaded) { FileHash = loaded.FileHash, RegistryId = registryId };
    }

    /// <summary>
    /// Starts loading a model file on another thread, for a command that knows early which model it
    /// will probably need (<c>analyze</c> while it parses options and opens the store). A later
    /// <see cref="Load"/> of the same unchanged file takes the result, waiting if it is not ready; a
    /// file that is missing or fails to load is left for that <see cref="Load"/> to report.
    /// </summary>
    public static void Preload(string path)
    {
        if (File.Exists(path))
        {
            LoadedFiles.Shared.Get(path, background: true);
        }
    }

    internal static LocalAnalyst Read(string path)
    {
        using var span = TandemTelemetry.Source.StartActivity("tandem.analyst.load");
        var model = LocalAnalystModel.Load(path);
        span?.SetTag("tandem.featurizer", model.Featurizer.GetType().Name);
        return new LocalAnalyst(model) { FileHash = LocalAnalystModel.FileHash(path) };
    }

    /// <summary>The same loaded weights under another name: scoring keeps no state, so instances can share them.</summary>
    private LocalAnalyst(LocalAnalyst loaded)
    {
        Model = loaded.Model;
        _main = loaded._main;
        _review = loaded._review;
        SideRisk = loaded.SideRisk;
        SeverityRisk = loaded.SeverityRisk;
        CriticalRisk = loaded.CriticalRisk;
    }

    /// <summary>
    /// Model files loaded in this process, by full path, length and last write time, most recently used
    /// last. A load that fails is forgotten, so the next one tries the file again.
    /// </summary>
    internal sealed class LoadedFiles(int capacity, Func<string, LocalAnalyst> read)
    {
        private readonly List<(string Key, Lazy<LocalAnalyst> Analyst)> _recent = [];

        /// <summary>The process's: a champion and a candidate being gated.</summary>
        public static LoadedFiles Shared { get; } = new(2, Read);

        /// <summary>The file's loaded analyst (read now, or by the load already under way); with <paramref name="background"/>, started on another thread and null.</summary>
        public LocalAnalyst? Get(string path, bool background)
        {
            var full = Path.GetFullPath(path);
            var file = new FileInfo(full);
            var key = string.Create(CultureInfo.InvariantCulture, $"{full}\n{file.Length}\n{file.LastWriteTimeUtc.Ticks}");
            Lazy<LocalAnalyst> analyst;
            lock (_recent)
            {
                var at = _recent.FindIndex(e => e.Key == key);
                if (at >= 0)
                {
                    analyst = _recent[at].Analyst;
                    _recent.RemoveAt(at);
                }
                else
                {
                    analyst = new Lazy<LocalAnalyst>(() => read(full), LazyThreadSafetyMode.ExecutionAndPublication);
                    _recent.RemoveAll(e => e.Key.StartsWith(full + "\n", StringComparison.Ordinal));
                    if (_recent.Count == capacity)
                    {
                        _recent.RemoveAt(0);
                    }
                }

                _recent.Add((key, analyst));
            }

            if (background)
            {
                _ = Task.Run(() =>
                {
                    try
                    {
                        Take(key, analyst);
                    }
                    catch (Exception)
                    {
                        // Forgotten by Take; the Load that needs the file reads it again and reports what is wrong.
                    }
                });
                return null;
            }

            return Take(key, analyst);
        }

        /// <summary>How many files are kept now.</summary>
        public int Count
        {
            get
            {
                lock (_recent)
                {
                    return _recent.Count;
                }
            }
        }

        private LocalAnalyst Take(string key, Lazy<LocalAnalyst> analyst)
        {
            try
            {
                return analyst.Value;
            }
            catch
            {
                lock (_recent)
                {
                    _recent.RemoveAll(e => e.Key == key && ReferenceEquals(e.Analyst, analyst));
                }

                throw;
            }
        }
    }

    /// <summary>The shipped model's path: next to the running program.</summary>
    public static string DefaultPath() => Path.Combine(AppContext.BaseDirectory, DefaultFileName);

    /// <summary>For each clause (in order), the probability of each category.</summary>
    public float[][] Score(IReadOnlyList<Clause> clauses) => ScoreRows(RowsOf(clauses));

    /// <summary>Scores prepared feature rows; used by training and evaluation.</summary>
    public float[][] ScoreRows(IReadOnlyList<ClauseFeatureRow> rows) => ScoreAll(rows, withReview: false).Scores;

    /// <summary>
    /// For each clause, the probability of each category, and, when the model has review weights,
    /// the review's own probabilities (<see cref="LocalAnalystModel.ReviewCategories"/>); one featurisation for both.
    /// </summary>
    public (float[][] Scores, float[][]? Review) ScoreForReview(IReadOnlyList<Clause> clauses) => ScoreAll(RowsOf(clauses), withReview: true);

    private static List<ClauseFeatureRow> RowsOf(IReadOnlyList<Clause> clauses) => clauses.Select((c, i) => ClauseFeatureRow.For(c, i, clauses.Count)).ToList();

    /// <summary>One featurisation of the rows, scored by the CUAD weights and, if asked and present, by the review weights.</summary>
    private (float[][] Scores, float[][]? Review) ScoreAll(IReadOnlyList<ClauseFeatureRow> rows, bool withReview)
    {
        var scores = new float[rows.Count][];
        var reviewIndex = withReview ? _review : null;
        var review = reviewIndex is null ? null : new float[rows.Count][];
        if (rows.Count == 0)
        {
            return (scores, review);
        }

        using var span = TandemTelemetry.Source.StartActivity("tandem.analyst.score");
        var i = 0;
        foreach (var features in Model.Featurizer.Featurize(rows))
        {
            scores[i] = _main.Score(features);
            review?[i] = reviewIndex!.Score(features);
            i++;
        }

        return (scores, review);
    }

    /// <summary>
    /// Category weights as an inverted index from feature slot to category weights: slot s's weights
    /// are at [start[s] .. start[s + 1]), by category.
    /// </summary>
    internal sealed class WeightIndex
    {
        private readonly IReadOnlyList<CategoryWeights> _categories;
        private readonly int[] _slotStart;
        private readonly int[] _slotCategory;
        private readonly float[] _slotWeight;

        public WeightIndex(IReadOnlyList<CategoryWeights> categories, int dimension)
        {
            _categories = categories;
            // Counted, then filled from the back, which leaves each slot's start in place without a second array.
            _slotStart = new int[dimension + 1];
            foreach (var c in categories)
            {
                foreach (var i in c.Indices)
                {
                    _slotStart[i]++;
                }
            }

            for (var i = 1; i <= dimension; i++)
            {
                _slotStart[i] += _slotStart[i - 1];
            }

            _slotCategory = new int[_slotStart[dimension]];
            _slotWeight = new float[_slotStart[dimension]];
            for (var k = categories.Count - 1; k >= 0; k--)
            {
                var c = categories[k];
                for (var j = c.Indices.Length - 1; j >= 0; j--)
                {
                    var at = --_slotStart[c.Indices[j]];
                    _slotCategory[at] = k;
                    _slotWeight[at] = c.Values[j];
                }
            }
        }

        public float[] Score(FeatureVector features)
        {
            var scores = new float[_categories.Count];
            for (var k = 0; k < scores.Length; k++)
            {
                scores[k] = _categories[k].Bias;
            }

            // Slots ascending, as ML.NET's vectors list them, so the sums round exactly as they did.
            for (var j = 0; j < features.Indices.Length; j++)
            {
                var slot = features.Indices[j];
                var value = features.Values[j];
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
                scores[k] = _categories[k].Probability(scores[k]);
            }

            return scores;
        }
    }
}
