namespace Tandem.Analysis;

/// <summary>
/// One category's logistic regression: a sparse weight vector over the featurizer's slots, the
/// bias, the Platt calibration (probability = 1 / (1 + exp(Slope·score + Offset))) and the
/// decision threshold chosen on held-out contracts.
/// </summary>
public sealed record CategoryWeights(string Category, float Bias, float Slope, float Offset, float Threshold, int[] Indices, float[] Values)
{
    /// <summary>The calibrated probability for a raw linear score.</summary>
    public float Probability(float score) => 1f / (1f + MathF.Exp(Slope * score + Offset));
}
