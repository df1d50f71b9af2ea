using Tandem.Evaluation;
using Tandem.Tests.Support;

namespace Tandem.Tests.Evaluation;

public sealed class CuadDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Parse_PythonListWithBothQuotesAndEscapes_ReturnsStrings()
    {
        var items = PythonListLiteral.Parse("""['first, with comma', "it's second", 'tab\there \'q\' \\ done', '\xe9t\u00e9']""");

        Assert.Equal(["first, with comma", "it's second", "tab\there 'q' \\ done", "été"], items);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("  [ ]  ")]
    public void Parse_EmptyCell_ReturnsNothing(string cell) => Assert.Empty(PythonListLiteral.Parse(cell));

    [Theory]
    [InlineData("['unterminated]")]
    [InlineData("not a list")]
    [InlineData("[42]")]
    public void Parse_Malformed_Throws(string cell) => Assert.Throws<FormatException>(() => PythonListLiteral.Parse(cell));

    [Fact]
    public void Find_DifferentWhitespace_MapsBackToOriginalOffsets()
    {
        const string text = "1. Term.\nThis Agreement  shall\ncontinue for five years.";
        var locator = new SpanLocator(text);

        var span = locator.Find("Agreement shall continue\tfor five");

        Assert.NotNull(span);
        Assert.Equal("Agreement  shall\ncontinue for five", text[span.Value.Start..span.Value.End]);
        Assert.Null(locator.Find("seven years"));
        Assert.Equal(2, new SpanLocator("a b a b").FindAll("a b").Count);
    }

    [Fact]
    public void Load_FolderLikeCuad_MatchesRowsToFilesAndReadsCategories()
    {
        _dir.Write("cuad/contracts/ACME CORP_ SUPPLY AGREEMENT.txt", "SUPPLY AGREEMENT between Acme and Beta.");
        _dir.Write("cuad/contracts/Café Deal.txt", "A deal.");
        _dir.Write("cuad/master_clauses.csv",
            "Filename,Document Name,Document Name-Answer,Parties,Governing Law,No-Solicit Of Customers\n" +
            "\"ACME CORP' SUPPLY AGREEMENT -.pdf\",\"['SUPPLY AGREEMENT']\",SUPPLY AGREEMENT,\"['Acme', 'Beta']\",[],[]\n" +
            "Cafe\u0301 Deal.pdf,[],,[],[],\"['no solicit']\"\n" +
            "Missing File.pdf,[],,[],[],[]\n");

        var data = CuadDataset.Load(_dir.File("cuad"));

        Assert.Equal(2, data.Contracts.Count);
        Assert.Equal(["Missing File.pdf"], data.UnmatchedRows);
        var acme = data.Contracts.Single(c => c.Name.StartsWith("ACME", StringComparison.Ordinal));
        Assert.Equal(["Acme", "Beta"], acme.Gold["Parties"]);
        Assert.Equal(["SUPPLY AGREEMENT"], acme.Gold["Document Name"]);
        Assert.Equal(["no solicit"], data.Contracts.Single(c => c.Name.StartsWith("Caf", StringComparison.Ordinal)).Gold["No-Solicit of Customers"]);
    }

    [Fact]
    public void Load_MalformedCell_NamesLineAndColumn()
    {
        _dir.Write("cuad/contracts/A.txt", "An agreement.");
        _dir.Write("cuad/master_clauses.csv", "Filename,Governing Law\nA.pdf,[]\nA.pdf,\"['the party's law']\"\n");

        var error = Assert.Throws<TandemException>(() => CuadDataset.Load(_dir.File("cuad")));

        Assert.Contains("line 3, column 'Governing Law'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotACuadFolder_SaysWhatIsExpected()
    {
        var error = Assert.Throws<TandemException>(() => CuadDataset.Load(_dir.Path));

        Assert.Contains("master_clauses.csv", error.Message, StringComparison.Ordinal);
    }
}
