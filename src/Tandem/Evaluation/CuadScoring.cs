namespace Tandem.Evaluation;

/// <summary>
/// The CUAD paper's scoring. A predicted span matches a gold span when the word-level Jaccard
/// similarity (lower-cased, ".,;:" removed, "/" read as a space) is at least 0.5; for Parties,
/// containment also counts. Over every confidence threshold, precision counts predictions that
/// match some gold span, recall counts gold spans that some prediction matches. AUPR is the
/// area under that curve with precision made monotone; precision at a recall level is the best
/// precision at any threshold reaching it.
/// </summary>
public static class CuadScoring
{
    public const double JaccardThreshold = 0.5;

    /// <summary>The words of a span as CUAD compares them.</summary>
    public static HashSet<string> Words(string text)
    {
        var cleaned = new string(text.ToLowerInvariant().Where(c => c is not ('.' or ',' or ';' or ':')).Select(c => c == '/' ? ' ' : c).ToArray());
        return cleaned.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    public static double Jaccard(string a, string b) => Jaccard(Words(a), Words(b));

    private static double Jaccard(HashSet<string> x, HashSet<string> y)
    {
        if (x.Count == 0 && y.Count == 0)
        {
            return 1;
        }

        var intersection = x.Count(y.Contains);
        return intersection / (double)(x.Count + y.Count - intersection);
    }

    public static bool Matches(string predicted, string gold, string category) => Matches(Words(predicted), Words(gold), category);

    private static bool Matches(HashSet<string> predicted, HashSet<string> gold, string category) =>
        Jaccard(predicted, gold) >= JaccardThreshold ||
        (category == "Parties" && gold.Count > 0 && predicted.IsSupersetOf(gold));

    /// <summary>Precision and recall at each distinct confidence, from the highest threshold down.</summary>
    public static IReadOnlyList<(double Threshold, double Precision, double Recall)> Curve(IReadOnlyList<CuadQuestion> questions)
    {
        // Which predictions match, and for each gold the best confidence of a prediction matching it.
        // Each text's words are computed once: a question can hold every piece of its contract.
        var predictions = new List<(double Confidence, bool Correct)>();
        var goldBest = new List<double>();
        foreach (var q in questions)
        {
            var gold = q.Gold.Select(Words).ToList();
            var best = gold.Select(_ => double.NegativeInfinity).ToArray();
            foreach (var p in q.Predictions)
            {
                if (gold.Count == 0)
                {
                    predictions.Add((p.Confidence, false));
                    continue;
                }

                var matched = false;
                var words = Words(p.Text);
                for (var g = 0; g < gold.Count; g++)
                {
                    if (Matches(words, gold[g], q.Category))
                    {
                        matched = true;
                        best[g] = Math.Max(best[g], p.Confidence);
                    }
                }

                predictions.Add((p.Confidence, matched));
            }

            goldBest.AddRange(best);
        }

        var curve = new List<(double, double, double)>();
        if (goldBest.Count == 0)
        {
            return curve;
        }

        var thresholds = predictions.Select(p => p.Confidence).Distinct().OrderDescending().ToList();
        var byConfidence = predictions.OrderByDescending(p => p.Confidence).ToList();
        var goldSorted = goldBest.OrderDescending().ToList();
        int predicted = 0, correct = 0, found = 0;
        foreach (var t in thresholds)
        {
            while (predicted < byConfidence.Count && byConfidence[predicted].Confidence >= t)
            {
                correct += byConfidence[predicted].Correct ? 1 : 0;
                predicted++;
            }

            while (found < goldSorted.Count && goldSorted[found] >= t)
            {
                found++;
            }

            curve.Add((t, correct / (double)predicted, found / (double)goldSorted.Count));
        }

        return curve;
    }

    /// <summary>Area under the precision-recall curve, precision made non-increasing in recall, from recall 0.</summary>
    public static double Aupr(IReadOnlyList<(double Threshold, double Precision, double Recall)> curve)
    {
        if (curve.Count == 0)
        {
            return 0;
        }

        // Interpolated precision: the best precision at this recall or any higher one.
        var precision = curve.Select(c => c.Precision).ToArray();
        for (var i = precision.Length - 2; i >= 0; i--)
        {
            precision[i] = Math.Max(precision[i], precision[i + 1]);
        }

        double area = 0, lastRecall = 0, lastPrecision = precision[0];
        for (var i = 0; i < curve.Count; i++)
        {
            area += (curve[i].Recall - lastRecall) * (precision[i] + lastPrecision) / 2;
            lastRecall = curve[i].Recall;
            lastPrecision = precision[i];
        }

        return area;
    }

    /// <summary>The best precision at any threshold whose recall reaches <paramref name="recall"/>; 0 if none does.</summary>
    public static double PrecisionAtRecall(IReadOnlyList<(double Threshold, double Precision, double Recall)> curve, double recall) =>
        curve.Where(c => c.Recall >= recall).Select(c => c.Precision).DefaultIfEmpty(0).Max();
}
