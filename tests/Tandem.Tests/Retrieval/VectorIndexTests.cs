using System.Numerics.Tensors;
using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class VectorIndexTests
{
    [Theory]
    [InlineData(384, 0)]
    [InlineData(384, 20)]
    [InlineData(17, 10)]
    public void Search_EveryPartitionScanned_SameHitsAndScoresAsAPlainLoop(int dimensions, int partitions)
    {
        // Clustered vectors with one large dimension, as MiniLM's are: many near-ties, the case where a loose 8-bit pass would drop a true hit.
        var random = new Random(dimensions + partitions);
        var centres = Enumerable.Range(0, 8).Select(_ => UnitVector(random, dimensions, 1)).ToList();
        var vectors = Enumerable.Range(0, 3000).Select(i =>
        {
            var v = UnitVector(random, dimensions, 0.15f);
            TensorPrimitives.Add(v, centres[i % centres.Count], v);
            v[i % 3] += i % 2 == 0 ? -0.5f : 0.5f;
            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            return v.Select(x => (float)(Half)x).ToArray(); // as the index keeps them
        }).ToList();
        var index = new VectorIndex(vectors, partitions);

        foreach (var query in Enumerable.Range(0, 10).Select(q => q < 5 ? vectors[q * 97] : UnitVector(random, dimensions, 1)))
        {
            var plain = vectors.Select((v, i) => (Item: i, Score: (double)TensorPrimitives.Dot(query, v)))
                .OrderByDescending(h => h.Score).ThenBy(h => h.Item).Take(100).ToList();
            var found = index.Search(query, 100, probes: int.MaxValue);

            // Rank by rank the same scores, each the item's own (up to float summation order, which may swap near-ties).
            Assert.Equal(plain.Count, found.Count);
            Assert.All(plain.Zip(found), p => Assert.InRange(p.Second.Score - p.First.Score, -1e-6, 1e-6));
            Assert.All(found, h => Assert.InRange(h.Score - TensorPrimitives.Dot(query, vectors[h.Item]), -1e-6, 1e-6));
        }
    }

    [Fact]
    public void Search_Filter_OnlyAcceptedItemsAndStillTheBest()
    {
        var random = new Random(2);
        var vectors = Enumerable.Range(0, 2000).Select(_ => UnitVector(random, 64, 1).Select(x => (float)(Half)x).ToArray()).ToList();
        var index = new VectorIndex(vectors, partitions: 30);
        var query = UnitVector(random, 64, 1);

        var found = index.Search(query, 20, item => item % 3 == 0, probes: int.MaxValue);

        var plain = vectors.Select((v, i) => (Item: i, Score: TensorPrimitives.Dot(query, v))).Where(h => h.Item % 3 == 0)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Item).Take(20).Select(h => h.Item);
        Assert.Equal(plain, found.Select(h => h.Item));
    }

    private static float[] UnitVector(Random random, int dimensions, float length)
    {
        var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        TensorPrimitives.Multiply(v, length / TensorPrimitives.Norm(v), v);
        return v;
    }
}
