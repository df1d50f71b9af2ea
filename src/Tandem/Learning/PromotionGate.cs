using System.Globalization;

namespace Tandem.Learning;

/// <summary>
/// The evaluation gate a candidate must pass to replace the champion: on the same held-out
/// contracts it must beat the champion's pooled AUPR by <see cref="Margin"/>, and must not fall
/// by more than <see cref="MaxCategoryDrop"/> on any category with at least
/// <see cref="MinSupport"/> gold spans. Without a champion, the candidate is promoted.
/// </summary>
public sealed class PromotionGate
{
    /// <summary>Required gain in pooled AUPR (0.01 = one point).</summary>
    public double Margin { get; init; } = 0.01;

    /// <summary>Categories with fewer gold spans are too noisy to block a promotion.</summary>
    public int MinSupport { get; init; } = 20;

    /// <summary>The largest AUPR fall tolerated on a supported category.</summary>
    public double MaxCategoryDrop { get; init; } = 0.05;

    /// <summary>Decides against a registered champion: one without scores cannot be compared with, so the candidate is refused.</summary>
    public GateDecision DecideAgainst(GateScores candidate, RegisteredModel? champion) =>
        champion is { Scores: null }
            ? new GateDecision(false, [$"the champion {champion.Id} has no held-out gate scores to compare with; score it first: tandem models evaluate {champion.Id} --data <cuad folder>"])
            : Decide(candidate, champion?.Scores);

    /// <summary>
    /// A local candidate without review weights (<see cref="Analysis.LocalAnalystModel.ReviewCategories"/>) would drop the
    /// champion's, which the CUAD gate cannot see: the decision is refused with the reason and what to do. Null manifests
    /// (a model file that is not there) are not judged.
    /// </summary>
    public static GateDecision KeepsReviewWeights(GateDecision decision, Analysis.LocalAnalystManifest? candidate, Analysis.LocalAnalystManifest? champion)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return candidate is { ReviewThreshold: null } && champion is { ReviewThreshold: not null }
            ? new GateDecision(false, [.. decision.Reasons,
                "the champion has review weights (learned from keyed reviews) and the candidate has none, so the review would lose them; retrain with --review-key or Tandem:Retrain:ReviewKeys"])
            : decision;
    }

    public GateDecision Decide(GateScores candidate, GateScores? champion)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var us = CultureInfo.InvariantCulture;
        if (champion is null)
        {
            return new GateDecision(true, ["there is no champion yet"]);
        }

        if (champion.GateSet != candidate.GateSet)
        {
            return new GateDecision(false, [$"the two models were scored on different held-out sets ({candidate.GateSet} vs {champion.GateSet}); re-score both"]);
        }

        var reasons = new List<string>();
        var gain = candidate.Aupr - champion.Aupr;
        var beats = gain >= Margin;
        reasons.Add(string.Create(us, $"pooled AUPR {100 * candidate.Aupr:0.0} vs champion {100 * champion.Aupr:0.0} ({(gain >= 0 ? "+" : "")}{100 * gain:0.0} points; the margin is {100 * Margin:0.0})"));
        var regressions = candidate.Categories
            .Where(c => c.Value.Support >= MinSupport && champion.Categories.TryGetValue(c.Key, out var before) && before.Aupr - c.Value.Aupr > MaxCategoryDrop)
            .Select(c => string.Create(us, $"{c.Key} falls from {100 * champion.Categories[c.Key].Aupr:0.0} to {100 * c.Value.Aupr:0.0} ({c.Value.Support} gold spans)"))
            .ToList();
        reasons.AddRange(regressions);
        if (regressions.Count == 0)
        {
            reasons.Add(string.Create(us, $"no category with {MinSupport}+ gold spans falls by more than {100 * MaxCategoryDrop:0.0} points"));
        }

        return new GateDecision(beats && regressions.Count == 0, reasons);
    }
}
