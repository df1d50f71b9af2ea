using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Tandem.Tests.Fixtures;
using UglyToad.PdfPig;

namespace Tandem.Tests.Documents;

public sealed class DocumentFixturesTests : IDisposable
{
    private readonly string directory = DocumentFixtures.CreateTempDirectory();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void CreateDocx_NumberedWithHeadingsAndTable_IsSchemaValid()
    {
        var path = DocumentFixtures.CreateDocx(
            Path.Combine(directory, "valid.docx"),
            ["# AGREEMENT", "~Preamble.", "Definitions.", ">>Sub-clause.", "| Service | Fee |", "| Support | $100 |", "Line one\nLine two\twith tab"],
            numbered: true);

        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
        Assert.NotNull(document.MainDocumentPart?.NumberingDefinitionsPart);
    }

    [Fact]
    public void CreateDocx_NumberedParagraphs_NumbersLiveOnlyInTheNumberingPart()
    {
        var path = DocumentFixtures.CreateDocx(Path.Combine(directory, "numbers.docx"), ["Definitions.", ">>Sub-clause."], numbered: true);

        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;

        Assert.Equal("Definitions.Sub-clause.", body.InnerText);
    }

    [Fact]
    public void CreatePdf_ManyLines_AddsPagesAndKeepsText()
    {
        var lines = Enumerable.Range(1, 100).Select(i => $"Line {i} of the agreement.").ToList();
        var path = DocumentFixtures.CreatePdf(Path.Combine(directory, "pages.pdf"), lines);

        using var pdf = PdfDocument.Open(path);

        Assert.True(pdf.NumberOfPages >= 2, $"expected at least 2 pages, got {pdf.NumberOfPages}");
        Assert.Contains("Line 1 of the agreement.", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("Line 100 of the agreement.", pdf.GetPage(pdf.NumberOfPages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePdf_CharactersOutsideTheFont_AreReplacedNotThrown()
    {
        var path = DocumentFixtures.CreatePdf(Path.Combine(directory, "accents.pdf"), ["Soci\u00E9t\u00E9 \u20AC5 \u2122 \u4E2D"]);

        using var pdf = PdfDocument.Open(path);

        Assert.Equal("Societe EUR5 (TM) ?", pdf.GetPage(1).Text);
    }
}
