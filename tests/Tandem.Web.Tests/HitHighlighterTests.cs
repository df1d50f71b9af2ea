using Tandem.Web.Search;

namespace Tandem.Web.Tests;

public sealed class HitHighlighterTests
{
    [Fact]
    public void Runs_QueryWords_AreMarkedAsWholeWordsIgnoringCase()
    {
        var runs = HitHighlighter.Runs("Limitation of Liability. Liabilities are capped.", "limitation of liability");

        Assert.Equal([("Limitation", true), (" of ", false), ("Liability", true), (". Liabilities are capped.", false)], runs);
    }

    [Fact]
    public void Runs_PatternCharactersInTheQuery_AreTakenLiterally()
    {
        var runs = HitHighlighter.Runs("fees (net) are due", "fees.* (net");

        Assert.Equal([("fees", true), (" (", false), ("net", true), (") are due", false)], runs);
    }

    [Fact]
    public void Runs_OnlyShortOrStopWords_MarkNothing()
    {
        Assert.Equal([("the cap is on", false)], HitHighlighter.Runs("the cap is on", "the is on"));
    }
}
