namespace Tandem.Economics;

/// <summary>
/// The cost model of fine-tuning: per-query cost from tokens and prices, monthly inference and
/// error cost before and after, the training cost of a run (compute + labelling) amortised
/// over the retraining cadence, payback time and break-even query volume.
/// </summary>
public static class RoiCalculator
{
    public static RoiResult Calculate(RoiScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var perQueryBefore = s.Before.CostPerQuery;
        var perQueryAfter = s.After.CostPerQuery;
        var errorPerQueryBefore = s.Accuracy is null ? 0 : (1 - s.Accuracy.Before) * s.Accuracy.CostPerError;
        var errorPerQueryAfter = s.Accuracy is null ? 0 : (1 - s.Accuracy.After) * s.Accuracy.CostPerError;
        var savingPerQuery = perQueryBefore + errorPerQueryBefore - perQueryAfter - errorPerQueryAfter;
        var runCost = s.Training.CostPerRun;
        var amortised = runCost / s.Training.RetrainEveryMonths;
        var monthlySaving = savingPerQuery * s.QueriesPerMonth;
        decimal? payback = monthlySaving > 0 ? runCost / monthlySaving : null;
        return new RoiResult
        {
            CostPerQueryBefore = perQueryBefore,
            CostPerQueryAfter = perQueryAfter,
            MonthlyInferenceBefore = perQueryBefore * s.QueriesPerMonth,
            MonthlyInferenceAfter = perQueryAfter * s.QueriesPerMonth,
            MonthlyErrorCostBefore = errorPerQueryBefore * s.QueriesPerMonth,
            MonthlyErrorCostAfter = errorPerQueryAfter * s.QueriesPerMonth,
            TrainingCostPerRun = runCost,
            AmortisedTrainingPerMonth = amortised,
            PaybackMonths = payback,
            BreakEvenQueriesPerMonth = savingPerQuery > 0 ? amortised / savingPerQuery : null,
            PromptTokenReduction = s.Before.PromptTokens == 0 ? 0 : 1 - s.After.PromptTokens / s.Before.PromptTokens,
            PaysBackWithinCadence = payback is not null && payback <= s.Training.RetrainEveryMonths,
        };
    }

    /// <summary>The result for each value of one variable (a what-if curve).</summary>
    public static IReadOnlyList<(decimal Value, RoiResult Result)> Sweep(RoiScenario s, string variable, decimal from, decimal to, int steps)
    {
        if (steps is < 2 or > 1000)
        {
            throw new TandemException($"--steps must be between 2 and 1000, not {steps}");
        }

        if (to <= from)
        {
            throw new TandemException($"--to ({to}) must be greater than --from ({from})");
        }

        return Enumerable.Range(0, steps)
            .Select(i => from + (to - from) * i / (steps - 1))
            .Select(v => (v, Calculate(s.With(variable, v))))
            .ToList();
    }
}
