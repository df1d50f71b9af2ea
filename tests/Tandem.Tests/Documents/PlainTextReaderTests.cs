using System.Text;
using Tandem.Documents;

namespace Tandem.Tests.Documents;

public sealed class PlainTextReaderTests
{
    private readonly PlainTextReader reader = new();

    [Fact]
    public async Task ReadTextAsync_Utf8_ReturnsText()
    {
        var bytes = Encoding.UTF8.GetBytes("\u201CSupplier\u201D means Acme \u2013 S.A.R.L. (\u00A7 1)");

        var text = await ReadAsync(bytes);

        Assert.Equal("\u201CSupplier\u201D means Acme \u2013 S.A.R.L. (\u00A7 1)", text);
    }

    [Fact]
    public async Task ReadTextAsync_Utf8WithBom_DropsBom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Clause 1")];

        var text = await ReadAsync(bytes);

        Assert.Equal("Clause 1", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadTextAsync_Utf16WithBom_Decodes(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("Caf\u00E9 \u2013 \u00A7 2\r\n")];

        var text = await ReadAsync(bytes);

        Assert.Equal("Caf\u00E9 \u2013 \u00A7 2\r\n", text);
    }

    [Fact]
    public async Task ReadTextAsync_Latin1WithoutControlRange_ReadAsWindows1252()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00E9 au lait");

        var text = await ReadAsync(bytes);

        Assert.Equal("Caf\u00E9 au lait", text);
    }

    [Fact]
    public async Task ReadTextAsync_UndefinedWindows1252Byte_ThrowsNotUtf8WithOffsetAndCodePageHint()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Caf"), 0x81, .. Encoding.ASCII.GetBytes(" au lait")];

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.Equal("old.txt is not valid UTF-8 text (invalid byte at offset 3)", ex.Message);
        Assert.Contains("iconv -f windows-1250 -t utf-8", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_InvalidByteAfterBom_ReportsOffsetInFile()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'a', (byte)'b', 0xFF];

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.Contains("invalid byte at offset 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_TruncatedUtf8Sequence_Throws()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("ends with "), 0xE2, 0x80];

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.Equal("old.txt is not valid UTF-8 text (it ends in the middle of a character, at offset 10)", ex.Message);
    }

    [Fact]
    public async Task ReadTextAsync_BytesWithNul_ThrowsLooksBinary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[100] = 0;

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.Contains("looks like a binary file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_ManyControlCharactersWithoutNul_ThrowsLooksBinary()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.Contains("looks like a binary file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_FewStrayControlCharacters_IsText()
    {
        var bytes = Encoding.UTF8.GetBytes("page one\fpage two\u0001 with one stray control character in a long enough line");

        var text = await ReadAsync(bytes);

        Assert.StartsWith("page one\fpage two", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_Utf16WithUnpairedSurrogate_ThrowsNotValidUtf16()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0];

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.Contains("not valid UTF-16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_NonSeekableStream_ReadsEverything()
    {
        var content = string.Concat(Enumerable.Repeat("0123456789", 50_000));
        await using var stream = new NonSeekableStream(Encoding.UTF8.GetBytes(content));

        var text = await reader.ReadTextAsync(stream, "big.txt", TestContext.Current.CancellationToken);

        Assert.Equal(content, text);
    }

    private async Task<string> ReadAsync(byte[] bytes)
    {
        await using var stream = new MemoryStream(bytes);
        return await reader.ReadTextAsync(stream, "old.txt", TestContext.Current.CancellationToken);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
