using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class PackedMatrixTests
{
    [Theory]
    [InlineData(false, 1e-4, 5)]
    [InlineData(true, 2e-2, 1)]
    [InlineData(true, 2e-2, 2)]
    [InlineData(true, 2e-2, 3)]
    [InlineData(true, 2e-2, 4)]
    [InlineData(true, 2e-2, 7)]
    public void Multiply_SomeRows_MatchesThePlainProduct(bool bfloat16, double tolerance, int rows)
    {
        const int inputs = 96, outputs = 128;
        var random = new Random(16);
        var weights = Enumerable.Range(0, inputs * outputs).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var bias = Enumerable.Range(0, outputs).Select(_ => (float)random.NextDouble()).ToArray();
        var input = new float[rows * inputs];
        for (var i = 0; i < rows * inputs; i++)
        {
            input[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var output = new float[rows * outputs];
        new PackedMatrix(weights, bias, inputs, bfloat16).Multiply(input, output, rows);

        for (var r = 0; r < rows; r++)
        {
            for (var o = 0; o < outputs; o++)
            {
                var expected = (double)bias[o];
                for (var i = 0; i < inputs; i++)
                {
                    expected += (double)input[(r * inputs) + i] * weights[(i * outputs) + o];
                }

                Assert.True(Math.Abs(expected - output[(r * outputs) + o]) <= tolerance * (1 + Math.Abs(expected)), $"row {r} column {o}: {output[(r * outputs) + o]} against {expected}");
            }
        }
    }

    [Fact]
    public void Multiply_BuffersTooShortForTheRows_Refused()
    {
        var matrix = new PackedMatrix(new float[64 * 64], new float[64], 64, bfloat16: true);

        Assert.Throws<ArgumentException>(() => matrix.Multiply(new float[3 * 64], new float[2 * 64], 3));
    }

    [Fact]
    public void Constructor_WidthNotAMultipleOfThePanel_InvalidData()
    {
        Assert.Throws<InvalidDataException>(() => new PackedMatrix(new float[64 * 10], new float[10], 64, bfloat16: false));
    }
}
