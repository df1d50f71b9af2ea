using System.Text;
using Tandem.Documents;
using Tandem.Tests.Fixtures;
using UglyToad.PdfPig;

namespace Tandem.Tests.Documents;

public sealed class PdfReaderTests : IDisposable
{
    private readonly string directory = DocumentFixtures.CreateTempDirectory();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task ReadTextAsync_GeneratedPdf_LinesInOrder()
    {
        var path = DocumentFixtures.CreatePdf(Path.Combine(directory, "nda.pdf"), [
            "# MUTUAL NON-DISCLOSURE AGREEMENT",
            "1. Definitions",
            "\u201CConfidential Information\u201D means all non-public information \u2013 in any form.",
            string.Empty,
            "2. Term",
        ]);

        var text = await ReadAsync(path);

        Assert.Equal(
            [
                "MUTUAL NON-DISCLOSURE AGREEMENT",
                "1. Definitions",
                "\u201CConfidential Information\u201D means all non-public information \u2013 in any form.",
                "2. Term",
            ],
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ReadTextAsync_LongDocument_SeveralPagesInOrderSeparatedByBlankLine()
    {
        var lines = Enumerable.Range(1, 120).Select(i => $"Clause {i}. The Supplier shall perform obligation number {i}.").ToList();
        var path = DocumentFixtures.CreatePdf(Path.Combine(directory, "long.pdf"), lines);
        int pages;
        using (var pdf = PdfDocument.Open(path))
        {
            pages = pdf.NumberOfPages;
        }

        var text = await ReadAsync(path);

        Assert.True(pages > 1, $"expected several pages, got {pages}");
        var nonEmpty = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, nonEmpty);
        Assert.True(text.Split("\n\n").Length >= pages, "pages are separated by a blank line");
    }

    [Fact]
    public async Task ReadTextAsync_LongLine_WrappedWithoutLosingWords()
    {
        var sentence = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var path = DocumentFixtures.CreatePdf(Path.Combine(directory, "wrapped.pdf"), [sentence]);

        var text = await ReadAsync(path);

        Assert.Contains('\n', text);
        Assert.Equal(sentence, text.Replace('\n', ' '));
    }

    [Fact]
    public async Task ReadTextAsync_ImageOnlyPdf_ThrowsNoTextLayer()
    {
        var path = DocumentFixtures.CreateImageOnlyPdf(Path.Combine(directory, "scan.pdf"));

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(path));

        Assert.Equal("scan.pdf has no text layer (scanned image?)", ex.Message);
        Assert.Contains("ocrmypdf", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_PasswordProtected_ThrowsEncrypted()
    {
        var path = DocumentFixtures.CreatePasswordProtectedPdf(Path.Combine(directory, "locked.pdf"));

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(path));

        Assert.Equal("locked.pdf is encrypted and needs a password", ex.Message);
        Assert.Contains("unprotected copy", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_RandomBytes_ThrowsNotReadablePdf()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadBytesAsync(bytes));

        Assert.StartsWith("broken.pdf is not a readable PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_TruncatedPdf_ThrowsNotReadablePdf()
    {
        var path = DocumentFixtures.CreatePdf(Path.Combine(directory, "whole.pdf"), ["Some text that will be cut off."]);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadBytesAsync(bytes[..(bytes.Length / 3)]));

        Assert.StartsWith("broken.pdf is not a readable PDF (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_HeaderOnlyGarbage_ThrowsNotReadablePdf()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a pdf\n%%EOF\n");

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadBytesAsync(bytes));

        Assert.StartsWith("broken.pdf is not a readable PDF (", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private static async Task<string> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var raw = await new PdfReader().ReadTextAsync(stream, Path.GetFileName(path), TestContext.Current.CancellationToken);
        return TextNormalizer.Normalize(raw);
    }

    private static async Task<string> ReadBytesAsync(byte[] bytes)
    {
        await using var stream = new MemoryStream(bytes);
        return await new PdfReader().ReadTextAsync(stream, "broken.pdf", TestContext.Current.CancellationToken);
    }
}
