using Tandem.Retrieval;
using Tandem.Tests.Support;

namespace Tandem.Tests.Retrieval;

public sealed class HybridIndexTests
{
    private static readonly string[] Passages =
    [
        "The Supplier's total liability under this Agreement shall not exceed the fees paid in the twelve months before the claim.",
        "This Agreement is governed by the laws of the State of New York.",
        "Either party may terminate this Agreement for convenience on ninety days' written notice.",
        "Neither party is liable for indirect, consequential or punitive damages, and liability is limited as set out above.",
        "The Customer shall pay all invoices within thirty days of receipt.",
        "The Licensee may not assign this Agreement without the Licensor's prior written consent.",
        "Liability for fraud or gross negligence is not limited.",
        "Notices must be in writing and delivered by hand or by courier.",
    ];

    [Fact]
    public void Bm25Search_SameCorpusAsFts5_RanksTheSame()
    {
        using var fts5 = new PassageIndex(Passages.Select((t, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), t)));
        var index = new Bm25Index(Passages);

        foreach (var query in new[] { "limitation of liability", "terminate for convenience", "written consent assignment", "liable damages" })
        {
            var expected = fts5.Search(query, 10);
            var actual = index.Search(query, 10);
            Assert.Equal(expected.Select(h => int.Parse(h.Id, System.Globalization.CultureInfo.InvariantCulture)), actual.Select(h => h.Item));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Score, actual[i].Score, 4);
            }
        }
    }

    [Fact]
    public void Bm25Search_AccessFilter_AppliesBeforeTheLimit()
    {
        var index = new Bm25Index(Passages);
        var top = index.Search("liability", 1).Single().Item;

        // When the caller may not read the best passage, the limit still yields the next one.
        var filtered = index.Search("liability", 1, item => item != top);
        Assert.Single(filtered);
        Assert.Equal(index.Search("liability", 2)[1].Item, filtered[0].Item);
        Assert.Empty(index.Search("liability", 5, _ => false));
    }

    [Fact]
    public void Bm25Search_AccessFilter_ScoresAsAnIndexOfTheAllowedItemsOnly()
    {
        // Two of the three passages about liability are not allowed: they must not change a score.
        int[] allowed = [1, 2, 4, 6, 7];
        var index = new Bm25Index(Passages);
        var own = new Bm25Index(allowed.Select(i => Passages[i]).ToList());

        foreach (var query in new[] { "liability", "liability limited notice", "agreement terminate written" })
        {
            var expected = own.Search(query, 10);
            var filtered = index.Search(query, 10, allowed.Contains);

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(h => (allowed[h.Item], h.Score)), filtered);
        }
    }

    [Fact]
    public void Bm25Search_NoSearchableWords_ReturnsNothing()
    {
        var index = new Bm25Index(Passages);
        Assert.Empty(index.Search("the of and", 5));
        Assert.Empty(index.Search("zebra", 5));
    }

    [Fact]
    public void VectorSearch_Ivf_AllProbesEqualsExactAndFilterApplies()
    {
        var random = new Random(5);
        var vectors = Enumerable.Range(0, 400).Select(_ => Normalise(Enumerable.Range(0, 16).Select(_ => (float)random.NextDouble() - 0.5f).ToArray())).ToList();
        var exact = new VectorIndex(vectors);
        var ivf = new VectorIndex(vectors, partitions: 10);
        var query = vectors[17];

        Assert.Equal(10, ivf.Partitions);
        Assert.Equal(exact.Search(query, 20).Select(h => h.Item), ivf.Search(query, 20, probes: 10).Select(h => h.Item));
        Assert.Equal(17, exact.Search(query, 1)[0].Item);
        Assert.Equal(17, ivf.Search(query, 1, probes: 1)[0].Item); // its own partition is the nearest
        Assert.DoesNotContain(exact.Search(query, 50, item => item % 2 == 0), h => h.Item % 2 == 1);
        Assert.Equal(50, exact.Search(query, 50, item => item % 2 == 0).Count);
    }

    [Fact]
    public async Task Search_Hybrid_FusesBothRankingsWithinTheAccessFilter()
    {
        using var generator = new WordHashEmbeddingGenerator();
        var index = await HybridIndex.BuildAsync(Passages, generator, TestContext.Current.CancellationToken);

        var bm25 = await index.SearchAsync("liability limited", RetrievalConfig.Parse("bm25"), 8, cancellationToken: TestContext.Current.CancellationToken);
        var dense = await index.SearchAsync("liability limited", RetrievalConfig.Parse("dense"), 8, cancellationToken: TestContext.Current.CancellationToken);
        var hybrid = await index.SearchAsync("liability limited", RetrievalConfig.Parse("hybrid"), 8, cancellationToken: TestContext.Current.CancellationToken);

        var expected = ReciprocalRankFusion.Fuse([(bm25.Select(h => h.Item).ToList(), 1.0), (dense.Select(h => h.Item).ToList(), 1.0)]);
        Assert.Equal(expected.Select(f => f.Id), hybrid.Select(h => h.Item));

        var filtered = await index.SearchAsync("liability limited", RetrievalConfig.Parse("hybrid"), 8, item => item is not (0 or 3 or 6), TestContext.Current.CancellationToken);
        Assert.NotEmpty(filtered);
        Assert.DoesNotContain(filtered, h => h.Item is 0 or 3 or 6);
    }

    private static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
