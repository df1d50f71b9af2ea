using System.Numerics.Tensors;

namespace Tandem.Retrieval;

/// <summary>
/// ColBERT's late interaction over token vectors: each query token finds its best match among the
/// passage's tokens, and the score is the mean of those best cosines. A passage's single pooled
/// vector averages everything it says; here "New York" in the query is matched by "New York" in the
/// passage, however long the passage is and whatever else it covers.
/// </summary>
public static class LateInteraction
{
    /// <summary>
    /// Mean over the query's tokens of the largest dot product with any passage token; both are
    /// unit-length rows of <paramref name="dimensions"/> floats laid end to end. 0 when either has no tokens.
    /// </summary>
    public static float MaxSim(ReadOnlySpan<float> query, ReadOnlySpan<float> passage, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (query.Length % dimensions != 0 || passage.Length % dimensions != 0)
        {
            throw new ArgumentException($"token vectors must be whole rows of {dimensions} floats");
        }

        var queryTokens = query.Length / dimensions;
        var passageTokens = passage.Length / dimensions;
        if (queryTokens == 0 || passageTokens == 0)
        {
            return 0f;
        }

        var sum = 0f;
        for (var q = 0; q < queryTokens; q++)
        {
            var row = query.Slice(q * dimensions, dimensions);
            var best = float.NegativeInfinity;
            for (var p = 0; p < passageTokens; p++)
            {
                best = Math.Max(best, TensorPrimitives.Dot(row, passage.Slice(p * dimensions, dimensions)));
            }

            sum += best;
        }

        return sum / queryTokens;
    }
}
