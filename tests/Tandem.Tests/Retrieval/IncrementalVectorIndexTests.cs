using System.Numerics.Tensors;
using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class IncrementalVectorIndexTests
{
    /// <summary>Partitions from 100 vectors on, rebuilt once the tail passes 10% of them.</summary>
    private static readonly VectorIndexSettings Small = new() { ExactBelow = 100, MinimumTail = 10, TailFraction = 0.1, PartitionsFor = _ => 12, Probes = 3 };

    private readonly List<float[]> _vectors = RandomVectors(700, 16, seed: 5);

    [Fact]
    public void Search_AllProbesAfterRebuildAndAppends_EqualsExactScan()
    {
        var index = Filled(0, 500).Rebuilt();
        for (var i = 500; i < 600; i++)
        {
            index.Add(i, _vectors[i]);
        }

        var exact = new VectorIndex(_vectors.Take(600).ToList());
        Assert.Equal(12, index.Partitions);
        Assert.Equal(100, index.TailCount);
        foreach (var query in new[] { _vectors[3], _vectors[550], _vectors[650] })
        {
            Assert.Equal(exact.Search(query, 40), index.Search(query, 40, probes: int.MaxValue));
            Assert.Equal(exact.Search(query, 40, i => i % 3 == 0), index.Search(query, 40, i => i % 3 == 0, int.MaxValue));
        }

        // Fewer probes scan fewer partitions, but a vector's own partition is the nearest and the tail is always scanned.
        Assert.Equal(3, index.Search(_vectors[3], 1, probes: 1)[0].Item);
        Assert.Equal(550, index.Search(_vectors[550], 1, probes: 1)[0].Item);
    }

    [Fact]
    public void NeedsRebuild_TailPastItsShare_TrueUntilRebuilt()
    {
        var index = Filled(0, 99);
        Assert.False(index.NeedsRebuild); // under ExactBelow: scanned exactly, never partitioned

        index.Add(99, _vectors[99]);
        Assert.True(index.NeedsRebuild);

        index = index.Rebuilt();
        Assert.False(index.NeedsRebuild);
        for (var i = 100; i < 110; i++)
        {
            index.Add(i, _vectors[i]);
        }

        Assert.False(index.NeedsRebuild); // 10 of 100: not past the share
        index.Add(110, _vectors[110]);
        Assert.True(index.NeedsRebuild);
    }

    [Fact]
    public void CatchUp_RowsAddedWhileRebuilding_AreCarriedOver()
    {
        var index = Filled(0, 300);
        var rebuilt = index.Rebuilt();
        for (var i = 300; i < 350; i++)
        {
            index.Add(i, _vectors[i]);
        }

        rebuilt.CatchUp();
        rebuilt.CatchUp(); // twice changes nothing

        Assert.Equal(350, rebuilt.Count);
        Assert.Equal(50, rebuilt.TailCount);
        Assert.Equal(index.Search(_vectors[320], 30, probes: int.MaxValue), rebuilt.Search(_vectors[320], 30, probes: int.MaxValue));
    }

    [Fact]
    public void Renumbered_DroppedAndRenamedItems_SearchLikeAFreshIndexOfTheKeptOnes()
    {
        var index = Filled(0, 400).Rebuilt();
        for (var i = 400; i < 450; i++)
        {
            index.Add(i, _vectors[i]);
        }

        // Odd items retired; even item i becomes i / 2.
        var newItemOf = Enumerable.Range(0, 450).Select(i => i % 2 == 0 ? i / 2 : -1).ToArray();
        var renumbered = index.Renumbered(newItemOf);
        var fresh = new VectorIndex(Enumerable.Range(0, 225).Select(i => _vectors[2 * i]).ToList());

        Assert.Equal(225, renumbered.Count);
        Assert.Equal(index.Partitions, renumbered.Partitions);
        foreach (var query in new[] { _vectors[10], _vectors[11], _vectors[420] })
        {
            Assert.Equal(fresh.Search(query, 25), renumbered.Search(query, 25, probes: int.MaxValue));
        }
    }

    [Fact]
    public void Search_WhileAnotherThreadAdds_SeesOnlyWholeRows()
    {
        var vectors = RandomVectors(20_000, 16, seed: 9);
        var index = new IncrementalVectorIndex(Small);
        var query = vectors[0];
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < vectors.Count; i++)
            {
                index.Add(i, vectors[i]);
            }
        }, TestContext.Current.CancellationToken);

        var searches = 0;
        while (!writer.IsCompleted || searches == 0)
        {
            foreach (var (item, score) in index.Search(query, 5))
            {
                // A torn row (item number published before its floats) would score differently.
                Assert.Equal(TensorPrimitives.Dot(query, vectors[item]), score, 5);
            }

            searches++;
        }

        Assert.Equal(vectors.Count, index.Count);
    }

    [Fact]
    public void ProbesFor_ReadableShare_ScalesProbesSoAsManyReadableRowsAreScored()
    {
        var settings = new VectorIndexSettings { Probes = 48 };

        Assert.Equal(48, settings.ProbesFor(1));
        Assert.Equal(96, settings.ProbesFor(0.5));
        Assert.Equal(480, settings.ProbesFor(0.1));
        Assert.Equal(int.MaxValue, settings.ProbesFor(0)); // nothing readable: scanning everything finds nothing, quickly
    }

    [Fact]
    public void Add_OtherDimensions_Throws()
    {
        var index = Filled(0, 1);

        Assert.Throws<ArgumentException>(() => index.Add(1, new float[8]));
        Assert.Throws<ArgumentException>(() => index.Search(new float[8], 1));
        Assert.Empty(new IncrementalVectorIndex().Search(new float[8], 1));
    }

    private IncrementalVectorIndex Filled(int from, int to)
    {
        var index = new IncrementalVectorIndex(Small);
        for (var i = from; i < to; i++)
        {
            index.Add(i, _vectors[i]);
        }

        return index;
    }

    private static List<float[]> RandomVectors(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var v = Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);

            // Rounded to half precision, as the index keeps them (and as the store's vectors are), so scores can be compared exactly.
            return v.Select(x => (float)(Half)x).ToArray();
        }).ToList();
    }
}
