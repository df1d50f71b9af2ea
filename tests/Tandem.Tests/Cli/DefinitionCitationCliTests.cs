using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Tandem.Analysis;
using Tandem.Reporting;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>
/// A finding whose judgement rests on a definition cites it (term, clause, words) in every report format, so a lawyer
/// can check the reading: the royalty clause is fine on its face, the "Net Receipts" it is paid on are not.
/// </summary>
public sealed class DefinitionCitationCliTests : IDisposable
{
    // Written for this test: the royalty clause states no deduction; the definition it uses takes 40% and a reserve off the base.
    private const string Licence = """
        # Film Distribution Licence

        This Film Distribution Licence is made on 2 March 2026 between Quillon Pictures Ltd (the "Licensor") and Brackwater Media Ltd (the "Licensee").

        ## 1. Definitions

        1.1 "Film" means the feature film entitled "The Salt Road".

        1.2 "Net Receipts" means all revenue received by the Licensee from the exploitation of the Film, after deduction of a distribution fee of forty per cent (40%) of such revenue and a reserve for returns.

        1.3 "Territory" means the United Kingdom and Ireland.

        ## 2. Licence

        2.1 The Licensor grants the Licensee an exclusive licence to distribute the Film in the Territory for five years.

        ## 3. Payment

        3.1 The Licensee shall pay the Licensor a royalty of twelve per cent (12%) of Net Receipts within thirty days after the end of each calendar quarter.

        3.2 The Licensee shall keep accurate records of all revenue received from the Film and permit the Licensor to inspect them once a year on reasonable notice.

        ## 4. Termination

        4.1 Either party may terminate this Agreement by written notice if the other party commits a material breach and fails to remedy it within thirty days.

        ## 5. Law

        5.1 This Agreement is governed by the laws of England and Wales.
        """;

    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;
    private readonly string _file;

    public DefinitionCitationCliTests()
    {
        _cli = new CliRunner(_dir.File("tandem.db"));
        _file = _dir.Write("film-licence.md", Licence);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Analyze_Json_TheRoyaltyFindingCitesTheDefinitionItRestsOn_WithItsExactSpan()
    {
        var (exit, output, error) = await _cli.RunAsync("analyze", _file, "--for", "licensor", "--format", "json");

        Assert.True(exit == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        var royalty = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("clausePath").GetString() == "3.1");
        Assert.Equal("high", royalty.GetProperty("severity").GetString()?.ToLowerInvariant());
        var cited = Assert.Single(royalty.GetProperty("definitions").EnumerateArray().ToList());
        Assert.Equal("Net Receipts", cited.GetProperty("term").GetString());
        Assert.Equal("1.2", cited.GetProperty("clausePath").GetString());
        Assert.Contains("distribution fee of forty per cent", cited.GetProperty("text").GetString(), StringComparison.Ordinal);
        // Findings the clause's own words show cite nothing.
        Assert.All(report.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("clausePath").GetString() != "3.1"),
            f => Assert.Equal(0, f.GetProperty("definitions").GetArrayLength()));

        // The span is the definition's clause in the document's text, before the clause that uses it.
        const string Definition = "1.2 \"Net Receipts\" means all revenue received by the Licensee from the exploitation of the Film, after deduction of a distribution fee of forty per cent (40%) of such revenue and a reserve for returns.";
        Assert.Equal(Definition.Length, cited.GetProperty("end").GetInt32() - cited.GetProperty("start").GetInt32());
        Assert.True(cited.GetProperty("end").GetInt32() < royalty.GetProperty("start").GetInt32());
        Assert.Equal(Definition, cited.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("text", "Read with the definition of \"Net Receipts\" (clause 1.2): 1.2 \"Net Receipts\" means all revenue")]
    [InlineData("md", "Read with the definition of \"Net Receipts\" (clause 1.2): 1.2 \"Net Receipts\" means all revenue")]
    [InlineData("html", "<strong>Read with</strong> the definition of &quot;Net Receipts&quot; (clause 1.2): 1.2 &quot;Net Receipts&quot; means all revenue")]
    public async Task Analyze_EveryFormat_ShowsTheDefinitionTheFindingRestsOn(string format, string expected)
    {
        var (exit, output, error) = await _cli.RunAsync("analyze", _file, "--for", "licensor", "--format", format);

        Assert.True(exit == 0, error);
        var flat = string.Join(" ", output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_ShowsWhoseClauseTheMeasureAndTheDefinition()
    {
        var finding = new Finding("Revenue/Profit Sharing", Severity.High, "cl_9", "3.1", "Payment",
            "3.1 The Licensee shall pay the Licensor a royalty of twelve per cent (12%) of Net Receipts.", 600, 700, 19,
            "Most of the revenue never reaches the base.", ["Your royalty is on a net figure cut by the other side's own costs"], 0.46)
        {
            Favours = Favours.Them,
            Beneficiary = "Licensee",
            Measured = "royalty 12%; your standard ≥ 15%",
            Definitions = [new DefinedTerm("Net Receipts", "1.2", 200, 380, "1.2 \"Net Receipts\" means revenue after a distribution fee of 40%.")],
        };
        var report = new RiskReport
        {
            ReportId = "rpt_0123456789abcdef", DocumentId = "doc_0123456789abcdef", DocumentTitle = "Film Distribution Licence",
            Source = "film-licence.md", Version = 1, ContentHash = "00", Playbook = "standard", Model = "local-analyst",
            CreatedAt = DateTimeOffset.UnixEpoch, ClauseCount = 12, Findings = [finding], MissingProtections = [], Unverified = [],
        };

        using var stream = new MemoryStream(ReportDocx.Render(report));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Contains("Whose clause: favours Licensee (the other side)", paragraphs);
        Assert.Contains("Measured: royalty 12%; your standard ≥ 15%", paragraphs);
        Assert.Contains("Read with the definition of \"Net Receipts\" (clause 1.2): 1.2 \"Net Receipts\" means revenue after a distribution fee of 40%.", paragraphs);
    }
}
