namespace Tandem.Retrieval;

/// <summary>
/// Pseudo-relevance feedback in clause-category space: a query's category profile is the mean
/// category-probability vector of its top keyword hits, and a passage scores by the cosine of its
/// own vector with that profile. Short, category-like queries ("cap on liability with
/// carve-outs") rarely share their words with the clauses that answer them, but those clauses
/// share a category with the query's best keyword hits.
/// </summary>
public static class CategoryFeedback
{
    /// <summary>The L2-normalised mean of the vectors (all zeros when there are none).</summary>
    public static float[] Profile(IEnumerable<float[]> topHits, int dimensions)
    {
        var sum = new float[dimensions];
        foreach (var v in topHits)
        {
            for (var i = 0; i < dimensions; i++)
            {
                sum[i] += v[i];
            }
        }

        return Normalised(sum);
    }

    /// <summary>Cosine between a passage's category vector and a <see cref="Profile"/>; 0 when either is all zeros.</summary>
    public static float Similarity(float[] profile, float[] passage)
    {
        float dot = 0, norm = 0;
        for (var i = 0; i < passage.Length; i++)
        {
            dot += profile[i] * passage[i];
            norm += passage[i] * passage[i];
        }

        return norm > 0 ? dot / MathF.Sqrt(norm) : 0f;
    }

    private static float[] Normalised(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }

        return v;
    }
}
