using System.Text;

namespace Tandem.Documents;

/// <summary>
/// Windows-1252, the code page Western European text saved "as ANSI" on Windows is in. Not ISO
/// Latin-1: 0x80–0x9F hold € ‚ „ … – — ‘ ’ “ ” and the like, which Latin-1 reads as invisible
/// control characters (so <c>iconv -f latin1</c> silently drops them).
/// </summary>
internal static class Windows1252
{
    // 0x80–0x9F; the five bytes Windows-1252 leaves undefined map to '\0' here.
    private const string HighControlRange =
        "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0" +
        "\0‘’“”•–—˜™š›œ\0žŸ";

    // Marks that may stand inside a word: apostrophes, dashes, the Catalan middle dot, the soft hyphen.
    private const string WordInternalMarks = "’‘–—·\u00AD";

    /// <summary>The character <paramref name="b"/> stands for, or '\0' for the five undefined bytes.</summary>
    public static char ToChar(byte b) => b is >= 0x80 and <= 0x9F ? HighControlRange[b - 0x80] : (char)b;

    /// <summary>Decodes every byte with <see cref="ToChar"/>; call only after <see cref="IsLikely"/>.</summary>
    public static string GetString(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ToChar(source[i]);
            }
        });

    /// <summary>
    /// Whether bytes that are not UTF-8 are Windows-1252 text. The rule, each part cheap and explainable:
    /// no byte is one Windows-1252 leaves undefined; no run of bytes is a well-formed UTF-8 character
    /// (that would be a file mixing two encodings); at most a third of the letters are non-ASCII
    /// (Cyrillic, Greek or Hebrew code pages are mostly high bytes, Western languages a few percent);
    /// and no high byte that reads as a symbol sits between two letters, except apostrophes, dashes
    /// and the middle dot (Central European code pages put letters where Windows-1252 has symbols,
    /// so "usług" in Windows-1250 would read "us³ug").
    /// </summary>
    public static bool IsLikely(ReadOnlySpan<byte> bytes)
    {
        if (ContainsUtf8Sequence(bytes))
        {
            return false;
        }

        long letters = 0, highLetters = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var c = ToChar(bytes[i]);
            if (c == '\0' && bytes[i] != 0)
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
                if (bytes[i] >= 0x80)
                {
                    highLetters++;
                }
            }
            else if (bytes[i] >= 0x80 && !WordInternalMarks.Contains(c, StringComparison.Ordinal)
                && i > 0 && i + 1 < bytes.Length && char.IsLetter(ToChar(bytes[i - 1])) && char.IsLetter(ToChar(bytes[i + 1])))
            {
                return false;
            }
        }

        return highLetters * 3 <= letters;
    }

    /// <summary>Whether some bytes form a well-formed multi-byte UTF-8 character.</summary>
    public static bool ContainsUtf8Sequence(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0xC2 && Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == System.Buffers.OperationStatus.Done && consumed > 1)
            {
                return true;
            }
        }

        return false;
    }
}
