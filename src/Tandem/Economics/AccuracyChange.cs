namespace Tandem.Economics;

/// <summary>Task accuracy before and after fine-tuning, and what one error costs (rework, review).</summary>
public sealed record AccuracyChange(decimal Before, decimal After, decimal CostPerError);
