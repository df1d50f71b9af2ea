using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Tests.Retrieval;

public sealed class ReciprocalRankFusionTests
{
    [Theory]
    [InlineData("hybrid")]
    [InlineData("hybrid:0.5")]
    [InlineData("bm25")]
    [InlineData("dense")]
    public void FuseItems_ListsWithOverlapsAndTies_SamePassagesAndOrderAsFusePassages(string mode)
    {
        // Items of documents whose ids sort otherwise than the items do, and versions 9 and 10 (which sort as text): ties must fall the same way.
        var passages = Enumerable.Range(0, 60)
            .Select(i => new Passage($"doc-{(59 - i) / 3}", "title", i % 2 == 0 ? 9 : 10, $"c{i}", $"{i}", null, (i % 3) * 100, ((i % 3) * 100) + 50, $"text {i}", 0))
            .ToArray();
        var random = new Random(4);
        var keyword = Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(30).Select((item, rank) => (Item: item, Score: 30.0 - rank)).ToList();
        var dense = Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(30).Select((item, rank) => (Item: item, Score: 1.0 - (rank / 100.0))).ToList();
        var config = RetrievalConfig.Parse(mode);
        var keywordHits = config.Bm25Weight > 0 ? keyword : null;
        var denseHits = config.UsesDense ? dense : null;

        var expected = ReciprocalRankFusion.FusePassages(
            keywordHits?.Select(h => passages[h.Item] with { Score = h.Score }).ToList(), denseHits?.Select(h => passages[h.Item] with { Score = h.Score }).ToList(), config, 25);
        var actual = ReciprocalRankFusion.FuseItems(keywordHits, denseHits, config, 25, item => passages[item]);

        Assert.Equal(expected, actual);
    }
}
