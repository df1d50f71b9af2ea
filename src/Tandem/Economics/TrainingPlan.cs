namespace Tandem.Economics;

/// <summary>What one fine-tuning run costs and how often it is repeated.</summary>
/// <param name="TokensPerEpoch">Training tokens in one pass over the data set.</param>
/// <param name="Epochs">Passes over the data set.</param>
/// <param name="PricePerMillion">Training price per million tokens.</param>
/// <param name="FixedCostPerRun">Other cost per run (GPU hours for a self-hosted run, evaluation).</param>
/// <param name="RetrainEveryMonths">Cadence: a new run every this many months (3 = quarterly).</param>
/// <param name="CorrectionsPerRun">Reviewed corrections collected for each run.</param>
/// <param name="LabellingCostPerCorrection">What reviewing one correction costs.</param>
public sealed record TrainingPlan(decimal TokensPerEpoch, decimal Epochs, decimal PricePerMillion, decimal FixedCostPerRun,
    decimal RetrainEveryMonths, decimal CorrectionsPerRun, decimal LabellingCostPerCorrection)
{
    public decimal ComputeCostPerRun => TokensPerEpoch * Epochs * PricePerMillion / 1_000_000m + FixedCostPerRun;

    public decimal LabellingCostPerRun => CorrectionsPerRun * LabellingCostPerCorrection;

    public decimal CostPerRun => ComputeCostPerRun + LabellingCostPerRun;
}
