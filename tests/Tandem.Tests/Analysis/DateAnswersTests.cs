using Tandem.Analysis;

namespace Tandem.Tests.Analysis;

public sealed class DateAnswersTests
{
    [Theory]
    [InlineData("This Agreement is dated March 1, 2019 between the parties.", "March 1, 2019")]
    [InlineData("made as of the 1st day of March, 2019, by and between", "1st day of March, 2019")]
    [InlineData("entered into this 14t h day of April 2015 (the \"Effective Date\")", "14t h day of April 2015")]
    [InlineData("effective 1 March 2019.", "1 March 2019")]
    [InlineData("dated Sept. 30, 2021", "Sept. 30, 2021")]
    [InlineData("signed on 03/01/2019 at noon", "03/01/2019")]
    [InlineData("as of 2019-03-01.", "2019-03-01")]
    [InlineData("made this ______ day of ______________, 2015.", "______ day of ______________, 2015")]
    [InlineData("made this [ ] day of [ ], 2020", "[ ] day of [ ], 2020")]
    [InlineData("dated April 14th, 2020", "April 14th, 2020")]
    public void Find_CommonForms_ReturnsTheDate(string text, string expected)
    {
        var dates = DateAnswers.Find(text);

        var (start, end) = Assert.Single(dates);
        Assert.Equal(expected, text[start..end]);
    }

    [Theory]
    [InlineData("The Supplier may terminate on thirty days' notice.")]
    [InlineData("Section 12.3 applies to 2019 revenue of $1,000,000.")]
    [InlineData("")]
    public void Find_NoDate_ReturnsNothing(string text) => Assert.Empty(DateAnswers.Find(text));

    [Fact]
    public void Find_TwoDates_InOrder()
    {
        const string text = "The term runs from January 1, 2020 to December 31, 2022.";

        var dates = DateAnswers.Find(text).Select(d => text[d.Start..d.End]);

        Assert.Equal(["January 1, 2020", "December 31, 2022"], dates);
    }
}
