using System.Globalization;
using System.Text;

namespace Tandem.Cli;

/// <summary>
/// A plain-text table in rounded box characters, fitted to a width: the widest wrapping columns give
/// way first and their cells wrap at spaces. The report's findings table is drawn with it rather than
/// with the console library's layout engine, which cost <c>analyze</c> about 120 ms (its first table
/// and console) of a one-second start. Cells are plain text: nothing in them is interpreted.
/// </summary>
internal sealed class TextTable
{
    /// <summary>The narrowest a wrapping column is made before the table is left wider than asked.</summary>
    private const int MinWrapWidth = 8;

    private readonly List<ColumnSpec> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>A column; <paramref name="wraps"/> lets its cells wrap when the table must narrow.</summary>
    public TextTable Column(string header, bool rightAligned = false, bool wraps = false)
    {
        if (_rows.Count > 0)
        {
            throw new InvalidOperationException("columns come before rows");
        }

        _columns.Add(new ColumnSpec(header, rightAligned, wraps));
        return this;
    }

    public TextTable Row(params string[] cells)
    {
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"a row needs {_columns.Count} cells, not {cells.Length}", nameof(cells));
        }

        // A line break or tab inside a cell would break the box: each control character becomes a space.
        _rows.Add(cells.Select(c => new string([.. c.Select(ch => char.IsControl(ch) ? ' ' : ch)])).ToArray());
        return this;
    }

    /// <summary>Writes the table, at most <paramref name="width"/> columns wide where its fixed columns allow, under a centred <paramref name="title"/>.</summary>
    public void Write(TextWriter output, int width, string? title = null)
    {
        var widths = Widths(width);
        var total = widths.Sum() + (3 * widths.Length) + 1;
        if (title is not null)
        {
            var pad = Math.Max(0, (total - DisplayWidth(title)) / 2);
            output.WriteLine(new string(' ', pad) + title);
        }

        output.WriteLine(Rule('╭', '┬', '╮', widths));
        WriteRow(output, _columns.Select(c => c.Header).ToArray(), widths);
        output.WriteLine(Rule('├', '┼', '┤', widths));
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths);
        }

        output.WriteLine(Rule('╰', '┴', '╯', widths));
    }

    /// <summary>Each column's natural width; while the table is too wide, the widest wrapping column narrows by one.</summary>
    private int[] Widths(int width)
    {
        var widths = _columns.Select((c, i) => _rows.Select(r => DisplayWidth(r[i])).Append(DisplayWidth(c.Header)).Max()).ToArray();
        var room = width - ((3 * widths.Length) + 1);
        while (widths.Sum() > room)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (_columns[i].Wraps && widths[i] > Math.Max(MinWrapWidth, DisplayWidth(_columns[i].Header)) && (widest < 0 || widths[i] > widths[widest]))
                {
                    widest = i;
                }
            }

            if (widest < 0)
            {
                break;
            }

            widths[widest]--;
        }

        return widths;
    }

    private void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var lines = cells.Select((cell, i) => Wrap(cell, widths[i])).ToArray();
        var height = lines.Max(l => l.Count);
        var line = new StringBuilder();
        for (var y = 0; y < height; y++)
        {
            line.Clear().Append('│');
            for (var i = 0; i < cells.Length; i++)
            {
                var text = y < lines[i].Count ? lines[i][y] : string.Empty;
                var gap = new string(' ', Math.Max(0, widths[i] - DisplayWidth(text)));
                line.Append(' ').Append(_columns[i].RightAligned ? gap + text : text + gap).Append(" │");
            }

            output.WriteLine(line.ToString());
        }
    }

    private static string Rule(char left, char middle, char right, int[] widths) =>
        left + string.Join(middle, widths.Select(w => new string('─', w + 2))) + right;

    /// <summary>The cell in lines of at most <paramref name="width"/>, broken at spaces (a longer word is cut).</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var wordWidth = DisplayWidth(rest);
                var needed = lineWidth == 0 ? wordWidth : lineWidth + 1 + wordWidth;
                if (needed <= width)
                {
                    if (lineWidth > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(rest);
                    lineWidth = needed;
                    break;
                }

                if (lineWidth > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                    continue;
                }

                // A word longer than the column: as much of it as fits, then the rest on the next line.
                var cut = Prefix(rest, width);
                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }
        }

        if (lineWidth > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>How many chars of <paramref name="text"/> fill at most <paramref name="width"/> columns (at least one text element).</summary>
    private static int Prefix(string text, int width)
    {
        var used = 0;
        var chars = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var elementWidth = DisplayWidth(element);
            if (chars > 0 && used + elementWidth > width)
            {
                break;
            }

            used += elementWidth;
            chars += element.Length;
        }

        return chars;
    }

    /// <summary>The columns <paramref name="text"/> takes in a terminal: wide East Asian characters two, combining marks none.</summary>
    internal static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control => 0,
                _ => IsWide(rune.Value) ? 2 : 1,
            };
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD);

    private sealed record ColumnSpec(string Header, bool RightAligned, bool Wraps);
}
