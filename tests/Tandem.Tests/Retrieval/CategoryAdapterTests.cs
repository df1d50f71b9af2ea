using System.Numerics.Tensors;
using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class CategoryAdapterTests
{
    [Fact]
    public void Train_DescriptionsThatMissTheirClauses_EachMovesNearerItsOwn()
    {
        // Two categories described along axes 0 and 1, while their clauses differ mostly along axes 2 and 3:
        // before training each description is about equally far from both kinds of clause.
        var random = new Random(5);
        float[][] categories = [Unit([1, 0.2f, 0, 0]), Unit([0.2f, 1, 0, 0])];
        var examples = Enumerable.Range(0, 400).Select(i =>
        {
            var c = i % 2;
            float[] x = [0.5f + Noise(random), 0.5f + Noise(random), c == 0 ? 1 : Noise(random), c == 1 ? 1 : Noise(random)];
            return (c, Unit(x));
        }).ToList();

        var adapter = CategoryAdapter.Train(categories, examples, epochs: 5, rate: 0.05f, scale: 5f);

        var margin = Margin(v => adapter.Map(v), categories, examples);
        var before = Margin(v => Unit([.. v]), categories, examples);
        Assert.True(margin > before + 0.2f, $"margin {margin}, before {before}");
    }

    [Fact]
    public void Train_SameInputsTwice_SameMap()
    {
        float[][] categories = [Unit([1, 0, 0]), Unit([0, 1, 0])];
        var examples = new List<(int, float[])> { (0, Unit([1, 0, 1])), (1, Unit([0, 1, 1])), (0, Unit([1, 0.1f, 0])) };

        var one = CategoryAdapter.Train(categories, examples).Map(Unit([0.3f, 0.4f, 0.5f]));
        var two = CategoryAdapter.Train(categories, examples).Map(Unit([0.3f, 0.4f, 0.5f]));

        Assert.Equal(one, two);
    }

    /// <summary>Mean over clauses of (cosine to its own description − cosine to the other).</summary>
    private static float Margin(Func<float[], float[]> map, float[][] categories, List<(int Category, float[] Vector)> examples)
    {
        var mapped = categories.Select(map).ToArray();
        return examples.Average(e =>
        {
            var x = map(e.Vector);
            return TensorPrimitives.Dot(mapped[e.Category], x) - TensorPrimitives.Dot(mapped[1 - e.Category], x);
        });
    }

    private static float Noise(Random random) => (float)(random.NextDouble() - 0.5) * 0.2f;

    private static float[] Unit(float[] v)
    {
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
