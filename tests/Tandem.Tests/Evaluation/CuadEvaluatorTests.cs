using Tandem.Evaluation;

namespace Tandem.Tests.Evaluation;

public sealed class CuadEvaluatorTests
{
    [Fact]
    public void RankedPredictions_MatchesRankedBelowTheTopTen_RecallReachesNinetyPercent()
    {
        // Twelve pieces, most confident first; the gold spans are the pieces ranked 1-3 and 11-12.
        // Kept to the ten most confident (the old prediction set), recall stops at 3/5 and
        // precision at 80% and 90% recall is 0.
        var pieces = Enumerable.Range(1, 12).Select(i => ($"clause {i} word{i} term{i}", 1.0 - (i / 100.0))).ToList();
        string[] gold = [pieces[0].Item1, pieces[1].Item1, pieces[2].Item1, pieces[10].Item1, pieces[11].Item1];

        var predictions = CuadEvaluator.RankedPredictions(pieces, answerDates: false);
        var score = CuadScore.Of("Insurance", [new CuadQuestion("c", "Insurance", gold, predictions)]);

        Assert.Equal(12, predictions.Count);
        // Recall 4/5 is reached at piece 11 (precision 4/11) and 5/5 at piece 12 (5/12), the better one.
        Assert.Equal(5.0 / 12, score.PrecisionAt80Recall, 10);
        Assert.Equal(5.0 / 12, score.PrecisionAt90Recall, 10);
    }

    [Fact]
    public void RankedPredictions_ZeroScoresAndDates_LeavesZerosOutAndAnswersWithDates()
    {
        (string, double)[] pieces = [("No date here.", 0.2), ("Dated as of March 1, 2019.", 0.6), ("Not retrieved.", 0)];

        var predictions = CuadEvaluator.RankedPredictions(pieces, answerDates: true);

        Assert.Equal([new CuadPrediction("March 1, 2019", 0.6), new CuadPrediction("No date here.", 0.2)], predictions);
    }
}
