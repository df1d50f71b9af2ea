using System.Text;
using Tandem.Documents;

namespace Tandem.Tests.Documents;

public sealed class MarkdownReaderTests
{
    [Fact]
    public async Task ReadTextAsync_HeadingsAndParagraphs_PlainLinesSeparatedByBlankLines()
    {
        const string markdown = """
            # Master Services Agreement

            This Agreement is made between
            **Acme Corp** and *Beta LLC*.

            ## 1 Definitions

            See the [schedule](https://example.com/schedule) and `Annex A`.
            """;

        var text = await ReadAsync(markdown);

        Assert.Equal(
            "Master Services Agreement\n\nThis Agreement is made between Acme Corp and Beta LLC.\n\n1 Definitions\n\nSee the schedule and Annex A.",
            text);
    }

    [Fact]
    public async Task ReadTextAsync_OrderedList_KeepsNumbersAndDelimiters()
    {
        const string markdown = """
            1. First obligation
            2. Second obligation

            text

            3) Third, with a parenthesis
            5) Fifth, numbered as written
            """;

        var text = await ReadAsync(markdown);

        Assert.Equal(
            "1. First obligation\n2. Second obligation\n\ntext\n\n3) Third, with a parenthesis\n5) Fifth, numbered as written",
            text);
    }

    [Fact]
    public async Task ReadTextAsync_LazyOneOneOneNumbering_CountsUp()
    {
        var text = await ReadAsync("1. alpha\n1. beta\n1. gamma\n");

        Assert.Equal("1. alpha\n2. beta\n3. gamma", text);
    }

    [Fact]
    public async Task ReadTextAsync_LetterAndRomanLists_KeepMarkers()
    {
        var text = await ReadAsync("a. apples\nb. pears\n\nparagraph\n\nii. second\niii. third\n");

        Assert.Equal("a. apples\nb. pears\n\nparagraph\n\nii. second\niii. third", text);
    }

    [Fact]
    public async Task ReadTextAsync_BulletsAndNestedLists_NoBulletsOrderKept()
    {
        const string markdown = """
            - Payment terms
              1. Invoice monthly
              2. Pay within 30 days
                 - by wire
            - Late fees
            """;

        var text = await ReadAsync(markdown);

        Assert.Equal("Payment terms\n1. Invoice monthly\n2. Pay within 30 days\nby wire\nLate fees", text);
    }

    [Fact]
    public async Task ReadTextAsync_LooseList_ParagraphsStayWithTheirNumber()
    {
        var text = await ReadAsync("1. First item.\n\n   More of the first item.\n\n2. Second item.\n");

        Assert.Equal("1. First item.\n\nMore of the first item.\n\n2. Second item.", text);
    }

    [Fact]
    public async Task ReadTextAsync_PipeTable_RowsWithCellsJoinedByBars()
    {
        const string markdown = """
            | Service | Fee |
            |---------|----:|
            | **Support** | $100 |
            | Hosting | $250 |
            """;

        var text = await ReadAsync(markdown);

        Assert.Equal("Service | Fee\nSupport | $100\nHosting | $250", text);
    }

    [Fact]
    public async Task ReadTextAsync_CodeBlockQuoteAndEntities_TextKept()
    {
        const string markdown = """
            > Quoted &sect; 4 &amp; more

            ```
            line one
              line two
            ```
            """;

        var text = await ReadAsync(markdown);

        Assert.Equal("Quoted \u00A7 4 & more\n\nline one\n  line two", text);
    }

    [Fact]
    public async Task ReadTextAsync_HardLineBreak_StartsNewLine()
    {
        var text = await ReadAsync("Acme Corp  \n1 Main Street\\\nSpringfield\n");

        Assert.Equal("Acme Corp\n1 Main Street\nSpringfield", text);
    }

    [Fact]
    public async Task ReadTextAsync_InvalidUtf8_ThrowsLikePlainText()
    {
        // 0x81 is undefined in Windows-1252 too, so nothing may read it.
        await using var stream = new MemoryStream([.. Encoding.ASCII.GetBytes("# Titl"), 0x81]);

        var ex = await Assert.ThrowsAsync<DocumentException>(
            () => new MarkdownReader().ReadTextAsync(stream, "terms.md", TestContext.Current.CancellationToken));

        Assert.Equal("terms.md is not valid UTF-8 text (invalid byte at offset 6)", ex.Message);
    }

    private static async Task<string> ReadAsync(string markdown)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(markdown));
        var raw = await new MarkdownReader().ReadTextAsync(stream, "terms.md", TestContext.Current.CancellationToken);
        return TextNormalizer.Normalize(raw);
    }
}
