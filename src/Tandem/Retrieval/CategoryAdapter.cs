using System.Numerics.Tensors;

namespace Tandem.Retrieval;

/// <summary>
/// A linear map W (D×D) over sentence vectors, learned so that a category's description lands near
/// that category's annotated clauses: softmax over the categories of s·(W q_c)·(W d), trained by
/// plain SGD from the identity with a pull back towards it. Deterministic for a seed.
/// </summary>
public sealed class CategoryAdapter
{
    private readonly float[] _w;
    private readonly int _d;

    private CategoryAdapter(float[] w, int d)
    {
        _w = w;
        _d = d;
    }

    /// <summary>Learns the map from one vector per category and (category index, vector) examples.</summary>
    public static CategoryAdapter Train(IReadOnlyList<float[]> categories, IReadOnlyList<(int Category, float[] Vector)> examples,
        int epochs = 2, float rate = 0.005f, float scale = 20f, float pull = 0.001f, int seed = 7)
    {
        var d = categories[0].Length;
        var w = new float[d * d];
        for (var i = 0; i < d; i++)
        {
            w[(i * d) + i] = 1f;
        }

        var adapter = new CategoryAdapter(w, d);
        var random = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var mapped = new float[categories.Count][];
        var logits = new float[categories.Count];
        var g = new float[d];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            for (var n = 0; n < order.Length; n++)
            {
                if (n % 256 == 0)
                {
                    // The categories' images move slowly: refreshed every 256 examples, not every one.
                    for (var c = 0; c < categories.Count; c++)
                    {
                        mapped[c] = adapter.Map(categories[c], normalise: false);
                    }
                }

                var (label, x) = examples[order[n]];
                var a = adapter.Map(x, normalise: false);
                for (var c = 0; c < categories.Count; c++)
                {
                    logits[c] = scale * TensorPrimitives.Dot(mapped[c], a);
                }

                TensorPrimitives.SoftMax(logits, logits);
                Array.Clear(g);
                for (var c = 0; c < categories.Count; c++)
                {
                    TensorPrimitives.MultiplyAdd(categories[c], scale * (logits[c] - (c == label ? 1f : 0f)), g, g);
                }

                // dL/dW = (W x) gᵀ + (W g) xᵀ, and the pull towards the identity.
                var wg = adapter.Map(g, normalise: false);
                for (var i = 0; i < d; i++)
                {
                    var row = w.AsSpan(i * d, d);
                    TensorPrimitives.Multiply(row, 1f - (rate * pull), row);
                    row[i] += rate * pull;
                    TensorPrimitives.MultiplyAdd(g, -rate * a[i], row, row);
                    TensorPrimitives.MultiplyAdd(x, -rate * wg[i], row, row);
                }
            }
        }

        return adapter;
    }

    /// <summary>W·x, scaled to unit length unless <paramref name="normalise"/> is false.</summary>
    public float[] Map(ReadOnlySpan<float> x, bool normalise = true)
    {
        var y = new float[_d];
        for (var i = 0; i < _d; i++)
        {
            y[i] = TensorPrimitives.Dot(_w.AsSpan(i * _d, _d), x);
        }

        if (normalise)
        {
            TensorPrimitives.Divide(y, Math.Max(TensorPrimitives.Norm(y), 1e-12f), y);
        }

        return y;
    }
}
