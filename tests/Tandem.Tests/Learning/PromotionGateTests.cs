using Tandem.Learning;

namespace Tandem.Tests.Learning;

public sealed class PromotionGateTests
{
    private static GateScores Scores(double aupr, double law, int lawSupport = 40, string set = "gate1") =>
        new(set, aupr, new Dictionary<string, CategoryScore> { ["Governing Law"] = new(law, lawSupport), ["Rare"] = new(0.1, 3) });

    [Fact]
    public void Decide_NoChampion_Promotes() => Assert.True(new PromotionGate().Decide(Scores(0.3, 0.5), null).Promote);

    [Fact]
    public void DecideAgainst_UnscoredChampion_RefusesAndSaysToScoreIt()
    {
        var champion = new RegisteredModel("local-shipped-abc", "local", "kind", "/m.zip", "data", DateTimeOffset.UnixEpoch, null, ModelStatus.Champion, null, null);

        var decision = new PromotionGate().DecideAgainst(Scores(0.9, 0.9), champion);

        Assert.False(decision.Promote);
        Assert.Contains("the champion local-shipped-abc has no held-out gate scores", Assert.Single(decision.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BetterByMarginNoRegression_Promotes()
    {
        var decision = new PromotionGate { Margin = 0.01 }.Decide(Scores(0.52, 0.80), Scores(0.50, 0.79));

        Assert.True(decision.Promote);
        Assert.Contains(decision.Reasons, r => r.Contains("+2.0 points", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_GainBelowMargin_Refuses() =>
        Assert.False(new PromotionGate { Margin = 0.01 }.Decide(Scores(0.505, 0.80), Scores(0.50, 0.80)).Promote);

    [Fact]
    public void Decide_SupportedCategoryRegresses_RefusesAndSaysWhich()
    {
        var decision = new PromotionGate { MaxCategoryDrop = 0.05 }.Decide(Scores(0.60, 0.70), Scores(0.50, 0.80));

        Assert.False(decision.Promote);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Governing Law falls from 80.0 to 70.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_UnsupportedCategoryRegresses_DoesNotBlock() =>
        Assert.True(new PromotionGate { MinSupport = 50 }.Decide(Scores(0.60, 0.70, lawSupport: 10), Scores(0.50, 0.80, lawSupport: 10)).Promote);

    [Fact]
    public void Decide_DifferentGateSets_Refuses() =>
        Assert.False(new PromotionGate().Decide(Scores(0.9, 0.9, set: "a"), Scores(0.1, 0.1, set: "b")).Promote);

    [Fact]
    public void KeepsReviewWeights_ACandidateWithoutThemAgainstAChampionWithThem_IsRefusedAndSaysWhy()
    {
        var passed = new GateDecision(true, ["pooled AUPR 55.0 vs champion 54.3"]);
        var with = Manifest(0.8f);
        var without = Manifest(null);

        var refused = PromotionGate.KeepsReviewWeights(passed, without, with);

        Assert.False(refused.Promote);
        Assert.Equal("pooled AUPR 55.0 vs champion 54.3", refused.Reasons[0]);
        Assert.Contains("candidate has none", refused.Reasons[^1], StringComparison.Ordinal);
        Assert.Same(passed, PromotionGate.KeepsReviewWeights(passed, with, with));
        Assert.Same(passed, PromotionGate.KeepsReviewWeights(passed, without, without));
        Assert.Same(passed, PromotionGate.KeepsReviewWeights(passed, with, without));
        Assert.Same(passed, PromotionGate.KeepsReviewWeights(passed, null, with));
    }

    private static Tandem.Analysis.LocalAnalystManifest Manifest(float? reviewThreshold) => new()
    {
        Kind = "tandem-local-analyst/1",
        TrainedAt = DateTimeOffset.UnixEpoch,
        DataHash = "d",
        Contracts = 1,
        Clauses = 1,
        FeatureCount = 1,
        Trainer = "t",
        HeldOutAveragePrecision = new Dictionary<string, double>(),
        HeldOutMacroAveragePrecision = double.NaN,
        HeldOutCalibrationError = double.NaN,
        ReviewThreshold = reviewThreshold,
    };
}
