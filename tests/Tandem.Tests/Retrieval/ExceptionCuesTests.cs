using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class ExceptionCuesTests
{
    [Fact]
    public void NegatedTerms_WordsAfterTheNegation_OnlyThose() =>
        Assert.Equal(["assign", "right"], ExceptionCues.NegatedTerms("licence clauses that do not assign rights"));

    [Fact]
    public void NegatedTerms_NoNegation_Empty() =>
        Assert.Empty(ExceptionCues.NegatedTerms("licence clauses that assign rights"));

    [Theory]
    [InlineData("unqualified warranty disclaimer", -1)]
    [InlineData("Indemnity without carve-outs", -1)]
    [InlineData("cap that does not allow exceptions", -1)]
    [InlineData("gross negligence exception to the cap", 1)]
    [InlineData("liability cap carveouts", 1)]
    [InlineData("cap on liability", 0)]
    [InlineData("indemnity that does not cover fines", 0)]
    public void CarveoutPolarity_QueryDirection_Signed(string query, int expected) =>
        Assert.Equal(expected, ExceptionCues.CarveoutPolarity(query));

    [Fact]
    public void Count_ClauseWithCarveOuts_CountsEachCue()
    {
        const string clause = "Except for breaches of Section 9, and notwithstanding the foregoing, liability excluding fraud is capped, provided that the cap shall not apply to claims other than indemnity.";

        Assert.Equal(5, ExceptionCues.Count(clause));
        Assert.Equal(0, ExceptionCues.Count("Each party's total liability is capped at the fees paid."));
    }

    [Theory]
    [InlineData("Cap without carveouts", true)]
    [InlineData("clauses that do not include hold harmless", true)]
    [InlineData("Non-compete bound by time", false)]
    public void AsksWithout_NegationWords_Found(string query, bool expected) =>
        Assert.Equal(expected, ExceptionCues.AsksWithout(query));
}
