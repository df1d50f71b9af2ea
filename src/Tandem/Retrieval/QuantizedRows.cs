using System.Numerics.Tensors;

namespace Tandem.Retrieval;

/// <summary>
/// A <see cref="VectorIndex"/>'s rows in 8 bits for the first pass of a scan: each row scaled by
/// its own largest magnitude to [-127, 127], with the length of what the rounding lost. A quarter
/// of float32's bytes and half of float16's stream through the cache, and the products are
/// integers; <see cref="QuantizedQuery.Bounds"/> turns the lost length into a bound on each
/// score's error, so the rows that can still reach the top k are known and rescored exactly.
/// </summary>
internal sealed class QuantizedRows
{
    private readonly sbyte[] _values; // row-major, Dimensions per row
    private readonly float[] _scales; // a row's value i is scale · values[i] (plus the rounding error)
    private readonly float[] _errors; // ‖row − scale · values‖₂, what the rounding lost

    /// <summary>Quantizes <paramref name="rows"/> (row-major, <paramref name="dimensions"/> per row).</summary>
    public QuantizedRows(ReadOnlySpan<Half> rows, int dimensions)
    {
        Dimensions = dimensions;
        var count = dimensions == 0 ? 0 : rows.Length / dimensions;
        _values = new sbyte[count * dimensions];
        _scales = new float[count];
        _errors = new float[count];
        var row = new float[dimensions];
        var lost = new float[dimensions];
        for (var r = 0; r < count; r++)
        {
            TensorPrimitives.ConvertToSingle(rows.Slice(r * dimensions, dimensions), row);
            var largest = dimensions == 0 ? 0 : TensorPrimitives.MaxMagnitude(row);
            var scale = float.IsFinite(largest) && largest != 0 ? Math.Abs(largest) / 127 : 0;
            var values = _values.AsSpan(r * dimensions, dimensions);
            for (var i = 0; i < dimensions; i++)
            {
                values[i] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(row[i] / scale), -127, 127);
                lost[i] = row[i] - (scale * values[i]);
            }

            _scales[r] = scale;
            _errors[r] = scale == 0 && largest != 0 ? float.PositiveInfinity : TensorPrimitives.Norm(lost); // a non-finite row is never ruled out
        }
    }

    private QuantizedRows(sbyte[] values, float[] scales, float[] errors, int dimensions)
    {
        _values = values;
        _scales = scales;
        _errors = errors;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    /// <summary>Row <paramref name="row"/>'s 8-bit values.</summary>
    public ReadOnlySpan<sbyte> Values(int row) => new(_values, row * Dimensions, Dimensions);

    /// <summary>What one unit of row <paramref name="row"/>'s values is worth.</summary>
    public float Scale(int row) => _scales[row];

    /// <summary>The length of what rounding row <paramref name="row"/> lost.</summary>
    public float Error(int row) => _errors[row];

    /// <summary>These rows' <paramref name="rows"/>, in that order (no requantizing).</summary>
    public QuantizedRows Subset(IReadOnlyList<int> rows)
    {
        var values = new sbyte[rows.Count * Dimensions];
        var scales = new float[rows.Count];
        var errors = new float[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            Array.Copy(_values, rows[r] * Dimensions, values, r * Dimensions, Dimensions);
            scales[r] = _scales[rows[r]];
            errors[r] = _errors[rows[r]];
        }

        return new QuantizedRows(values, scales, errors, Dimensions);
    }
}
