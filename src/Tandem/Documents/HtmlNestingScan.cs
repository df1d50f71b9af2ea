namespace Tandem.Documents;

/// <summary>
/// Measures how deeply an HTML document will nest, and how many elements it has, from its tags
/// alone, before the HTML parser sees it. The parser's work grows with the square of the depth
/// (100,000 nested <c>div</c>s take minutes) and the tree it builds is walked recursively, so depth
/// must be refused before parsing. The scan follows the parts of the HTML tree-building rules that
/// decide depth: void and raw-text elements, elements that close their open siblings
/// (<c>p</c>, <c>li</c>, <c>td</c>, <c>option</c>, ...), and formatting elements such as <c>b</c>
/// that the parser reopens in every later block until they are closed (Noah's Ark included), which
/// is how a few hundred unclosed <c>&lt;b id=…&gt;</c> tags nest thousands deep. Its estimate can be
/// somewhat high for such formatting, never far low; the reader checks the parsed tree exactly too.
/// Each tag costs at most one pass over the open elements, which never exceed the depth limit.
/// </summary>
internal sealed class HtmlNestingScan
{
    // The parser adds html and body around everything.
    private const int ImpliedDepth = 2;

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "frame", "basefont", "bgsound", "image",
    };

    // Their content is text up to their end tag.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    private static readonly HashSet<string> FormattingElements = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // Opening one of these pushes a marker that formatting elements are not reopened past.
    private static readonly HashSet<string> MarkerElements = new(StringComparer.Ordinal)
    {
        "applet", "caption", "marquee", "object", "template", "td", "th",
    };

    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt", "listing", "plaintext", "xmp",
    };

    private static readonly HashSet<string> Scope = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    };

    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    private static readonly HashSet<string> KnownNames = new(
        [.. VoidElements, .. RawTextElements, .. FormattingElements, .. MarkerElements, .. ClosesParagraph, .. Scope,
         "html", "head", "body", "span", "tr", "tbody", "thead", "tfoot", "option", "optgroup", "select", "datalist", "button",
         "svg", "math", "label", "sup", "sub", "abbr", "cite", "mark", "q", "time", "var", "ins", "del", "colgroup"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownByName = KnownNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly List<string> open = [];

    // Formatting elements the parser would reopen, as "name attributes"; null marks a boundary.
    private readonly List<string?> formatting = [];
    private readonly string fileName;
    private readonly DocumentLimits limits;
    private int activeFormatting;
    private int foreignDepth;
    private int elements;
    private int line = 1;

    private HtmlNestingScan(string fileName, DocumentLimits limits)
    {
        this.fileName = fileName;
        this.limits = limits;
    }

    /// <summary>Throws <see cref="DocumentException"/> when <paramref name="html"/> nests too deeply or has too many elements.</summary>
    public static void Check(string html, string fileName, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        new HtmlNestingScan(fileName, limits).Scan(html, cancellationToken);
    }

    private void Scan(string html, CancellationToken cancellationToken)
    {
        var i = 0;
        while (i < html.Length)
        {
            var next = html.IndexOf('<', i);
            if (next < 0)
            {
                return;
            }

            line += html.AsSpan(i, next - i).Count('\n');
            i = next;
            if ((elements & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var rest = html.AsSpan(i);
            if (rest.StartsWith("<!--") || rest.StartsWith("<!") || rest.StartsWith("<?"))
            {
                var terminator = rest.StartsWith("<!--") ? "-->" : ">";
                var end = html.IndexOf(terminator, i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? html.Length : end + terminator.Length;
                line += html.AsSpan(i, stop - i).Count('\n');
                i = stop;
                continue;
            }

            var endTag = rest.Length > 1 && rest[1] == '/';
            var nameStart = i + (endTag ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            var tagEnd = TagEnd(html, nameEnd);
            var name = Name(html.AsSpan(nameStart, nameEnd - nameStart));
            var attributesEnd = Math.Min(tagEnd, html.Length);
            if (endTag)
            {
                End(name);
            }
            else
            {
                var selfClosing = attributesEnd > nameEnd && html[attributesEnd - 1] == '/';
                Start(name, html.AsSpan(nameEnd, attributesEnd - nameEnd).Trim().TrimEnd('/'), selfClosing);
            }

            line += html.AsSpan(i, attributesEnd - i).Count('\n');
            i = tagEnd + 1;
            if (!endTag && RawTextElements.Contains(name) && i < html.Length)
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var stop = end < 0 ? html.Length : end;
                line += html.AsSpan(i, stop - i).Count('\n');
                i = stop;
            }
            else if (!endTag && name == "plaintext")
            {
                return;
            }
        }
    }

    private void Start(string name, ReadOnlySpan<char> attributes, bool selfClosing)
    {
        if (++elements > limits.MaxElements)
        {
            throw limits.TooManyElements(fileName, "HTML elements");
        }

        if (name is "html" or "head" or "body" || VoidElements.Contains(name) || (selfClosing && foreignDepth > 0)
            || (name == "form" && open.Contains("form")))
        {
            return;
        }

        CloseImpliedElements(name);
        if (FormattingElements.Contains(name))
        {
            AddFormatting(name, attributes);
        }

        open.Add(name);
        if (name is "svg" or "math")
        {
            foreignDepth++;
        }

        if (MarkerElements.Contains(name))
        {
            formatting.Add(null);
        }

        // Formatting elements counted twice while also open: an overestimate, bounded by the limit.
        if (open.Count + activeFormatting + ImpliedDepth > limits.MaxDepth)
        {
            throw limits.TooDeep(fileName, $"line {line}");
        }
    }

    private void End(string name)
    {
        var index = open.LastIndexOf(name);
        if (index >= 0)
        {
            PopTo(index);
        }

        if (FormattingElements.Contains(name))
        {
            RemoveLastFormatting(name);
        }
    }

    private void CloseImpliedElements(string name)
    {
        if (ClosesParagraph.Contains(name))
        {
            CloseNearest(n => n == "p", n => Scope.Contains(n) || n == "button");
        }

        switch (name)
        {
            case "li":
                CloseNearest(n => n == "li", n => n is "ol" or "ul" or "menu");
                break;
            case "dt" or "dd":
                CloseNearest(n => n is "dt" or "dd", n => n == "dl");
                break;
            case "tr":
                CloseNearest(n => n == "tr", n => n is "table" or "thead" or "tbody" or "tfoot");
                break;
            case "td" or "th":
                CloseNearest(n => n is "td" or "th", n => n is "tr" or "table");
                break;
            case "thead" or "tbody" or "tfoot":
                CloseNearest(n => n is "thead" or "tbody" or "tfoot", n => n == "table");
                break;
            case "option":
                CloseNearest(n => n == "option", n => n is "select" or "datalist" or "optgroup");
                break;
            case "optgroup":
                CloseNearest(n => n is "optgroup" or "option", n => n == "select");
                break;
            case "table":
                CloseNearest(n => n == "table", n => n is "td" or "th" or "caption");
                break;
            case "button" or "nobr":
                CloseNearest(n => n == name, Scope.Contains);
                break;
            case "a":
                // A link inside a link closes the outer one.
                CloseNearest(n => n == "a", Scope.Contains);
                RemoveLastFormatting("a");
                break;
        }

        if (Headings.Contains(name) && open.Count > 0 && Headings.Contains(open[^1]))
        {
            PopTo(open.Count - 1);
        }
    }

    private void CloseNearest(Func<string, bool> target, Func<string, bool> boundary)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (target(open[i]))
            {
                PopTo(i);
                return;
            }

            if (boundary(open[i]))
            {
                return;
            }
        }
    }

    private void PopTo(int index)
    {
        for (var i = open.Count - 1; i >= index; i--)
        {
            var name = open[i];
            if (name is "svg" or "math")
            {
                foreignDepth--;
            }

            if (MarkerElements.Contains(name))
            {
                ClearFormattingToMarker();
            }
        }

        open.RemoveRange(index, open.Count - index);
    }

    // The parser keeps at most three identical formatting elements after the last marker.
    private void AddFormatting(string name, ReadOnlySpan<char> attributes)
    {
        var entry = string.Concat(name, " ", attributes);
        int same = 0, earliest = -1;
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is not null; i--)
        {
            if (formatting[i] == entry)
            {
                same++;
                earliest = i;
            }
        }

        if (same >= 3)
        {
            formatting.RemoveAt(earliest);
            activeFormatting--;
        }

        formatting.Add(entry);
        activeFormatting++;
    }

    private void RemoveLastFormatting(string name)
    {
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is { } entry; i--)
        {
            if (entry.Length > name.Length && entry.StartsWith(name, StringComparison.Ordinal) && entry[name.Length] == ' ')
            {
                formatting.RemoveAt(i);
                activeFormatting--;
                return;
            }
        }
    }

    private void ClearFormattingToMarker()
    {
        while (formatting.Count > 0)
        {
            var entry = formatting[^1];
            formatting.RemoveAt(formatting.Count - 1);
            if (entry is null)
            {
                return;
            }

            activeFormatting--;
        }
    }

    // A known tag name costs no allocation; unknown ones are rare and bounded by the element limit.
    private static string Name(ReadOnlySpan<char> name) =>
        KnownByName.TryGetValue(name, out var known) ? known : name.ToString().ToLowerInvariant();

    // The '>' that ends a tag, skipping quoted attribute values; the end of the text if there is none.
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        var afterEquals = false;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c == '>')
            {
                return i;
            }
            else if (c is '"' or '\'' && afterEquals)
            {
                quote = c;
            }
            else if (!char.IsWhiteSpace(c))
            {
                afterEquals = c == '=';
            }
        }

        return html.Length;
    }
}
