using Tandem.Economics;
using Tandem.Tests.Support;

namespace Tandem.Tests.Economics;

public sealed class RoiCalculatorTests
{
    private static RoiScenario Published() =>
        RoiScenarioLoader.Load(Path.Combine(RepositoryPaths.Root, "samples", "scenarios", "legal-contract-review.yaml"), PriceBook.Default());

    [Fact]
    public void Calculate_PublishedLegalCase_ReproducesItsFigures()
    {
        var r = RoiCalculator.Calculate(Published());

        // 50,000 queries x 4,400 prompt tokens saved x $5 per million = $1,100.
        Assert.Equal(1100m, r.MonthlySaving);
        // 8M tokens x 4 epochs x $25 per million = $800, every 3 months.
        Assert.Equal(800m, r.TrainingCostPerRun);
        Assert.Equal(800m / 3, r.AmortisedTrainingPerMonth);
        Assert.Equal(1100m - 800m / 3, r.NetMonthlySaving);
        Assert.Equal(800m / 1100m, r.PaybackMonths);
        Assert.True(r.PaybackMonths < 1);
        Assert.True(r.PaysBackWithinCadence);
        Assert.Equal(0.4m, r.PromptTokenReduction);
        // Break-even: $266.67 per month / $0.022 saved per query.
        Assert.Equal(800m / 3 / 0.022m, r.BreakEvenQueriesPerMonth);
    }

    [Fact]
    public void Calculate_FineTunedModelAtTwiceTheBasePrice_NeverPaysBack()
    {
        var r = RoiCalculator.Calculate(Published().With("ft-price-multiplier", 2));

        // After: 6,600 x $10 + 800 x $30 per million = $0.090 per query; before $0.067.
        Assert.Equal(0.090m, r.CostPerQueryAfter);
        Assert.Equal(-1150m, r.MonthlySaving);
        Assert.Null(r.PaybackMonths);
        Assert.Null(r.BreakEvenQueriesPerMonth);
        Assert.False(r.PaysBackWithinCadence);
    }

    [Fact]
    public void Calculate_CachingLabellingAndAccuracy_HandComputed()
    {
        var scenario = new RoiScenario
        {
            Name = "hand",
            QueriesPerMonth = 1000,
            Before = new CallProfile("base", 2000, 0.5m, 100, new TokenPrice(2, 1, 10)),
            After = new CallProfile("ft", 1000, 0, 100, new TokenPrice(3, 3, 10)),
            Training = new TrainingPlan(1_000_000, 2, 10, 5, 2, 100, 0.5m),
            Accuracy = new AccuracyChange(0.8m, 0.9m, 1m),
        };

        var r = RoiCalculator.Calculate(scenario);

        // Before: 1,000 x $2 + 1,000 x $1 + 100 x $10, per million = $0.004 per query.
        Assert.Equal(0.004m, r.CostPerQueryBefore);
        // After: 1,000 x $3 + 100 x $10, per million = $0.004 per query.
        Assert.Equal(0.004m, r.CostPerQueryAfter);
        // Errors: 20% vs 10% of 1,000 queries at $1.
        Assert.Equal(200m, r.MonthlyErrorCostBefore);
        Assert.Equal(100m, r.MonthlyErrorCostAfter);
        Assert.Equal(100m, r.MonthlySaving);
        // Run: 2M tokens x $10 per million + $5 fixed + 100 corrections x $0.50 = $75, every 2 months.
        Assert.Equal(75m, r.TrainingCostPerRun);
        Assert.Equal(37.5m, r.AmortisedTrainingPerMonth);
        Assert.Equal(0.75m, r.PaybackMonths);
        Assert.Equal(375m, r.BreakEvenQueriesPerMonth);
    }

    [Fact]
    public void Sweep_Queries_SavingGrowsLinearly()
    {
        var points = RoiCalculator.Sweep(Published(), "queries", 0, 100_000, 5);

        Assert.Equal([0m, 25_000m, 50_000m, 75_000m, 100_000m], points.Select(p => p.Value));
        Assert.Equal(1100m, points[2].Result.MonthlySaving);
        Assert.Equal(2200m, points[4].Result.MonthlySaving);
        Assert.Equal(-800m / 3, points[0].Result.NetMonthlySaving);
    }

    [Theory]
    [InlineData("queries", -1, "cannot be negative")]
    [InlineData("prompt-reduction", 1.5, "share between 0 and 1")]
    [InlineData("retrain-months", 0, "must be more than 0")]
    [InlineData("cheese", 1, "unknown variable")]
    public void With_BadValue_ClearError(string variable, double value, string expected)
    {
        var error = Assert.Throws<TandemException>(() => Published().With(variable, (decimal)value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
