using System.Numerics.Tensors;
using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class QuantizedQueryTests
{
    [Fact]
    public void Bounds_RowsWithOutliersOfEitherSign_HoldTheExactScoreAndAreNarrow()
    {
        const int Dimensions = 384;
        var random = new Random(3);
        var rows = new Half[200 * Dimensions];
        for (var r = 0; r < 200; r++)
        {
            var row = UnitVector(random, Dimensions);
            row[r % Dimensions] = r % 2 == 0 ? -0.4f : 0.4f; // MiniLM has a few large dimensions; half the rows' largest value is negative
            TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
            TensorPrimitives.ConvertToHalf(row, rows.AsSpan(r * Dimensions, Dimensions));
        }

        var quantized = new QuantizedRows(rows, Dimensions);
        for (var q = 0; q < 20; q++)
        {
            var query = UnitVector(random, Dimensions);
            var bounds = new QuantizedQuery(query);
            for (var r = 0; r < 200; r++)
            {
                var exact = DotProducts.Of(query, rows.AsSpan(r * Dimensions, Dimensions));
                var (lower, upper) = bounds.Bounds(quantized, r);
                Assert.InRange(exact, lower, upper);
                Assert.True(upper - lower < 0.05f, $"row {r}: [{lower}, {upper}] is too wide to rule anything out");
            }
        }
    }

    [Fact]
    public void Bounds_ZeroAndNonFiniteRows_NeverRuledOut()
    {
        var rows = new Half[] { Half.Zero, Half.Zero, Half.PositiveInfinity, (Half)0.5f };
        var quantized = new QuantizedRows(rows, 2);
        var bounds = new QuantizedQuery([0.6f, 0.8f]);

        var (zeroLower, zeroUpper) = bounds.Bounds(quantized, 0);
        Assert.InRange(0f, zeroLower, zeroUpper);
        Assert.Equal((float.NegativeInfinity, float.PositiveInfinity), bounds.Bounds(quantized, 1));
    }

    private static float[] UnitVector(Random random, int dimensions)
    {
        var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
