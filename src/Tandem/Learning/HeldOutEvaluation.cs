namespace Tandem.Learning;

/// <summary>
/// Clause-level quality of a model on held-out contracts: average precision per category, its
/// macro average, expected calibration error (over all pairs, and over the confident ones that
/// can become findings), and the F1-best decision threshold per category.
/// </summary>
public sealed record HeldOutEvaluation(
    IReadOnlyDictionary<string, double> AveragePrecision,
    double MacroAveragePrecision,
    double CalibrationError,
    double ConfidentCalibrationError,
    IReadOnlyDictionary<string, float> Thresholds)
{
    private const float MinimumThreshold = 0.1f;
    private const float MaximumThreshold = 0.9f;

    /// <summary>Scores held-out clauses (<paramref name="scores"/>[clause][category]).</summary>
    public static HeldOutEvaluation Compute(IReadOnlyList<LabelledClause> clauses, float[][] scores, IReadOnlyList<string> categories)
    {
        var ap = new Dictionary<string, double>(StringComparer.Ordinal);
        var thresholds = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var k = 0; k < categories.Count; k++)
        {
            var ranked = clauses.Select((c, i) => (Score: scores[i][k], Label: c.Labels[k]))
                .OrderByDescending(x => x.Score).ToList();
            var positives = ranked.Count(x => x.Label);
            if (positives == 0)
            {
                continue;
            }

            ap[categories[k]] = AveragePrecisionOf(ranked.Select(x => x.Label).ToList(), positives);
            thresholds[categories[k]] = BestF1Threshold(ranked, positives);
        }

        var all = clauses.SelectMany((c, i) => c.Labels.Select((label, k) => (Score: scores[i][k], Label: label))).ToList();
        // Over all pairs the near-zero negatives dominate; where findings come from (p >= 0.1) is what users see.
        var confident = all.Where(p => p.Score >= MinimumThreshold).ToList();
        return new HeldOutEvaluation(ap, ap.Count == 0 ? 0 : ap.Values.Average(), ExpectedCalibrationError(all),
            ExpectedCalibrationError(confident), thresholds);
    }

    /// <summary>Average precision of a ranking: mean precision at each relevant item.</summary>
    public static double AveragePrecisionOf(IReadOnlyList<bool> rankedLabels, int totalPositives)
    {
        if (totalPositives == 0)
        {
            return 0;
        }

        double sum = 0;
        var hits = 0;
        for (var i = 0; i < rankedLabels.Count; i++)
        {
            if (rankedLabels[i])
            {
                hits++;
                sum += hits / (double)(i + 1);
            }
        }

        return sum / totalPositives;
    }

    /// <summary>Expected calibration error over 10 equal-width confidence bins.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<(float Score, bool Label)> predictions, int bins = 10)
    {
        if (predictions.Count == 0)
        {
            return 0;
        }

        var count = new int[bins];
        var confidence = new double[bins];
        var positive = new double[bins];
        foreach (var (score, label) in predictions)
        {
            var b = Math.Min(bins - 1, (int)(score * bins));
            count[b]++;
            confidence[b] += score;
            positive[b] += label ? 1 : 0;
        }

        double error = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                error += Math.Abs(positive[b] / count[b] - confidence[b] / count[b]) * count[b] / predictions.Count;
            }
        }

        return error;
    }

    private static float BestF1Threshold(IReadOnlyList<(float Score, bool Label)> ranked, int positives)
    {
        var best = 0.0;
        var threshold = 0.5f;
        var hits = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            hits += ranked[i].Label ? 1 : 0;
            var f1 = 2.0 * hits / (i + 1 + positives);
            if (f1 > best && (i + 1 == ranked.Count || ranked[i + 1].Score < ranked[i].Score))
            {
                best = f1;
                threshold = ranked[i].Score;
            }
        }

        return Math.Clamp(threshold, MinimumThreshold, MaximumThreshold);
    }
}
