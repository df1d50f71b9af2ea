using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tandem.Documents;

/// <summary>
/// Reads Markdown as the text a reader sees: no '#', '*' or link syntax; ordered list items keep
/// their number ("1. ", "2) ", "a. ") because contracts cite them; table rows become "a | b | c".
/// Nesting and element count are checked against the <see cref="DocumentLimits"/> before parsing
/// (<see cref="MarkdownNestingScan"/>); Markdig itself refuses trees deeper than 128 levels, which
/// keeps the recursive rendering below shallow.
/// </summary>
/// <param name="limits">Depth and element limits (default: <see cref="DocumentLimits.Default"/>).</param>
public sealed partial class MarkdownReader(DocumentLimits? limits = null) : IDocumentReader
{
    // Markdig's own limit, past which it throws an ArgumentException with this text.
    private const int MarkdigDepthLimit = 128;
    private const string MarkdigDepthMessage = "too deeply nested";

    private readonly DocumentLimits limits = limits ?? DocumentLimits.Default;

    // List extras so "a." and "ii." lists parse as lists; their markers are kept verbatim anyway.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseListExtras()
        .Build();

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    /// <inheritdoc />
    public string MediaType => "text/markdown";

    /// <inheritdoc />
    public async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var markdown = await TextDecoding.ReadTextAsync(content, fileName, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        MarkdownNestingScan.Check(markdown, fileName, limits, cancellationToken);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains(MarkdigDepthMessage, StringComparison.Ordinal))
        {
            throw new DocumentException(
                $"{fileName} is nested deeper than the Markdown parser allows ({MarkdigDepthLimit} levels of lists, quotes, links or emphasis)",
                "no real contract nests that deeply; flatten its lists, or save it as .txt",
                ex);
        }

        var renderer = new Renderer(markdown, cancellationToken);
        renderer.WriteBlocks(document, tight: false);
        return renderer.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTagRegex();

    private sealed class Renderer(string source, CancellationToken cancellationToken)
    {
        private readonly StringBuilder output = new(source.Length);
        private int written;

        // The marker of the list item whose first line has not been written yet.
        private string pendingMarker = string.Empty;
        private int listDepth;

        public override string ToString() => output.ToString();

        public void WriteBlocks(ContainerBlock container, bool tight)
        {
            foreach (var block in container)
            {
                WriteBlock(block, tight);
            }
        }

        private void WriteBlock(Block block, bool tight)
        {
            if ((++written & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (block)
            {
                case HeadingBlock heading:
                    WriteLine(InlineText(heading.Inline));
                    EndBlock();
                    break;
                case ParagraphBlock paragraph:
                    WriteLine(InlineText(paragraph.Inline));
                    if (!tight)
                    {
                        EndBlock();
                    }

                    break;
                case ListBlock list:
                    WriteList(list);
                    break;
                case Table table:
                    WriteTable(table);
                    EndBlock();
                    break;
                case CodeBlock code:
                    WriteLine(code.Lines.ToString());
                    EndBlock();
                    break;
                case HtmlBlock html when html.Type != HtmlBlockType.Comment:
                    var text = WebUtility.HtmlDecode(HtmlTagRegex().Replace(html.Lines.ToString(), string.Empty));
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        WriteLine(text.Trim());
                        EndBlock();
                    }

                    break;
                case ContainerBlock inner and not LinkReferenceDefinitionGroup:
                    WriteBlocks(inner, tight);
                    break;
                case LeafBlock { Inline: not null } leaf:
                    WriteLine(InlineText(leaf.Inline));
                    EndBlock();
                    break;
            }
        }

        private void WriteList(ListBlock list)
        {
            var items = list.OfType<ListItemBlock>().ToList();

            // "1. 1. 1." is the Markdown idiom for "number these for me".
            var lazy = list.IsOrdered && list.BulletType == '1' && items.Count > 1 && items.All(i => i.Order == items[0].Order);
            listDepth++;
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                if (list.IsOrdered)
                {
                    var marker = lazy
                        ? $"{items[0].Order + index}{list.OrderedDelimiter}"
                        : SourceMarker(item, list.OrderedDelimiter);
                    pendingMarker += marker + " ";
                }

                WriteBlocks(item, tight: !list.IsLoose);
                if (pendingMarker.Length > 0)
                {
                    // An empty item still shows its number.
                    WriteLine(string.Empty);
                }

                if (list.IsLoose)
                {
                    EndBlock();
                }
            }

            // A nested list continues its parent item; only the outermost list ends a block.
            if (--listDepth == 0)
            {
                EndBlock();
            }
        }

        // The marker exactly as written ("3)", "iv."), or one rebuilt from the parsed order.
        private string SourceMarker(ListItemBlock item, char delimiter)
        {
            var start = item.Span.Start;
            var end = start;
            while (end < source.Length && end - start < 12 && char.IsAsciiLetterOrDigit(source[end]))
            {
                end++;
            }

            return end > start && end < source.Length && source[end] == delimiter
                ? source[start..(end + 1)]
                : $"{item.Order}{delimiter}";
        }

        private void WriteTable(Table table)
        {
            foreach (var row in table.OfType<TableRow>())
            {
                var cells = row.OfType<TableCell>()
                    .Select(cell => string.Join(' ', cell.OfType<LeafBlock>().Select(b => InlineText(b.Inline).Trim())).Trim());
                WriteLine(string.Join(" | ", cells));
            }
        }

        private void WriteLine(string text)
        {
            output.Append(pendingMarker).Append(text).Append('\n');
            pendingMarker = string.Empty;
        }

        private void EndBlock()
        {
            if (output.Length > 0 && !EndsWith("\n\n"))
            {
                output.Append('\n');
            }
        }

        private bool EndsWith(string suffix)
        {
            if (output.Length < suffix.Length)
            {
                return false;
            }

            for (var i = 0; i < suffix.Length; i++)
            {
                if (output[output.Length - suffix.Length + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string InlineText(ContainerInline? container)
        {
            if (container is null)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            AppendInlines(container, text);
            return text.ToString();
        }

        private static void AppendInlines(ContainerInline container, StringBuilder text)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline lineBreak:
                        // Source lines wrapped inside a paragraph join up; only hard breaks stay.
                        text.Append(lineBreak.IsHard ? '\n' : ' ');
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.AsSpan());
                        break;
                    case AutolinkInline autolink:
                        text.Append(autolink.Url);
                        break;
                    case LinkInline { IsImage: true }:
                        break;
                    case ContainerInline inner:
                        AppendInlines(inner, text);
                        break;
                }
            }
        }
    }
}
