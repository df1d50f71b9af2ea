using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tandem.Documents;
using Tandem.Tests.Fixtures;

namespace Tandem.Tests.Documents;

public sealed class DocxReaderTests : IDisposable
{
    private readonly string directory = DocumentFixtures.CreateTempDirectory();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task ReadTextAsync_PartInflatesPastLimit_RejectedAsTooLarge()
    {
        var path = DocumentFixtures.CreateDocx(Path.Combine(directory, "bomb.docx"), [new string('a', 20_000)]);
        var reader = new DocxReader(new DocumentLimits { MaxDecodedBytes = 10_000 });
        await using var stream = File.OpenRead(path);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => reader.ReadTextAsync(stream, "bomb.docx"));

        Assert.Contains("bomb.docx is too large once decompressed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_Paragraphs_InOrderWithBlankLinesTabsAndBreaks()
    {
        var path = DocumentFixtures.CreateDocx(Path.Combine(directory, "msa.docx"), [
            "# MASTER SERVICES AGREEMENT",
            "This Agreement is made between Acme Corp and Beta LLC.",
            "Name:\tAcme Corp",
            "Acme Corp\n1 Main Street",
        ]);

        var text = await ReadAsync(path);

        Assert.Equal(
            "MASTER SERVICES AGREEMENT\n\nThis Agreement is made between Acme Corp and Beta LLC.\n\nName: Acme Corp\n\nAcme Corp\n1 Main Street",
            text);
    }

    [Fact]
    public async Task ReadTextAsync_WordNumbering_RenderedAsPrefixesWithDeeperLevelsReset()
    {
        var path = DocumentFixtures.CreateDocx(Path.Combine(directory, "numbered.docx"), [
            "# AGREEMENT",
            "~The parties agree as follows:",
            "Definitions.",
            ">>\u201CAffiliate\u201D means a controlled entity.",
            ">>\u201CBusiness Day\u201D means a weekday.",
            "Term.",
            ">>The initial term is one year.",
            "Fees.",
        ], numbered: true);

        var text = await ReadAsync(path);

        Assert.Equal(
            "AGREEMENT\n\nThe parties agree as follows:\n\n1. Definitions.\n\n(a) \u201CAffiliate\u201D means a controlled entity.\n\n" +
            "(b) \u201CBusiness Day\u201D means a weekday.\n\n2. Term.\n\n(a) The initial term is one year.\n\n3. Fees.",
            text);
    }

    [Fact]
    public async Task ReadTextAsync_Table_RowsInDocumentOrderCellsJoinedByBars()
    {
        var path = DocumentFixtures.CreateDocx(Path.Combine(directory, "table.docx"), [
            "Fees are set out below.",
            "| Service | Monthly fee |",
            "| Support | $100 |",
            "Fees are payable monthly.",
        ]);

        var text = await ReadAsync(path);

        Assert.Equal("Fees are set out below.\n\nService | Monthly fee\nSupport | $100\n\nFees are payable monthly.", text);
    }

    [Fact]
    public async Task ReadTextAsync_HeadersFootersCommentsAndDeletions_AreLeftOut()
    {
        var path = DocumentFixtures.CreateDocx(Path.Combine(directory, "review.docx"), ["Body paragraph."]);
        using (var document = WordprocessingDocument.Open(path, isEditable: true))
        {
            var main = document.MainDocumentPart!;
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text("CONFIDENTIAL HEADER"))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new Run(new Text("Page footer"))));
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(new Paragraph(new Run(new Text("Reviewer comment")))) { Id = "0", Author = "R" });

            var body = main.Document!.Body!;
            var sectionProperties = body.GetFirstChild<SectionProperties>()!;
            sectionProperties.PrependChild(new HeaderReference { Id = main.GetIdOfPart(header), Type = HeaderFooterValues.Default });
            body.InsertBefore(
                new Paragraph(
                    new Run(new Text("Kept ") { Space = SpaceProcessingModeValues.Preserve }),
                    new DeletedRun(new Run(new DeletedText("deleted words "))) { Id = "1", Author = "R" },
                    new InsertedRun(new Run(new Text("inserted words"))) { Id = "2", Author = "R" },
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" PAGE ")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new Text(" 7")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                    new Run(new RunProperties(new Vanish()), new Text("hidden text"))),
                sectionProperties);
            main.Document.Save();
        }

        var text = await ReadAsync(path);

        Assert.Equal("Body paragraph.\n\nKept inserted words 7", text);
    }

    [Fact]
    public async Task ReadTextAsync_StyleNumberingMultiLevelAndOverrides_RenderedLikeWord()
    {
        var path = Path.Combine(directory, "styled.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles("""
                <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
                  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
                    <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/><w:basedOn w:val="Heading1"/></w:style>
                </w:styles>
                """);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering("""
                <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:abstractNum w:abstractNumId="1">
                    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="ARTICLE %1"/></w:lvl>
                    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
                    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
                  </w:abstractNum>
                  <w:abstractNum w:abstractNumId="2">
                    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#8226;"/></w:lvl>
                  </w:abstractNum>
                  <w:abstractNum w:abstractNumId="3">
                    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:suff w:val="space"/><w:lvlText w:val="%1)"/></w:lvl>
                  </w:abstractNum>
                  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
                  <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
                  <w:num w:numId="5"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
                </w:numbering>
                """);
            main.Document = new Document("""
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
                  <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Definitions</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Meaning</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>first</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>second</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Interpretation</w:t></w:r></w:p>
                  <w:p><w:pPr><w:pStyle w:val="Article"/></w:pPr><w:r><w:t>Term</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Duration</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>renewal</w:t></w:r></w:p>
                  <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Unnumbered heading</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>A bullet</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Fifth letter</w:t></w:r></w:p>
                  <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Sixth letter</w:t></w:r></w:p>
                  <w:sectPr/>
                </w:body></w:document>
                """);
        }

        var text = await ReadAsync(path);

        Assert.Equal(
            string.Join("\n\n", [
                "ARTICLE I Definitions", "1.1 Meaning", "(i) first", "(ii) second", "1.2 Interpretation",
                "ARTICLE II Term", "2.1 Duration", "(i) renewal", "Unnumbered heading", "A bullet", "E) Fifth letter", "F) Sixth letter",
            ]),
            text);
    }

    [Fact]
    public async Task ReadTextAsync_RandomBytes_ThrowsNotReadableDocx()
    {
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadBytesAsync(bytes));

        Assert.StartsWith("contract.docx is not a readable .docx (", ex.Message, StringComparison.Ordinal);
        Assert.Equal("open and re-save it in Word, or export it as PDF or text", ex.Hint);
    }

    [Fact]
    public async Task ReadTextAsync_ZipThatIsNotADocx_ThrowsNotReadableDocx()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("notes/readme.txt").Open());
            await writer.WriteAsync("just a zip");
        }

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadBytesAsync(zip.ToArray()));

        Assert.StartsWith("contract.docx is not a readable .docx (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_OleCompoundFile_ThrowsPasswordOrOldDoc()
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadBytesAsync(bytes));

        Assert.Contains("password-protected document or an old Word .doc", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var raw = await new DocxReader().ReadTextAsync(stream, Path.GetFileName(path), TestContext.Current.CancellationToken);
        return TextNormalizer.Normalize(raw);
    }

    private static async Task<string> ReadBytesAsync(byte[] bytes)
    {
        await using var stream = new MemoryStream(bytes);
        return await new DocxReader().ReadTextAsync(stream, "contract.docx", TestContext.Current.CancellationToken);
    }
}
