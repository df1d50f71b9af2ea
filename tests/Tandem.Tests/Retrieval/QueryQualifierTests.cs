using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class QueryQualifierTests
{
    [Theory]
    [InlineData("Delaware Governing Law", "Governing Law", "Delaware")]
    [InlineData("cap on liability for lost revenue", "Limitation of Liability", "cap lost revenue")]
    [InlineData("warranty clauses that exclude consumables", "Warranties", "exclude consumables")]
    [InlineData("indemnity for data breaches", "Indemnification", "data breaches")]
    [InlineData("Non-Solicitation of employees", "Restrictive Covenants", "Non Solicitation employees")]
    public void Of_QueryWithCategoryWords_KeepsOnlyTheRest(string query, string category, string expected) =>
        Assert.Equal(expected, QueryQualifier.Of(query, category));

    [Fact]
    public void Of_QueryThatIsItsCategory_Empty() =>
        Assert.Equal("", QueryQualifier.Of("Limitations of liability clauses", "Limitation of Liability"));

    [Fact]
    public void Of_NoCategory_DropsOnlyStopAndGenericWords() =>
        Assert.Equal("audit rights records", QueryQualifier.Of("audit rights clause for the records", ""));

    [Fact]
    public void Of_ShortStemsNeverMatchByPrefix_TermKeptBesideTermination()
    {
        // "term" is shorter than the shared prefix, so "Termination" is not taken for the category's word.
        Assert.Equal("Termination Convenience", QueryQualifier.Of("Termination for Convenience", "Term"));
    }
}
