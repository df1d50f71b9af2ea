using System.Text;
using System.Text.Unicode;

namespace Tandem.Documents;

/// <summary>
/// Turns the bytes of a text-based file (.txt, .md, .html) into a string, strictly: UTF-8 with or
/// without a BOM, UTF-16 with a BOM, or Windows-1252 when the bytes are not UTF-8 and pass
/// <see cref="Windows1252.IsLikely"/>. Anything else is refused with a message that says why,
/// because a silently mis-decoded contract produces quotes that cannot be verified later.
/// </summary>
internal static class TextDecoding
{
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    /// <summary>Reads the whole stream and decodes it; see <see cref="Decode"/>.</summary>
    public static async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllBytesAsync(content, cancellationToken).ConfigureAwait(false);
        return Decode(bytes, fileName);
    }

    /// <summary>Reads a stream to its end; the registry has already bounded its size.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining <= Array.MaxLength)
            {
                var buffer = new byte[remaining];
                await content.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
                return buffer;
            }
        }

        using var memory = new MemoryStream();
        await content.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
        return memory.ToArray();
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> as UTF-8 (an optional BOM is skipped), as UTF-16 when it
    /// starts with a UTF-16 BOM, or as Windows-1252 when it has no BOM, is not UTF-8 and looks like
    /// Windows-1252. Throws <see cref="DocumentException"/> for binary content and anything else.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith(Utf16LittleEndianBom))
        {
            return DecodeUtf16(bytes[2..], StrictUtf16LittleEndian, fileName);
        }

        if (bytes.StartsWith(Utf16BigEndianBom))
        {
            return DecodeUtf16(bytes[2..], StrictUtf16BigEndian, fileName);
        }

        var bomLength = bytes.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        bytes = bytes[bomLength..];

        // Binary first: a JPEG renamed to .txt is "binary", not "invalid UTF-8 at offset 0".
        if (LooksBinary(bytes))
        {
            throw Binary(fileName);
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // UTF-8 up to a character cut off at the very end, after its lead byte and at least one
        // continuation byte: a truncated file, not another code page. (A lone final lead byte may
        // well be a Windows-1252 letter: "signé" ends in 0xE9.)
        var invalidAt = InvalidUtf8Offset(bytes);
        if (bytes.Length - invalidAt >= 2 && Rune.DecodeFromUtf8(bytes[invalidAt..], out _, out _) == System.Buffers.OperationStatus.NeedMoreData)
        {
            throw new DocumentException(
                $"{fileName} is not valid UTF-8 text (it ends in the middle of a character, at offset {bomLength + invalidAt})",
                "it may have been cut short; check that it was saved or copied completely");
        }

        // A UTF-8 BOM is a promise of UTF-8; only a file that makes none may be another code page.
        if (bomLength == 0 && Windows1252.IsLikely(bytes))
        {
            return Windows1252.GetString(bytes);
        }

        throw new DocumentException(
            $"{fileName} is not valid UTF-8 text (invalid byte at offset {bomLength + invalidAt})",
            Windows1252.ContainsUtf8Sequence(bytes)
                ? "it mixes UTF-8 with another encoding; open it in an editor and save it again as UTF-8"
                : "convert it to UTF-8 from the code page it was saved in, e.g. iconv -f windows-1250 -t utf-8 (Central European) or -f windows-1251 (Cyrillic)");
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, UnicodeEncoding encoding, string fileName)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentException(
                $"{fileName} is not valid UTF-16 text (it starts with a UTF-16 byte order mark)",
                "convert it to UTF-8, e.g. iconv -f utf-16 -t utf-8",
                ex);
        }

        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                throw Binary(fileName);
            }

            if (IsSuspiciousControl(c))
            {
                controls++;
            }
        }

        return IsTooManyControls(controls, text.Length) ? throw Binary(fileName) : text;
    }

    // NUL never occurs in UTF-8 text; other C0 controls (besides tab, line ends, form feed and
    // the odd DOS end-of-file mark) are rare enough that more than 5% of them means binary.
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return true;
        }

        var controls = 0;
        foreach (var b in bytes)
        {
            if (IsSuspiciousControl((char)b))
            {
                controls++;
            }
        }

        return IsTooManyControls(controls, bytes.Length);
    }

    private static bool IsSuspiciousControl(char c) =>
        c < ' ' && c is not ('\t' or '\n' or '\r' or '\f' or '\v' or '\u001A' or '\u001B') || c == '\u007F';

    private static bool IsTooManyControls(int controls, int length) => controls > 0 && controls * 20L > length;

    // Decoding rune by rune costs no copy of the text; this runs only once a file is known to be invalid.
    private static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    private static DocumentException Binary(string fileName) => new(
        $"{fileName} looks like a binary file, not text",
        "check that it is the document you meant; save text as UTF-8, and give Word or PDF files their own extension");
}
