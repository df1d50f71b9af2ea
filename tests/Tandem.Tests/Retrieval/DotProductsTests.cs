using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class DotProductsTests
{
    [Fact]
    public void Of_EveryHalfBitPattern_WidensLikeTheCast()
    {
        // A row of zeros but one half, and a query with a 1 in that lane: the dot product is that half widened, in every vector lane.
        const int Width = 32;
        var row = new Half[Width];
        var query = new float[Width];
        for (var lane = 0; lane < Width; lane++)
        {
            Array.Clear(row);
            Array.Clear(query);
            query[lane] = 1;
            for (var bits = 0; bits <= ushort.MaxValue; bits++)
            {
                row[lane] = BitConverter.UInt16BitsToHalf((ushort)bits);
                var expected = (float)row[lane];
                var actual = DotProducts.Of(query, row);
                Assert.True(expected.Equals(actual), $"bits {bits:X4} in lane {lane}: {actual}, not {expected}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(100)]
    [InlineData(384)]
    public void Of_ShortsBySbytes_EqualsTheScalarSum(int length)
    {
        var random = new Random(length);
        var query = Enumerable.Range(0, length).Select(i => (short)(i % 5 == 0 ? short.MaxValue : random.Next(-32767, 32768))).ToArray();
        var row = Enumerable.Range(0, length).Select(i => (sbyte)(i % 7 == 0 ? -127 : random.Next(-127, 128))).ToArray();

        var expected = 0L;
        for (var i = 0; i < length; i++)
        {
            expected += query[i] * row[i];
        }

        Assert.Equal(expected, DotProducts.Of(query, row));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(384)]
    public void Of_FloatsByHalves_EqualsTheWidenedSum(int length)
    {
        var random = new Random(length);
        var query = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var row = Enumerable.Range(0, length).Select(_ => (Half)(random.NextDouble() - 0.5)).ToArray();

        var expected = 0.0;
        for (var i = 0; i < length; i++)
        {
            expected += query[i] * (double)(float)row[i];
        }

        Assert.Equal(expected, DotProducts.Of(query, row), 5);
    }
}
