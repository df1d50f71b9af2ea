using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Tandem.Documents;

/// <summary>
/// Reads HTML as the text a browser would show: scripts, styles and the head dropped, block
/// elements on their own lines, ordered list items numbered ("1. ", "a. ", "iv. "), table rows
/// as "cell | cell", entities decoded. Nesting and element count are checked against the
/// <see cref="DocumentLimits"/> before parsing (<see cref="HtmlNestingScan"/>) and the parsed
/// tree's depth again exactly, so the recursive rendering below stays shallow.
/// </summary>
/// <param name="limits">Depth and element limits (default: <see cref="DocumentLimits.Default"/>).</param>
public sealed class HtmlReader(DocumentLimits? limits = null) : IDocumentReader
{
    private readonly DocumentLimits limits = limits ?? DocumentLimits.Default;

    private static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal)
    {
        "script", "style", "head", "template", "noscript", "title", "iframe", "object", "embed", "svg", "canvas", "select",
    };

    // Blocks that stand apart from their neighbours by a blank line.
    private static readonly HashSet<string> ParagraphElements = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "dl", "figure", "address", "hr",
    };

    // Blocks that only start and end a line.
    private static readonly HashSet<string> LineElements = new(StringComparer.Ordinal)
    {
        "div", "section", "article", "header", "footer", "main", "nav", "aside", "li", "dt", "dd", "figcaption",
        "caption", "form", "fieldset", "legend", "details", "summary", "tr", "thead", "tbody", "tfoot", "body", "html",
        "center", "option",
    };

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];

    /// <inheritdoc />
    public string MediaType => "text/html";

    /// <inheritdoc />
    public async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var html = await TextDecoding.ReadTextAsync(content, fileName, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        HtmlNestingScan.Check(html, fileName, limits, cancellationToken);
        var document = new HtmlParser().ParseDocument(html);

        // The async state machine would otherwise keep the source alive while the tree is rendered.
        html = string.Empty;
        if (document.DocumentElement is not { } root)
        {
            return string.Empty;
        }

        CheckDepth(root, fileName, cancellationToken);
        var renderer = new Renderer(cancellationToken);
        renderer.Visit(root);
        return renderer.ToString();
    }

    /// <summary>
    /// Formats a list number in one of HTML's list types: '1' decimal, 'a'/'A' letters
    /// (z is followed by aa, bb, ... as in Word), 'i'/'I' roman numerals.
    /// </summary>
    internal static string FormatListNumber(int value, char type)
    {
        switch (type)
        {
            case 'a' or 'A' when value > 0:
                var letter = (char)((type == 'a' ? 'a' : 'A') + ((value - 1) % 26));
                return new string(letter, ((value - 1) / 26) + 1);
            case 'i' or 'I' when value is > 0 and < 4000:
                var roman = new StringBuilder();
                ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
                string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
                for (var i = 0; i < values.Length; i++)
                {
                    for (; value >= values[i]; value -= values[i])
                    {
                        roman.Append(symbols[i]);
                    }
                }

                return type == 'i' ? roman.ToString().ToLowerInvariant() : roman.ToString();
            default:
                return value.ToString(CultureInfo.InvariantCulture);
        }
    }

    // The exact depth of the parsed tree, walked with an explicit stack; the scan before parsing
    // estimates it, this makes sure of it before the renderer recurses.
    private void CheckDepth(IElement root, string fileName, CancellationToken cancellationToken)
    {
        var pending = new Stack<(INode Node, int Depth)>();
        pending.Push((root, 1));
        var visited = 0;
        while (pending.TryPop(out var item))
        {
            if ((++visited & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (item.Depth > limits.MaxDepth)
            {
                throw limits.TooDeep(fileName, $"<{((IElement)item.Node).LocalName}> once parsed");
            }

            // Text and comments are leaves: only elements nest.
            foreach (var child in item.Node.ChildNodes)
            {
                if (child is IElement)
                {
                    pending.Push((child, item.Depth + 1));
                }
            }
        }
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || (element.GetAttribute("style") is { } style && style.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Contains("display:none", StringComparison.OrdinalIgnoreCase));

    private static int? IntAttribute(IElement element, string name) =>
        int.TryParse(element.GetAttribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class Renderer(CancellationToken cancellationToken)
    {
        private readonly StringBuilder output = new();
        private readonly Stack<ListState> lists = new();
        private bool atLineStart = true;
        private bool pendingSpace;
        private bool onlyMarkerOnLine;
        private int preDepth;
        private int visited;

        public override string ToString() => output.ToString();

        public void Visit(INode node)
        {
            if ((++visited & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (node is IText text)
            {
                if (preDepth > 0)
                {
                    AppendPreformatted(text.Data);
                }
                else
                {
                    AppendCollapsed(text.Data);
                }

                return;
            }

            if (node is not IElement element)
            {
                return;
            }

            var name = element.LocalName;
            if (SkippedElements.Contains(name) || IsHidden(element))
            {
                return;
            }

            switch (name)
            {
                case "br":
                    output.Append('\n');
                    atLineStart = true;
                    pendingSpace = false;
                    onlyMarkerOnLine = false;
                    return;
                case "tr":
                    WriteRow(element);
                    return;
                case "ol" or "ul":
                    WriteList(element);
                    return;
                case "li":
                    EndLine();
                    WriteMarker(element);
                    VisitChildren(element);
                    EndLine();
                    return;
                case "pre":
                    EndParagraph();
                    preDepth++;
                    VisitChildren(element);
                    preDepth--;
                    EndParagraph();
                    return;
            }

            if (ParagraphElements.Contains(name))
            {
                EndParagraph();
                VisitChildren(element);
                EndParagraph();
            }
            else if (LineElements.Contains(name))
            {
                EndLine();
                VisitChildren(element);
                EndLine();
            }
            else
            {
                VisitChildren(element);
            }
        }

        private void VisitChildren(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                Visit(child);
            }
        }

        private void WriteList(IElement list)
        {
            var ordered = list.LocalName == "ol";
            var reversed = ordered && list.HasAttribute("reversed");
            var type = list.GetAttribute("type") is { Length: 1 } t && "1aAiI".Contains(t[0], StringComparison.Ordinal) ? t[0] : '1';
            var start = IntAttribute(list, "start")
                ?? (reversed ? list.Children.Count(c => c.LocalName == "li") : 1);
            lists.Push(new ListState(ordered, type, reversed) { Next = start });

            EndLine();
            VisitChildren(list);
            lists.Pop();
            if (lists.Count == 0)
            {
                EndParagraph();
            }
            else
            {
                EndLine();
            }
        }

        private void WriteMarker(IElement item)
        {
            if (!lists.TryPeek(out var list) || !list.Ordered)
            {
                return;
            }

            if (IntAttribute(item, "value") is { } value)
            {
                list.Next = value;
            }

            output.Append(FormatListNumber(list.Next, list.Type)).Append('.');
            list.Next += list.Reversed ? -1 : 1;
            atLineStart = false;
            pendingSpace = true;
            onlyMarkerOnLine = true;
        }

        private void WriteRow(IElement row)
        {
            var cells = new List<string>();
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                var renderer = new Renderer(cancellationToken);
                renderer.VisitChildren(cell);
                cells.Add(TextNormalizer.CollapseWhitespace(renderer.ToString()));
            }

            if (cells.TrueForAll(string.IsNullOrEmpty))
            {
                return;
            }

            EndLine();
            output.Append(string.Join(" | ", cells));
            atLineStart = false;
            onlyMarkerOnLine = false;
            EndLine();
        }

        private void AppendCollapsed(string data)
        {
            foreach (var c in data)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    pendingSpace = true;
                    continue;
                }

                if (pendingSpace && !atLineStart)
                {
                    output.Append(' ');
                }

                output.Append(c);
                pendingSpace = false;
                atLineStart = false;
                onlyMarkerOnLine = false;
            }
        }

        private void AppendPreformatted(string data)
        {
            if (pendingSpace && !atLineStart)
            {
                output.Append(' ');
            }

            pendingSpace = false;
            foreach (var c in data)
            {
                if (c == '\r')
                {
                    continue;
                }

                output.Append(c);
                atLineStart = c == '\n';
            }

            onlyMarkerOnLine &= data.Length == 0;
        }

        private void EndLine()
        {
            pendingSpace = false;

            // "1." then a block-level child: keep the child's text on the marker's line.
            if (onlyMarkerOnLine)
            {
                pendingSpace = true;
                return;
            }

            if (!atLineStart)
            {
                output.Append('\n');
                atLineStart = true;
            }
        }

        private void EndParagraph()
        {
            EndLine();
            if (onlyMarkerOnLine || output.Length == 0)
            {
                return;
            }

            if (output.Length < 2 || output[^2] != '\n')
            {
                output.Append('\n');
            }
        }

        private sealed class ListState(bool ordered, char type, bool reversed)
        {
            public bool Ordered { get; } = ordered;

            public char Type { get; } = type;

            public bool Reversed { get; } = reversed;

            public int Next { get; set; }
        }
    }
}
