using System.Text;
using Tandem.Documents;

namespace Tandem.Tests.Documents;

/// <summary>
/// Text that is not UTF-8 is read as Windows-1252 only when it looks like it, and then exactly as
/// Windows itself decodes it: the € – “ ” that "iconv -f latin1" would drop survive.
/// </summary>
public sealed class Windows1252Tests
{
    private static readonly Encoding Windows1252 = CodePages().GetEncoding(1252)!;

    [Fact]
    public async Task ReadTextAsync_Windows1252Punctuation_DecodedNotDropped()
    {
        const string Text = "The fee is 500 \u20AC \u2013 payable \u201Con demand\u201D to Soci\u00E9t\u00E9 G\u00E9n\u00E9rale\u2019s account \u2026";

        var read = await ReadAsync(Windows1252.GetBytes(Text));

        Assert.Equal(Text, read);
    }

    [Fact]
    public async Task ReadTextAsync_EveryDefinedHighByte_DecodedAsWindowsDoes()
    {
        // Each high byte stands between spaces among plain words, so the decision rule accepts the text.
        var bytes = new List<byte>();
        for (var b = 0x80; b <= 0xFF; b++)
        {
            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
            {
                continue;
            }

            bytes.AddRange(Encoding.ASCII.GetBytes("clause "));
            bytes.Add((byte)b);
            bytes.AddRange(Encoding.ASCII.GetBytes(" text\n"));
        }

        var read = await ReadAsync([.. bytes]);

        Assert.Equal(Windows1252.GetString([.. bytes]), read);
    }

    [Theory]
    [InlineData(1250, "Umowa o \u015Bwiadczenie us\u0142ug: op\u0142ata wynosi 500 z\u0142.")]
    [InlineData(1251, "\u0414\u043E\u0433\u043E\u0432\u043E\u0440 \u043F\u043E\u0441\u0442\u0430\u0432\u043A\u0438 \u0442\u043E\u0432\u0430\u0440\u043E\u0432.")]
    [InlineData(1253, "\u03A3\u03CD\u03BC\u03B2\u03B1\u03C3\u03B7 \u03C0\u03C1\u03BF\u03BC\u03AE\u03B8\u03B5\u03B9\u03B1\u03C2.")]
    public async Task ReadTextAsync_OtherCodePage_RefusedNotMisread(int codePage, string text)
    {
        var bytes = CodePages().GetEncoding(codePage)!.GetBytes(text);

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.StartsWith("contract.txt is not valid UTF-8 text (invalid byte at offset ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("iconv -f windows-1250 -t utf-8", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_Utf8BomThenWindows1252Bytes_Refused()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Windows1252.GetBytes("500 \u20AC")];

        var ex = await Assert.ThrowsAsync<DocumentException>(() => ReadAsync(bytes));

        Assert.Equal("contract.txt is not valid UTF-8 text (invalid byte at offset 7)", ex.Message);
    }

    [Fact]
    public async Task ReadTextAsync_FinalLetterIsLeadByte_ReadAsWindows1252()
    {
        var read = await ReadAsync(Windows1252.GetBytes("Le contrat est sign\u00E9"));

        Assert.Equal("Le contrat est sign\u00E9", read);
    }

    private static EncodingProvider CodePages() => CodePagesEncodingProvider.Instance;

    private static async Task<string> ReadAsync(byte[] bytes)
    {
        await using var stream = new MemoryStream(bytes);
        return await new PlainTextReader().ReadTextAsync(stream, "contract.txt", TestContext.Current.CancellationToken);
    }
}
