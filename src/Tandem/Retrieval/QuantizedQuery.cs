using System.Numerics.Tensors;

namespace Tandem.Retrieval;

/// <summary>
/// A query in 16 bits for scoring <see cref="QuantizedRows"/>, and the bound on such a score's
/// error. With q̃ the query as quantized (d = q − q̃) and r̂ a row as quantized (e = r − r̂):
/// q·r − q̃·r̂ = q·e + d·r̂, so |error| ≤ ‖q‖·‖e‖ + ‖d‖·‖r̂‖ (Cauchy–Schwarz), with ‖r̂‖ ≤ 127 · scale · √n.
/// A little more is allowed for float rounding in the exact score the bound is compared with.
/// </summary>
internal sealed class QuantizedQuery
{
    private readonly short[] _values;
    private readonly float _scale; // q̃ = scale · values
    private readonly float _norm; // ‖q‖
    private readonly float _perRowScale; // the bound's part that grows with a row's scale

    public QuantizedQuery(ReadOnlySpan<float> query)
    {
        var n = query.Length;
        _values = new short[n];
        // Products summed in an int: |value| · 127 · n must stay below 2³¹.
        var range = (int)Math.Min(short.MaxValue, int.MaxValue / (127L * Math.Max(1, n)));
        var largest = n == 0 ? 0 : TensorPrimitives.MaxMagnitude(query);
        _scale = float.IsFinite(largest) && largest != 0 ? Math.Abs(largest) / range : 0;
        var lost = new float[n];
        for (var i = 0; i < n; i++)
        {
            _values[i] = _scale == 0 ? (short)0 : (short)Math.Clamp(MathF.Round(query[i] / _scale), -range, range);
            lost[i] = query[i] - (_scale * _values[i]);
        }

        _norm = n == 0 ? 0 : TensorPrimitives.Norm(query);
        // Float32 sums of n products are off by at most about n · 2⁻²⁴ of ‖q‖·‖r‖; 2⁻²⁰ leaves room.
        var rounding = n * _norm / (1 << 20);
        _perRowScale = 127 * MathF.Sqrt(n) * (TensorPrimitives.Norm(lost) + rounding);
        if (!float.IsFinite(_norm) || !float.IsFinite(_perRowScale))
        {
            _perRowScale = float.PositiveInfinity; // a non-finite query rules nothing out
        }
    }

    /// <summary>
    /// Row <paramref name="row"/>'s approximate score and the bounds the exact one lies within:
    /// a row whose upper bound is below the k-th best lower bound cannot be in the top k.
    /// </summary>
    public (float Lower, float Upper) Bounds(QuantizedRows rows, int row)
    {
        var scale = rows.Scale(row);
        var approximate = _scale * scale * DotProducts.Of(_values, rows.Values(row));
        var error = (_norm * rows.Error(row)) + (scale * _perRowScale);
        return float.IsFinite(error) ? (approximate - error, approximate + error) : (float.NegativeInfinity, float.PositiveInfinity);
    }
}
