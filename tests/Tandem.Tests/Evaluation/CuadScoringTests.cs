using Tandem.Evaluation;

namespace Tandem.Tests.Evaluation;

public sealed class CuadScoringTests
{
    [Fact]
    public void Jaccard_NormalisesCaseListedPunctuationAndSlash()
    {
        // {the, term, is, five, years} vs {the, term, is, five, years, and/or, renewal} with "/" as a space:
        // second = {the, term, is, five, years, and, or, renewal} → 5 / 8.
        Assert.Equal(5.0 / 8, CuadScoring.Jaccard("The Term is five years.", "the term: is five years; and/or renewal"), 10);
        Assert.Equal(1.0, CuadScoring.Jaccard("A, b; c", "a b c"), 10);
        Assert.Equal(0.0, CuadScoring.Jaccard("alpha", "beta"), 10);
    }

    [Fact]
    public void Matches_JaccardAtHalf_AndPartiesByContainment()
    {
        Assert.True(CuadScoring.Matches("a b c d", "a b", "Governing Law"));   // 2/4 = 0.5
        Assert.False(CuadScoring.Matches("a b c d e", "a b", "Governing Law")); // 2/5
        Assert.True(CuadScoring.Matches("This Agreement is between Acme Corp and Beta LLC", "Acme Corp", "Parties"));
        Assert.False(CuadScoring.Matches("This Agreement is between Acme Corp and Beta LLC", "Gamma Inc", "Parties"));
    }

    [Fact]
    public void Curve_AndAupr_HandComputed()
    {
        // Two questions, three gold spans. Predictions by confidence: 0.9 correct (gold 1), 0.8 wrong,
        // 0.7 correct (gold 2); gold 3 is never found.
        var questions = new[]
        {
            new CuadQuestion("c1", "Insurance", ["alpha beta"], [new CuadPrediction("alpha beta", 0.9), new CuadPrediction("gamma delta", 0.8)]),
            new CuadQuestion("c2", "Insurance", ["epsilon zeta", "eta theta"], [new CuadPrediction("epsilon zeta", 0.7)]),
        };

        var curve = CuadScoring.Curve(questions);

        Assert.Equal([(0.9, 1.0, 1.0 / 3), (0.8, 0.5, 1.0 / 3), (0.7, 2.0 / 3, 2.0 / 3)], curve);
        // Interpolated precision: 1, 2/3, 2/3 at recall 1/3, 1/3, 2/3; area from recall 0:
        // [0, 1/3] at 1 + [1/3, 1/3] nothing + [1/3, 2/3] at 2/3 = 1/3 + 2/9.
        Assert.Equal(1.0 / 3 + 2.0 / 9, CuadScoring.Aupr(curve), 10);
        Assert.Equal(2.0 / 3, CuadScoring.PrecisionAtRecall(curve, 0.6), 10);
        Assert.Equal(0, CuadScoring.PrecisionAtRecall(curve, 0.8));
    }

    [Fact]
    public void Curve_NoGold_IsEmptyAndScoresZero()
    {
        var curve = CuadScoring.Curve([new CuadQuestion("c", "Insurance", [], [new CuadPrediction("x", 0.5)])]);

        Assert.Empty(curve);
        Assert.Equal(0, CuadScoring.Aupr(curve));
    }
}
