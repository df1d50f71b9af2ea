namespace Tandem.Economics;

/// <summary>The economics of a fine-tune: monthly costs, savings, amortised training, payback and break-even.</summary>
public sealed record RoiResult
{
    public required decimal CostPerQueryBefore { get; init; }
    public required decimal CostPerQueryAfter { get; init; }
    public required decimal MonthlyInferenceBefore { get; init; }
    public required decimal MonthlyInferenceAfter { get; init; }
    public required decimal MonthlyErrorCostBefore { get; init; }
    public required decimal MonthlyErrorCostAfter { get; init; }
    /// <summary>Monthly cost before (inference and errors).</summary>
    public decimal MonthlyCostBefore => MonthlyInferenceBefore + MonthlyErrorCostBefore;
    /// <summary>Monthly cost after, without training.</summary>
    public decimal MonthlyCostAfter => MonthlyInferenceAfter + MonthlyErrorCostAfter;
    /// <summary>What running the fine-tuned model saves each month, before paying for training.</summary>
    public decimal MonthlySaving => MonthlyCostBefore - MonthlyCostAfter;
    public required decimal TrainingCostPerRun { get; init; }
    public required decimal AmortisedTrainingPerMonth { get; init; }
    /// <summary>Saving after paying for training, spread over the retraining cadence.</summary>
    public decimal NetMonthlySaving => MonthlySaving - AmortisedTrainingPerMonth;
    /// <summary>Months until a run's training cost is recovered; null if it never is (no saving).</summary>
    public required decimal? PaybackMonths { get; init; }
    /// <summary>Queries per month at which the net saving is zero; null if each query costs more after.</summary>
    public required decimal? BreakEvenQueriesPerMonth { get; init; }
    /// <summary>Share of prompt tokens the fine-tuned strategy saves.</summary>
    public required decimal PromptTokenReduction { get; init; }
    /// <summary>True when a run pays for itself before the next run is due.</summary>
    public bool PaysBackWithinCadence { get; init; }
}
