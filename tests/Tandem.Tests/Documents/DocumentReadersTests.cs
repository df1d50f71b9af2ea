using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Tandem.Documents;
using Tandem.Tests.Fixtures;

namespace Tandem.Tests.Documents;

public sealed class DocumentReadersTests : IDisposable
{
    private readonly string directory = DocumentFixtures.CreateTempDirectory();
    private readonly DocumentReaders readers = DocumentReaders.CreateDefault();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    public static TheoryData<string, string> Formats => new()
    {
        { ".txt", "text/plain" },
        { ".md", "text/markdown" },
        { ".markdown", "text/markdown" },
        { ".html", "text/html" },
        { ".htm", "text/html" },
        { ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { ".pdf", "application/pdf" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadFileAsync_EachFormat_ReturnsNormalisedDocument(string extension, string mediaType)
    {
        var path = Path.Combine(directory, "Supply Agreement" + extension);
        string[] paragraphs = ["SUPPLY AGREEMENT", "1. The Supplier shall deliver the Goods.", "2. The Buyer shall pay the Price."];
        switch (extension)
        {
            case ".txt":
                DocumentFixtures.CreateText(path, "\uFEFF" + string.Join("\r\n\r\n\r\n", paragraphs) + "  \r\n");
                break;
            case ".md" or ".markdown":
                DocumentFixtures.CreateMarkdown(path, $"# {paragraphs[0]}\n\n{paragraphs[1]}\n{paragraphs[2]}\n");
                break;
            case ".html" or ".htm":
                DocumentFixtures.CreateHtml(path, $"<h1>{paragraphs[0]}</h1><ol><li>The Supplier shall deliver the Goods.</li><li>The Buyer shall pay the Price.</li></ol>");
                break;
            case ".docx":
                DocumentFixtures.CreateDocx(path, paragraphs);
                break;
            case ".pdf":
                DocumentFixtures.CreatePdf(path, paragraphs);
                break;
        }

        var document = await readers.ReadFileAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(Path.GetFullPath(path), document.Source);
        Assert.Equal("Supply Agreement", document.Title);
        Assert.Equal(mediaType, document.MediaType);
        Assert.Equal(new FileInfo(path).Length, document.ByteSize);
        Assert.Equal(TextNormalizer.Normalize(document.Text), document.Text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text))), document.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", document.ContentHash);
        var lines = document.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paragraphs, lines);
    }

    [Fact]
    public async Task ReadFileAsync_SameTextDifferentFormats_SameContentHash()
    {
        var text = DocumentFixtures.CreateText(Path.Combine(directory, "a.txt"), "Clause one.\n\nClause two.");
        var docx = DocumentFixtures.CreateDocx(Path.Combine(directory, "a.docx"), ["Clause one.", "Clause two."]);

        var fromText = await readers.ReadFileAsync(text, TestContext.Current.CancellationToken);
        var fromDocx = await readers.ReadFileAsync(docx, TestContext.Current.CancellationToken);

        Assert.Equal(fromText.ContentHash, fromDocx.ContentHash);
    }

    [Fact]
    public async Task ReadFileAsync_RelativePath_SourceIsFullPath()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "relative.txt"), "text");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

        var document = await readers.ReadFileAsync(relative, TestContext.Current.CancellationToken);

        Assert.Equal(path, document.Source);
    }

    [Fact]
    public async Task ReadFileAsync_UnsupportedExtension_ThrowsListingSupportedTypes()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "sheet.xlsx"), "a,b");

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("sheet.xlsx has an unsupported file type (.xlsx)", ex.Message);
        Assert.Equal("supported types are .docx, .htm, .html, .markdown, .md, .pdf, .txt; convert it to one of them", ex.Hint);
    }

    [Fact]
    public async Task ReadFileAsync_NoExtension_ThrowsNoFileExtension()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "README"), "text");

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("README has no file extension", ex.Message);
    }

    [Fact]
    public async Task ReadFileAsync_EmptyFile_ThrowsIsEmpty()
    {
        var path = Path.Combine(directory, "blank.docx");
        await File.WriteAllBytesAsync(path, [], TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("blank.docx is empty", ex.Message);
    }

    [Fact]
    public async Task ReadFileAsync_OnlyWhitespaceText_ThrowsContainsNoText()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "spaces.txt"), " \r\n\t\u00A0\u200B\n");

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("spaces.txt contains no text", ex.Message);
    }

    [Fact]
    public async Task ReadFileAsync_DocxWithEmptyBody_ThrowsContainsNoText()
    {
        var path = DocumentFixtures.CreateDocx(Path.Combine(directory, "hollow.docx"), []);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("hollow.docx contains no text", ex.Message);
    }

    [Fact]
    public async Task ReadFileAsync_TwoHundredMegabyteFile_RejectedWithoutReading()
    {
        var path = Path.Combine(directory, "huge.txt");
        await using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        var counting = new CountingReader();
        var registry = new DocumentReaders([counting]);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => registry.ReadFileAsync(path, TestContext.Current.CancellationToken));
        var fromDefault = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("huge.txt is too large (200 MB; the limit is 64 MB)", ex.Message);
        Assert.Equal(ex.Message, fromDefault.Message);
        Assert.Equal(0, counting.Calls);
    }

    [Fact]
    public async Task ReadFileAsync_JustOverCustomLimit_ThrowsNamingSizeAndLimit()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "small.txt"), new string('x', (1024 * 1024) + 1));
        var registry = new DocumentReaders([new PlainTextReader()], new DocumentLimits { MaxFileBytes = 1024 * 1024 });

        var ex = await Assert.ThrowsAsync<DocumentException>(() => registry.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("small.txt is too large (1.1 MB; the limit is 1 MB)", ex.Message);
    }

    [Fact]
    public async Task ReadFileAsync_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(directory, "nowhere", "missing.pdf");

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal($"file not found: {path}", ex.Message);
        Assert.Equal("check the path", ex.Hint);
    }

    [Fact]
    public async Task ReadFileAsync_Directory_ThrowsSuggestingSync()
    {
        var path = Directory.CreateDirectory(Path.Combine(directory, "contracts.docx")).FullName;

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal($"{path} is a directory, not a file", ex.Message);
        Assert.Contains("tandem sync", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_CorruptDocxRandomBytes_ThrowsNotReadableDocx()
    {
        var path = Path.Combine(directory, "corrupt.docx");
        await File.WriteAllBytesAsync(path, RandomBytes(8192, seed: 11), TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.StartsWith("corrupt.docx is not a readable .docx (", ex.Message, StringComparison.Ordinal);
        Assert.Contains("re-save it in Word", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_ZipNamedDocx_ThrowsNotReadableDocx()
    {
        var path = Path.Combine(directory, "archive.docx");
        await using (var file = File.Create(path))
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
        {
            await using var entry = archive.CreateEntry("data.csv").Open();
            await entry.WriteAsync("a,b\n1,2\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.StartsWith("archive.docx is not a readable .docx (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_CorruptPdf_ThrowsNotReadablePdf()
    {
        var path = Path.Combine(directory, "corrupt.pdf");
        await File.WriteAllBytesAsync(path, [.. "%PDF-1.4\n"u8, .. RandomBytes(4096, seed: 5)], TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.StartsWith("corrupt.pdf is not a readable PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_BinaryJunkNamedTxt_ThrowsLooksBinary()
    {
        var path = Path.Combine(directory, "photo.txt");
        await File.WriteAllBytesAsync(path, RandomBytes(16384, seed: 1), TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("photo.txt looks like a binary file, not text", ex.Message);
    }

    [Fact]
    public async Task ReadFileAsync_Latin1Text_ReadAsWindows1252()
    {
        var path = Path.Combine(directory, "legacy.txt");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale \u00A7 1"), TestContext.Current.CancellationToken);

        var document = await readers.ReadFileAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale \u00A7 1", document.Text);
    }

    [Fact]
    public async Task ReadFileAsync_MixedUtf8AndWindows1252_ThrowsNotUtf8WithResaveHint()
    {
        var path = Path.Combine(directory, "mixed.txt");
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Soci\u00E9t\u00E9 "), .. Encoding.Latin1.GetBytes("G\u00E9n\u00E9rale")];
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("mixed.txt is not valid UTF-8 text (invalid byte at offset 11)", ex.Message);
        Assert.Equal("it mixes UTF-8 with another encoding; open it in an editor and save it again as UTF-8", ex.Hint);
    }

    [Fact]
    public async Task ReadFileAsync_ReaderFailsUnexpectedly_WrapsNamingFileAndFormat()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "odd.txt"), "text");
        var registry = new DocumentReaders([new ThrowingReader(new InvalidOperationException("bad state\nsecond line"))]);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => registry.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("odd.txt could not be read as .txt (InvalidOperationException: bad state second line)", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public async Task ReadFileAsync_Cancelled_ThrowsOperationCanceled()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "slow.txt"), "text");
        var registry = new DocumentReaders([new ThrowingReader(new OperationCanceledException())]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registry.ReadFileAsync(path, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("a.DOCX", true)]
    [InlineData("dir/b.pdf", true)]
    [InlineData("c.markdown", true)]
    [InlineData("d.doc", false)]
    [InlineData("e", false)]
    [InlineData("", false)]
    public void IsSupported_ByExtension_CaseInsensitive(string path, bool expected)
    {
        var actual = readers.IsSupported(path);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SupportedExtensions_Default_AllFormatsSorted()
    {
        Assert.Equal([".docx", ".htm", ".html", ".markdown", ".md", ".pdf", ".txt"], readers.SupportedExtensions);
    }

    [Fact]
    public void Constructor_TwoReadersForOneExtension_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new DocumentReaders([new PlainTextReader(), new CountingReader()]));
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private sealed class CountingReader : IDocumentReader
    {
        public int Calls { get; private set; }

        public IReadOnlyList<string> Extensions { get; } = [".txt"];

        public string MediaType => "text/plain";

        public Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult("text");
        }
    }

    private sealed class ThrowingReader(Exception exception) : IDocumentReader
    {
        public IReadOnlyList<string> Extensions { get; } = [".txt"];

        public string MediaType => "text/plain";

        public Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
            Task.FromException<string>(exception);
    }
}
