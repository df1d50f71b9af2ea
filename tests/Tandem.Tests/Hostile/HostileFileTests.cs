using System.Diagnostics;
using System.Text;
using Tandem.Documents;
using Tandem.Tests.Fixtures;
using Tandem.Tests.Support;

namespace Tandem.Tests.Hostile;

/// <summary>
/// The hostile-file fuzz suite: files built to crash, stall or exhaust a reader, each generated
/// here and read through the real registry. Every one must be refused with a one-line
/// <see cref="DocumentException"/> (or, if harmless, read), within 10 s and 1 GB of allocations.
/// Nesting goes far past the limit (100,000 levels where the limit is 256), so a reader that went
/// back to unguarded recursion would overflow the stack: that kills the test run, which is the
/// loudest failure there is, since a stack overflow cannot be caught.
/// </summary>
[Collection(nameof(HostileCollection))]
public sealed class HostileFileTests : IDisposable
{
    private const long MemoryBound = 1L << 30;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(10);

    private readonly TempDirectory dir = new();
    private readonly DocumentReaders readers = DocumentReaders.CreateDefault();

    public static TheoryData<string> Refused =>
    [
        "html-nested-divs", "html-unclosed-bold", "html-nested-lists", "html-nested-tables", "html-self-closed-divs",
        "html-reopened-bold", "html-element-flood", "html-nul",
        "docx-nested-content-controls", "docx-nested-hyperlinks", "docx-nested-tables", "docx-inflates-past-budget",
        "docx-truncated", "docx-random-bytes",
        "md-indented-list", "md-inline-list", "md-quote-run", "md-deepening-quotes", "md-emphasis-flood", "md-bracket-flood",
        "md-line-flood",
        "pdf-flate-bomb", "pdf-truncated", "pdf-nested-arrays",
        "txt-invalid-utf8", "txt-truncated-utf8", "txt-utf16-odd-length", "txt-utf16-unpaired-surrogate", "txt-nul-bytes",
        "txt-windows-1250",
    ];

    public static TheoryData<string> Readable =>
    [
        "txt-windows-1252", "txt-60-megabytes", "html-deep-but-allowed", "html-sloppy-paragraphs", "html-same-bold-every-paragraph",
        "md-deep-but-allowed", "docx-deep-but-allowed", "pdf-plain",
    ];

    public void Dispose() => dir.Dispose();

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ReadFileAsync_HostileFile_RefusedOnOneLineWithinBounds(string kind)
    {
        var file = Build(kind);
        var path = Write(file);

        var (exception, elapsed, allocated) = await MeasureAsync(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        var refusal = Assert.IsType<DocumentException>(exception);
        Assert.Contains(file.Expected!, refusal.Message, StringComparison.Ordinal);
        Assert.StartsWith(Path.GetFileName(path), refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.ToUserMessage());
        Assert.False(string.IsNullOrWhiteSpace(refusal.Hint));
        Assert.True(elapsed < TimeBound, $"{kind} took {elapsed.TotalSeconds:0.0} s");
        Assert.True(allocated < MemoryBound, $"{kind} allocated {allocated >> 20} MB");
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public async Task ReadFileAsync_OddButHarmlessFile_ReadWithinBounds(string kind)
    {
        var file = Build(kind);
        var path = Write(file);
        ReadDocument? document = null;

        var (exception, elapsed, allocated) = await MeasureAsync(async () => document = await readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Null(exception);
        Assert.Contains(file.Expected!, document!.Text, StringComparison.Ordinal);
        Assert.True(elapsed < TimeBound, $"{kind} took {elapsed.TotalSeconds:0.0} s");
        Assert.True(allocated < MemoryBound, $"{kind} allocated {allocated >> 20} MB");
    }

    /// <summary>
    /// Each reader at exactly the deepest nesting it accepts, on a thread with a 1 MB stack: the
    /// limit itself must be safe for the recursion left in the parsers and in our tree walks.
    /// </summary>
    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    [InlineData("md")]
    public void ReadTextAsync_NestedToTheLimitOnSmallStack_Reads(string format)
    {
        var limits = DocumentLimits.Default;
        var (reader, bytes) = format switch
        {
            // html and body are two of the levels.
            "html" => ((IDocumentReader)new HtmlReader(limits), HostileFiles.NestedHtml("<div>", limits.MaxDepth - 2)),
            // document and body are two XML levels; each content control takes two more.
            "docx" => (new DocxReader(limits), HostileFiles.NestedDocx("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>",
                (limits.MaxDepth - 6) / 2, "<w:p><w:r><w:t>The Supplier shall deliver.</w:t></w:r></w:p>", inParagraph: false)),
            // Markdig's own limit of 128 tree levels is the lower one: a list level is two of them.
            _ => (new MarkdownReader(limits), Encoding.UTF8.GetBytes(HostileFiles.Repeat("> ", 120) + "The Supplier shall deliver.\n")),
        };
        string? text = null;
        Exception? failure = null;

        var thread = new Thread(
            () =>
            {
                try
                {
                    text = reader.ReadTextAsync(new MemoryStream(bytes), "deep." + format).GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Contains("The Supplier shall deliver.", text, StringComparison.Ordinal);
    }

    private static async Task<(Exception? Exception, TimeSpan Elapsed, long Allocated)> MeasureAsync(Func<Task> read)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        Exception? exception = null;
        try
        {
            await read();
        }
        catch (Exception ex)
        {
            exception = ex;
        }

        return (exception, clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private string Write(HostileFile file)
    {
        var path = dir.File(file.Name);
        File.WriteAllBytes(path, file.Bytes);
        return path;
    }

    private HostileFile Build(string kind)
    {
        const string TooDeep = "is nested deeper than 256 levels";
        const string TooDeepForMarkdig = "is nested deeper than the Markdown parser allows";
        const string Paragraph = "<w:p><w:r><w:t>The Supplier shall deliver.</w:t></w:r></w:p>";
        return kind switch
        {
            "html-nested-divs" => new("divs.html", HostileFiles.NestedHtml("<div>", 100_000), TooDeep),
            "html-unclosed-bold" => new("bold.html", HostileFiles.NestedHtml("<b>", 100_000), TooDeep),
            "html-nested-lists" => new("lists.html", HostileFiles.NestedHtml("<ol><li>", 50_000), TooDeep),
            "html-nested-tables" => new("tables.html", HostileFiles.NestedHtml("<table><tr><td>", 20_000), TooDeep),
            "html-self-closed-divs" => new("slashes.html", HostileFiles.NestedHtml("<div/>", 100_000), TooDeep),
            "html-reopened-bold" => new("reopened.html", HostileFiles.ReopenedFormattingHtml(5_000), TooDeep),
            "html-element-flood" => new("flood.html", Encoding.UTF8.GetBytes(HostileFiles.Repeat("<b></b>", 600_000)), "has more than 500,000 HTML elements"),
            "html-nul" => new("nul.html", Encoding.UTF8.GetBytes("<p>The Supplier\0 shall deliver.</p>"), "looks like a binary file"),
            "docx-nested-content-controls" => new("controls.docx",
                HostileFiles.NestedDocx("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 100_000, Paragraph, inParagraph: false), TooDeep),
            "docx-nested-hyperlinks" => new("links.docx",
                HostileFiles.NestedDocx("<w:hyperlink>", "</w:hyperlink>", 100_000, "<w:r><w:t>deep</w:t></w:r>", inParagraph: true), TooDeep),
            "docx-nested-tables" => new("tables.docx",
                HostileFiles.NestedDocx("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 30_000, "<w:p/>", inParagraph: false), TooDeep),
            "docx-inflates-past-budget" => new("inflates.docx",
                HostileFiles.Docx("<w:p><w:r><w:t>" + new string('a', 20 << 20) + "</w:t></w:r></w:p>"), "is too large once decompressed (more than 16 MB)"),
            "docx-truncated" => new("cut.docx", Truncated(DocumentFixtures.CreateDocx(dir.File("whole.docx"), ["The Supplier shall deliver."])), "is not a readable .docx"),
            "docx-random-bytes" => new("noise.docx", Noise(8192), "is not a readable .docx"),
            "md-indented-list" => new("indented.md", HostileFiles.IndentedMarkdownList(3_000), TooDeep),
            "md-inline-list" => new("inline.md", Encoding.UTF8.GetBytes(HostileFiles.Repeat("- ", 3_000) + "item\n"), TooDeep),
            "md-quote-run" => new("quotes.md", Encoding.UTF8.GetBytes(HostileFiles.Repeat(">", 100_000) + " text\n"), TooDeep),
            "md-deepening-quotes" => new("deepening.md", HostileFiles.DeepeningMarkdownQuotes(3_000), TooDeep),
            "md-emphasis-flood" => new("emphasis.md", Encoding.UTF8.GetBytes(HostileFiles.Repeat("*a ", 100_000) + "\n"), TooDeepForMarkdig),
            "md-bracket-flood" => new("brackets.md",
                Encoding.UTF8.GetBytes(HostileFiles.Repeat("[", 100_000) + "x" + HostileFiles.Repeat("](u)", 100_000) + "\n"), TooDeepForMarkdig),
            "md-line-flood" => new("lines.md", Encoding.UTF8.GetBytes(HostileFiles.Repeat("a\n", 600_000)), "has more than 500,000 Markdown elements"),
            "pdf-flate-bomb" => new("bomb.pdf", HostileFiles.FlateBombPdf(1_500), "is too large once decompressed"),
            "pdf-truncated" => new("cut.pdf", Truncated(DocumentFixtures.CreatePdf(dir.File("whole.pdf"), ["The Supplier shall deliver."])), "is not a readable PDF"),
            // PdfPig's own depth guard (MaxStackDepth, set from the limits) drops the over-nested page
            // object without a word, so the page comes out empty and the file has no text to read.
            "pdf-nested-arrays" => new("arrays.pdf",
                HostileFiles.TextPdf("The Supplier shall deliver.", "/Nested " + HostileFiles.Repeat("[", 100_000) + HostileFiles.Repeat("]", 100_000) + " "), "has no text layer"),
            "txt-invalid-utf8" => new("invalid.txt", [.. Enumerable.Range(0, 4096).Select(i => (byte)(0x80 + (i % 128)))], "is not valid UTF-8 text (invalid byte at offset 0)"),
            "txt-truncated-utf8" => new("truncated.txt", [.. Encoding.UTF8.GetBytes("The fee is 500 "), 0xE2, 0x82], "ends in the middle of a character"),
            "txt-utf16-odd-length" => new("odd.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("The fee"), 0x41], "is not valid UTF-16 text"),
            "txt-utf16-unpaired-surrogate" => new("surrogate.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("fee"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("due")], "is not valid UTF-16 text"),
            "txt-nul-bytes" => new("nul.txt", [.. Encoding.UTF8.GetBytes("The Supplier"), 0, 0, .. Encoding.UTF8.GetBytes(" shall deliver.")], "looks like a binary file"),
            "txt-windows-1250" => new("umowa.txt", [.. Encoding.ASCII.GetBytes("Op"), 0xB3, .. Encoding.ASCII.GetBytes("ata wynosi 500 z"), 0xB3, (byte)'.'], "is not valid UTF-8 text"),
            "txt-windows-1252" => new("legacy.txt",
                [.. Encoding.ASCII.GetBytes("The fee is 500 "), 0x80, (byte)' ', 0x96, .. Encoding.ASCII.GetBytes(" payable "), 0x93, .. Encoding.ASCII.GetBytes("on demand"), 0x94, (byte)'.'],
                "The fee is 500 \u20AC \u2013 payable \u201Con demand\u201D."),
            "txt-60-megabytes" => new("big.txt", Encoding.UTF8.GetBytes(HostileFiles.Repeat("1. The Supplier shall deliver the Goods on time and in full.\n", 1_000_000)), "in full."),
            "html-deep-but-allowed" => new("deep.html", HostileFiles.NestedHtml("<div>", 200), "The Supplier shall deliver."),
            "html-sloppy-paragraphs" => new("sloppy.html", Encoding.UTF8.GetBytes(HostileFiles.Repeat("<p>Clause <ul><li>item <li>item</ul>", 5_000)), "Clause"),
            "html-same-bold-every-paragraph" => new("bold-headings.html", Encoding.UTF8.GetBytes(HostileFiles.Repeat("<p><b>Heading.</p>", 5_000)), "Heading."),
            "md-deep-but-allowed" => new("deep.md", HostileFiles.IndentedMarkdownList(40), "item"),
            "docx-deep-but-allowed" => new("deep.docx", HostileFiles.NestedDocx("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 100, Paragraph, inParagraph: false), "The Supplier shall deliver."),
            "pdf-plain" => new("plain.pdf", HostileFiles.TextPdf("The Supplier shall deliver."), "The Supplier shall deliver."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such hostile file"),
        };
    }

    private static byte[] Truncated(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes[..(bytes.Length / 2)];
    }

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    private sealed record HostileFile(string Name, byte[] Bytes, string? Expected);
}
