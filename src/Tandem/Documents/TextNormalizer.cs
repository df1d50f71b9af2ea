using System.Globalization;
using System.Text;

namespace Tandem.Documents;

/// <summary>
/// Puts extracted text into the one canonical form every clause offset and content hash refers to:
/// NFC, LF line ends, single spaces for every kind of space, no invisible or control characters,
/// no trailing spaces, at most one blank line in a row and no blank lines at either end.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The words of a text joined by single spaces: compares texts whose line breaks and spacing differ.</summary>
    public static string CollapseWhitespace(string text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Normalises <paramref name="text"/>; see the type remarks for the rules.</summary>
    /// <param name="text">Text as a reader extracted it.</param>
    /// <returns>The normalised text, without a trailing newline.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var builder = new StringBuilder(text.Length);
        var pendingNewlines = 0;
        var pendingSpaces = 0;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (Classify(c))
            {
                case CharKind.Content:
                    if (char.IsSurrogate(c))
                    {
                        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        {
                            Flush(builder, ref pendingNewlines, ref pendingSpaces);
                            builder.Append(c).Append(text[++i]);
                            continue;
                        }

                        // A lone surrogate is not text; keep a visible trace of it.
                        c = '\uFFFD';
                    }

                    Flush(builder, ref pendingNewlines, ref pendingSpaces);
                    builder.Append(c);
                    break;
                case CharKind.Space:
                    pendingSpaces++;
                    break;
                case CharKind.Newline:
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    // Trailing spaces of a line are dropped simply by never being flushed.
                    pendingSpaces = 0;
                    pendingNewlines++;
                    break;
                case CharKind.Removed:
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void Flush(StringBuilder builder, ref int pendingNewlines, ref int pendingSpaces)
    {
        if (pendingNewlines > 0)
        {
            // Nothing before the first content line: leading blank lines disappear.
            if (builder.Length > 0)
            {
                builder.Append('\n', Math.Min(pendingNewlines, 2));
            }

            pendingNewlines = 0;
        }

        if (pendingSpaces > 0)
        {
            builder.Append(' ', pendingSpaces);
            pendingSpaces = 0;
        }
    }

    private static CharKind Classify(char c)
    {
        if (c >= ' ' && c < '\u007F')
        {
            return c == ' ' ? CharKind.Space : CharKind.Content;
        }

        switch (c)
        {
            case '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029':
                // Form feeds (page breaks in extracted text) and Unicode line separators end a line
                // rather than vanish, so the words on either side stay apart.
                return CharKind.Newline;
            case '\t':
                return CharKind.Space;
            case < ' ' or (>= '\u007F' and <= '\u009F'):
                return CharKind.Removed;
            case '\u00AD' or '\u061C' or '\u180E' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E')
                or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u206F') or '\uFEFF':
                // Soft hyphen, zero-width characters, direction marks and the BOM are invisible.
                return CharKind.Removed;
            case < '\u00A0':
                return CharKind.Content;
            default:
                return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator
                    ? CharKind.Space
                    : CharKind.Content;
        }
    }

    private enum CharKind
    {
        Content,
        Space,
        Newline,
        Removed,
    }
}
