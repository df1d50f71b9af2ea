using Tandem.Evaluation;

namespace Tandem.Tests.Evaluation;

public sealed class AcordRerankRankerTests
{
    [Theory]
    [InlineData("indemnification", 2)]
    [InlineData("as is", 0)]
    [InlineData("c", 3)]
    [InlineData("e", 4)]
    public void FoldOf_NoSalt_KeepsTheStandardAssignment(string queryId, int fold)
    {
        // The folds every published train figure was measured with; a change here would silently change them all.
        Assert.Equal(fold, AcordRerankRanker.FoldOf(queryId, ""));
    }

    [Fact]
    public void FoldOf_Salt_ReassignsQueriesAcrossAllFolds()
    {
        var ids = Enumerable.Range(0, 200).Select(i => "query " + i).ToList();

        var plain = ids.Select(id => AcordRerankRanker.FoldOf(id, "")).ToList();
        var salted = ids.Select(id => AcordRerankRanker.FoldOf(id, "1")).ToList();

        Assert.Equal(1, AcordRerankRanker.FoldOf("as is", "1"));
        Assert.InRange(plain.Zip(salted).Count(p => p.First != p.Second), 100, 200);
        Assert.Equal([0, 1, 2, 3, 4], salted.Distinct().Order());
    }
}
