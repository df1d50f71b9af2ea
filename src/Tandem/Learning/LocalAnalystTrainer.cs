using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>
/// Trains the local analyst with ML.NET: hashed word uni+bigrams of the clause text, hashed
/// heading words and position features, then one L-BFGS logistic regression per category
/// (one vs rest, because a clause can carry several categories). Contracts are split into a
/// training and a held-out part to measure average precision and calibration and to choose
/// each category's threshold; the shipped model is then retrained on all contracts.
/// Single-threaded and seeded, so the same data gives the same weights.
/// </summary>
public sealed class LocalAnalystTrainer
{
    private const int TextHashBits = 20;
    private const int HeadingHashBits = 12;
    private const int MinimumPositives = 3;

    /// <summary>Trains from labelled clauses and returns the model (not yet saved).</summary>
    public LocalAnalystTrainingResult Train(IReadOnlyList<LabelledClause> clauses, LocalAnalystTrainingOptions options, IProgress<WorkProgress>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var contracts = clauses.Select(c => c.Contract).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var heldOutNames = contracts.Where(c => IsHeldOut(c, options.HeldOutFraction)).ToHashSet(StringComparer.Ordinal);
        var train = clauses.Where(c => !heldOutNames.Contains(c.Contract)).ToList();
        var heldOut = clauses.Where(c => heldOutNames.Contains(c.Contract)).ToList();
        var categories = ClauseCategories.All;

        var probe = Fit(train, categories, thresholds: null, options, progress, $"held-out check: training on {contracts.Count - heldOutNames.Count} contracts (categories)",
            dataHash: "held-out", contracts.Count - heldOutNames.Count);
        var probeAnalyst = new LocalAnalyst(probe);
        var scores = probeAnalyst.ScoreRows(heldOut.Select(c => c.Row).ToList());
        var evaluation = HeldOutEvaluation.Compute(heldOut, scores, categories);

        progress?.Report(new WorkProgress(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"held-out macro average precision {evaluation.MacroAveragePrecision:F3}")));
        var final = Fit(clauses, categories, evaluation.Thresholds, options, progress, $"training on all {contracts.Count} contracts (categories)", DataHash(clauses), contracts.Count);
        var manifest = final.Manifest with
        {
            HeldOutAveragePrecision = evaluation.AveragePrecision,
            HeldOutMacroAveragePrecision = evaluation.MacroAveragePrecision,
            HeldOutCalibrationError = evaluation.CalibrationError,
            HeldOutConfidentCalibrationError = evaluation.ConfidentCalibrationError,
        };
        var model = final.WithManifest(manifest);
        return new LocalAnalystTrainingResult(model, evaluation, watch.Elapsed);
    }

    /// <summary>One training pass on all the given clauses, no held-out check (thresholds 0.5): for cross-validation.</summary>
    public LocalAnalystModel TrainSinglePass(IReadOnlyList<LabelledClause> clauses, LocalAnalystTrainingOptions options, IProgress<WorkProgress>? progress = null,
        string stage = "training (categories)") =>
        Fit(clauses, ClauseCategories.All, thresholds: null, options, progress, stage, DataHash(clauses),
            clauses.Select(c => c.Contract).Distinct(StringComparer.Ordinal).Count());

    /// <summary>
    /// <paramref name="model"/> with review weights: one more pass on <paramref name="clauses"/> (what the model was
    /// trained on) plus the keyed reviews' clauses. The model's own weights stay as they were, so CUAD extraction and
    /// the learning loop's gate score it as before. Nothing is added when there are no keyed reviews.
    /// </summary>
    public LocalAnalystModel WithReviewWeights(LocalAnalystModel model, IReadOnlyList<LabelledClause> clauses, ReviewKeyLabelling reviewed,
        LocalAnalystTrainingOptions options, float reviewThreshold = LocalAnalystManifest.DefaultReviewThreshold, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reviewed);
        if (reviewed.Keys == 0)
        {
            return model;
        }

        var review = TrainSinglePass([.. clauses, .. reviewed.Clauses], options, progress, $"review weights: training on {clauses.Count + reviewed.Clauses.Count} clauses (categories)");
        return WithSideWeights(model.WithReview(review.Categories).WithManifest(model.Manifest with
        {
            ReviewThreshold = reviewThreshold,
            Trainer = $"{model.Manifest.Trainer}; review weights also trained on {reviewed.Description}, used at p >= {reviewThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        }), reviewed, progress: progress);
    }

    /// <summary>
    /// <paramref name="model"/> with side-aware risk weights (<see cref="SideRiskModel"/>) trained on every clause of the
    /// keyed contracts, replacing any it had; its other weights, featurizer and scores stay as they were. Nothing is added
    /// when the keys gave no clauses.
    /// </summary>
    public static LocalAnalystModel WithSideWeights(LocalAnalystModel model, ReviewKeyLabelling reviewed, float threshold = LocalAnalystManifest.DefaultSideThreshold,
        float severityThreshold = LocalAnalystManifest.DefaultSeverityThreshold, IProgress<WorkProgress>? progress = null,
        float criticalThreshold = LocalAnalystManifest.DefaultCriticalThreshold)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reviewed);
        if (reviewed.Sided.Count == 0)
        {
            return model;
        }

        progress?.Report(new WorkProgress($"side weights: training on {reviewed.Sided.Count:N0} clauses of {reviewed.Contracts} keyed contracts"));
        var categories = model.Categories.Select(c => c.Category).ToList();
        var side = SideRiskModel.Train(reviewed.Sided, categories);
        progress?.Report(new WorkProgress($"severity weights: training on {reviewed.Severe.Count:N0} clauses"));
        var severity = reviewed.Severe.Count == reviewed.Sided.Count ? SideRiskModel.Train(reviewed.Severe, categories) : null;
        var critical = severity is not null && reviewed.Critical.Count == reviewed.Sided.Count ? SideRiskModel.Train(reviewed.Critical, categories) : null;
        var trainer = System.Text.RegularExpressions.Regex.Replace(model.Manifest.Trainer, "; side weights .*$", string.Empty);
        return model.WithSide(side.Categories, severity?.Categories, critical?.Categories).WithManifest(model.Manifest with
        {
            SideThreshold = threshold,
            SeverityThreshold = severity is null ? null : severityThreshold,
            CriticalThreshold = critical is null ? null : criticalThreshold,
            Trainer = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{trainer}; side weights (side-normalised word 1-2-grams, stance, role; SGD logistic regression) trained on {reviewed.Sided.Count:N0} clauses of {reviewed.Contracts} contracts in {reviewed.Keys} answer keys, used at p >= {threshold}{(severity is null ? string.Empty : $"; severity weights (the same with role-paired words, risks keyed high or above) raise a finding to high at p >= {severityThreshold}")}{(critical is null ? string.Empty : $", critical weights (risks keyed critical) one at high to critical at p >= {criticalThreshold}")}"),
        });
    }

    private static LocalAnalystModel Fit(IReadOnlyList<LabelledClause> clauses, IReadOnlyList<string> categories,
        IReadOnlyDictionary<string, float>? thresholds, LocalAnalystTrainingOptions options, IProgress<WorkProgress>? progress, string stage, string dataHash, int contractCount)
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(clauses.Select(c => c.Row));
        var featurizer = BuildFeaturizer(ml).Fit(rows);
        // Cursors reuse a vector's buffers from row to row: copy each one out.
        var features = featurizer.Transform(rows).GetColumn<VBuffer<float>>(LocalAnalystModel.FeaturesColumn)
            .Select(v =>
            {
                VBuffer<float> copy = default;
                v.CopyTo(ref copy);
                return copy;
            })
            .ToArray();
        var dimension = features.Length > 0 ? features[0].Length : 0;

        var schema = SchemaDefinition.Create(typeof(LabelledVector));
        schema[nameof(LabelledVector.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var weights = new List<CategoryWeights>(categories.Count);
        for (var k = 0; k < categories.Count; k++)
        {
            progress?.Report(new WorkProgress(stage, k, categories.Count));
            var positives = clauses.Count(c => c.Labels[k]);
            var threshold = thresholds?.GetValueOrDefault(categories[k], 0.5f) ?? 0.5f;
            if (positives < MinimumPositives)
            {
                weights.Add(new CategoryWeights(categories[k], -20f, -1f, 0f, threshold, [], []));
                continue;
            }

            var view = ml.Data.LoadFromEnumerable(clauses.Select((c, i) => new LabelledVector { Label = c.Labels[k], Features = features[i] }), schema);
            var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = options.L1,
                L2Regularization = options.L2,
                NumberOfThreads = 1,
                OptimizationTolerance = 1e-6f,
                MaximumNumberOfIterations = options.MaximumIterations,
                ShowTrainingStatistics = false,
            });
            var fitted = trainer.Fit(view).Model;
            var linear = fitted.SubModel;
            var indices = new List<int>();
            var values = new List<float>();
            var w = linear.Weights;
            for (var i = 0; i < w.Count; i++)
            {
                if (w[i] != 0)
                {
                    indices.Add(i);
                    values.Add(w[i]);
                }
            }

            // Read the calibration off ML.NET's calibrator itself (two points fix a sigmoid), so the
            // stored form 1 / (1 + exp(slope·s + offset)) reproduces its probabilities exactly.
            var atZero = Logit(fitted.Calibrator.PredictProbability(0f));
            var atOne = Logit(fitted.Calibrator.PredictProbability(1f));
            weights.Add(new CategoryWeights(categories[k], linear.Bias, -(float)(atOne - atZero), -(float)atZero,
                threshold, indices.ToArray(), values.ToArray()));
        }

        progress?.Report(new WorkProgress(stage, categories.Count, categories.Count));
        var manifest = new LocalAnalystManifest
        {
            Kind = "tandem-local-analyst/1",
            TrainedAt = options.TrainedAt,
            DataHash = dataHash,
            Contracts = contractCount,
            Clauses = clauses.Count,
            FeatureCount = dimension,
            Trainer = $"ML.NET L-BFGS logistic regression, one vs rest; hashed word 1-2-grams (2^{TextHashBits}), heading words (2^{HeadingHashBits}), position; L1 {options.L1}, L2 {options.L2}",
            HeldOutAveragePrecision = new Dictionary<string, double>(),
            HeldOutMacroAveragePrecision = double.NaN,
            HeldOutCalibrationError = double.NaN,
        };
        return new LocalAnalystModel(featurizer, rows.Schema, weights, manifest);
    }

    private static IEstimator<ITransformer> BuildFeaturizer(MLContext ml) =>
        ml.Transforms.Text.NormalizeText("NormText", nameof(ClauseFeatureRow.Text), keepDiacritics: false, keepPunctuations: false, keepNumbers: false)
            .Append(ml.Transforms.Text.ProduceHashedWordBags("TextGrams", "NormText", numberOfBits: TextHashBits, ngramLength: 2, useAllLengths: true))
            .Append(ml.Transforms.NormalizeLpNorm("TextVector", "TextGrams"))
            .Append(ml.Transforms.Text.NormalizeText("NormHeading", nameof(ClauseFeatureRow.Heading), keepDiacritics: false, keepPunctuations: false, keepNumbers: false))
            .Append(ml.Transforms.Text.ProduceHashedWordBags("HeadingGrams", "NormHeading", numberOfBits: HeadingHashBits, ngramLength: 1))
            .Append(ml.Transforms.NormalizeLpNorm("HeadingVector", "HeadingGrams"))
            .Append(ml.Transforms.Concatenate(LocalAnalystModel.FeaturesColumn, "TextVector", "HeadingVector",
                nameof(ClauseFeatureRow.Position), nameof(ClauseFeatureRow.Early)));

    private static double Logit(float p) => Math.Log(p / (1.0 - p));

    /// <summary>A stable pseudo-random split by contract name.</summary>
    private static bool IsHeldOut(string contract, double fraction)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(contract));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue < fraction;
    }

    /// <summary>A hash of the labelled training data: texts and labels, in order. The manifest records it.</summary>
    public static string DataHash(IReadOnlyList<LabelledClause> clauses)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var c in clauses)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(c.Contract + "\u0001" + c.Row.Text + "\u0001" + string.Concat(c.Labels.Select(l => l ? '1' : '0'))));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>One training row for a single category.</summary>
    private sealed class LabelledVector
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
