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

        // Two passes, measuring then writing, so a 60 MB text costs one copy rather than a builder
        // and the string made from it; text that is already normal costs none.
        var measure = new Output(text, []);
        Transform(text, ref measure);
        var normal = measure.Unchanged
            ? text
            : string.Create(measure.Length, text, static (span, source) =>
            {
                var write = new Output(source, span);
                Transform(source, ref write);
            });
        return normal.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A file name fit to show and store as a title: control, line-breaking and invisible characters
    /// (which could move a terminal's cursor or hide a name's real ending) become '?'.
    /// </summary>
    public static string DisplayName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = Classify(c) is CharKind.Removed or CharKind.Newline || (c == '\t') ? '?' : c;
            }
        });
    }

    private static void Transform(string text, ref Output output)
    {
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
                            Flush(ref output, ref pendingNewlines, ref pendingSpaces);
                            output.Append(c);
                            output.Append(text[++i]);
                            continue;
                        }

                        // A lone surrogate is not text; keep a visible trace of it.
                        c = '\uFFFD';
                    }

                    Flush(ref output, ref pendingNewlines, ref pendingSpaces);
                    output.Append(c);
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

        output.End();
    }

    private static void Flush(ref Output output, ref int pendingNewlines, ref int pendingSpaces)
    {
        if (pendingNewlines > 0)
        {
            // Nothing before the first content line: leading blank lines disappear.
            if (output.Length > 0)
            {
                output.Append('\n', Math.Min(pendingNewlines, 2));
            }

            pendingNewlines = 0;
        }

        if (pendingSpaces > 0)
        {
            output.Append(' ', pendingSpaces);
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

    /// <summary>
    /// Where <see cref="Transform"/> writes: nowhere while measuring (it only counts, and notes
    /// whether the output would differ from the source), into the new string's span when writing.
    /// </summary>
    private ref struct Output(string source, Span<char> destination)
    {
        private readonly string source = source;
        private readonly Span<char> destination = destination;
        private readonly bool writing = !destination.IsEmpty;

        public int Length { get; private set; }

        /// <summary>Whether every character written so far equals the source at the same place.</summary>
        public bool Unchanged { get; private set; } = true;

        public void Append(char c)
        {
            if (writing)
            {
                destination[Length] = c;
            }
            else if (Unchanged && (Length >= source.Length || source[Length] != c))
            {
                Unchanged = false;
            }

            Length++;
        }

        public void Append(char c, int count)
        {
            for (var i = 0; i < count; i++)
            {
                Append(c);
            }
        }

        public void End() => Unchanged &= Length == source.Length;
    }
}
