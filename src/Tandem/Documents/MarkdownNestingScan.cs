namespace Tandem.Documents;

/// <summary>
/// Estimates, line by line and before Markdig parses anything, how deeply Markdown lists and block
/// quotes nest and how many elements the text has. Markdig refuses trees deeper than 128 levels
/// itself, but only after work that grows faster than the square of the depth (a 3,000-deep list
/// takes minutes to be refused), so depth past the limit is refused here in one linear pass.
/// A line's depth is the number of container markers it opens ('&gt;', '-', '+', '*', "1.", "a)")
/// plus half its indentation in columns, because each nested level is indented at least two
/// columns further; that is never much below Markdig's depth and only above it for odd indentation.
/// Elements are lines plus their markers, plus runs of inline marks (* _ ` ~) and [ &lt; &amp;.
/// </summary>
internal static class MarkdownNestingScan
{
    /// <summary>Throws <see cref="DocumentException"/> when <paramref name="markdown"/> nests too deeply or has too many elements.</summary>
    public static void Check(string markdown, string fileName, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        long elements = 0;
        var lineNumber = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if ((++lineNumber & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var depth = Depth(line, out var rest);
            if (depth > limits.MaxDepth)
            {
                throw limits.TooDeep(fileName, $"line {lineNumber}");
            }

            elements += 1 + depth + InlineMarks(rest);
            if (elements > limits.MaxElements)
            {
                throw limits.TooManyElements(fileName, "Markdown elements (lines, list and quote markers, inline marks)");
            }
        }
    }

    private static int Depth(ReadOnlySpan<char> line, out ReadOnlySpan<char> rest)
    {
        int markers = 0, columns = 0, i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                columns++;
                i++;
            }
            else if (c == '\t')
            {
                columns += 4 - (columns % 4);
                i++;
            }
            else if (c == '>')
            {
                markers++;
                i++;
            }
            else if (MarkerLength(line[i..]) is > 0 and var length)
            {
                markers++;
                i += length;
            }
            else
            {
                break;
            }
        }

        rest = line[i..];
        return markers + (columns / 2);
    }

    // A list marker followed by a space, a tab or the end of the line: "-", "+", "*", "12.", "3)", "a.".
    private static int MarkerLength(ReadOnlySpan<char> text)
    {
        var length = text[0] is '-' or '+' or '*' ? 1 : 0;
        if (length == 0)
        {
            var digits = 0;
            while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            var letter = digits == 0 && char.IsAsciiLetter(text[0]) ? 1 : 0;
            var end = digits + letter;
            if (end == 0 || end >= text.Length || text[end] is not ('.' or ')'))
            {
                return 0;
            }

            length = end + 1;
        }

        return length == text.Length || text[length] is ' ' or '\t' ? length : 0;
    }

    private static long InlineMarks(ReadOnlySpan<char> text)
    {
        long marks = 0;
        var previous = '\0';
        foreach (var c in text)
        {
            if ((c is '*' or '_' or '`' or '~' && c != previous) || c is '[' or '<' or '&')
            {
                marks++;
            }

            previous = c;
        }

        return marks;
    }
}
