using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>A trained model with its held-out evaluation and how long training took.</summary>
public sealed record LocalAnalystTrainingResult(LocalAnalystModel Model, HeldOutEvaluation Evaluation, TimeSpan Elapsed);
