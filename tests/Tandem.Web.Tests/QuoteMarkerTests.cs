using Tandem.Web.Reviews;

namespace Tandem.Web.Tests;

public sealed class QuoteMarkerTests
{
    private const string Clause = "Either party may terminate on thirty (30) days' notice. Fees paid are not refunded.";

    [Fact]
    public void Runs_AQuoteInsideTheClause_IsMarkedExactly()
    {
        var runs = QuoteMarker.Runs(Clause, ["thirty (30) days' notice"]);

        Assert.Equal([("Either party may terminate on ", false), ("thirty (30) days' notice", true), (". Fees paid are not refunded.", false)], runs);
    }

    [Fact]
    public void Runs_OverlappingQuotes_MakeOneSpan()
    {
        var runs = QuoteMarker.Runs(Clause, ["terminate on thirty", "thirty (30) days'", null]);

        Assert.Equal([("Either party may ", false), ("terminate on thirty (30) days'", true), (" notice. Fees paid are not refunded.", false)], runs);
    }

    [Theory]
    [InlineData("sixty (60) days")]
    [InlineData("Either party may terminate on thirty (30) days' notice. Fees paid are not refunded.")]
    [InlineData("  ")]
    public void Runs_AQuoteNotInTheClauseOrTheWholeClause_MarksNothing(string quote)
    {
        Assert.Equal([(Clause, false)], QuoteMarker.Runs(Clause, [quote]));
    }

    [Fact]
    public void Runs_AQuoteAtTheEnds_NoEmptyRuns()
    {
        var runs = QuoteMarker.Runs(Clause, ["Either party", "not refunded."]);

        Assert.Equal([("Either party", true), (" may terminate on thirty (30) days' notice. Fees paid are ", false), ("not refunded.", true)], runs);
    }
}
