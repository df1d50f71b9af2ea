using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tandem.Documents;

/// <summary>
/// Reads the body of a Word document: paragraphs and tables in document order (headers, footers,
/// comments and deleted revisions left out), with Word's automatic numbering written out as text
/// ("1.", "1.2", "(a)") because clause numbers are what contracts cite. Every XML part it loads is
/// first streamed once to check its nesting, element count and inflated size against the
/// <see cref="DocumentLimits"/>: the OpenXML SDK loads and walks elements recursively, so a part
/// nested 100,000 deep would overflow the stack, and each element costs memory once loaded.
/// </summary>
/// <param name="limits">Depth, element and decompression limits (default: <see cref="DocumentLimits.Default"/>).</param>
public sealed class DocxReader(DocumentLimits? limits = null) : IDocumentReader
{
    private const string Hint = "open and re-save it in Word, or export it as PDF or text";

    private readonly DocumentLimits limits = limits ?? DocumentLimits.Default;

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    /// <inheritdoc />
    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <inheritdoc />
    public async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await TextDecoding.ReadAllBytesAsync(content, cancellationToken).ConfigureAwait(false);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            // An OLE compound file: a Word 97-2003 .doc, or a .docx encrypted with a password.
            throw new DocumentException(
                $"{fileName} is not a readable .docx (it is a password-protected document or an old Word .doc)",
                "remove the password, or open it in Word and save it as .docx");
        }

        var budget = limits.DecodedBudget(bytes.Length);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false,
                new OpenSettings { MaxCharactersInPart = budget });
            var mainPart = document.MainDocumentPart
                ?? throw new DocumentException($"{fileName} is not a readable .docx (it has no main document part)", Hint);
            var elements = 0;
            foreach (var part in new OpenXmlPart?[] { mainPart, mainPart.NumberingDefinitionsPart, mainPart.StyleDefinitionsPart })
            {
                if (part is not null)
                {
                    elements = CheckPart(part, fileName, budget, elements, cancellationToken);
                }
            }

            var body = mainPart.Document?.Body
                ?? throw new DocumentException($"{fileName} is not a readable .docx (the document has no body)", Hint);

            var writer = new BodyWriter(new WordNumbering(mainPart.NumberingDefinitionsPart?.Numbering, mainPart.StyleDefinitionsPart?.Styles), cancellationToken);
            writer.WriteBlocks(body);
            return writer.ToString();
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException && ex.Message.Contains("exceeded a limit", StringComparison.Ordinal))
        {
            // A small file that inflates past the limit: a zip bomb, or far more text than any contract.
            throw DocumentLimits.TooLargeDecompressed(fileName, budget, ex);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException)
        {
            throw new DocumentException($"{fileName} is not a readable .docx ({OneLine(ex.Message)})", Hint, ex);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    // Streams a part once, without building elements, and returns the running element count.
    private int CheckPart(OpenXmlPart part, string fileName, long budget, int elements, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            MaxCharactersInDocument = budget,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth >= limits.MaxDepth)
            {
                throw limits.TooDeep(fileName, $"{part.Uri.OriginalString.TrimStart('/')}, element {reader.Name}");
            }

            if (++elements > limits.MaxElements)
            {
                throw limits.TooManyElements(fileName, "XML elements");
            }

            if ((elements & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return elements;
    }

    /// <summary>Writes paragraphs and tables of a body in document order.</summary>
    private sealed class BodyWriter(WordNumbering numbering, CancellationToken cancellationToken)
    {
        private readonly StringBuilder output = new();

        public override string ToString() => output.ToString();

        public void WriteBlocks(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        cancellationToken.ThrowIfCancellationRequested();
                        output.Append(ParagraphText(paragraph)).Append("\n\n");
                        break;
                    case Table table:
                        WriteTable(table);
                        output.Append('\n');
                        break;
                    case SdtBlock or SdtContentBlock or CustomXmlBlock:
                        // Content controls and custom XML wrap ordinary body content.
                        WriteBlocks(element);
                        break;
                }
            }
        }

        private void WriteTable(Table table)
        {
            foreach (var row in ChildrenThroughWrappers<TableRow>(table))
            {
                var cells = ChildrenThroughWrappers<TableCell>(row).Select(CellText).ToList();
                if (cells.Exists(c => c.Length > 0))
                {
                    output.Append(string.Join(" | ", cells)).Append('\n');
                }
            }
        }

        private string CellText(TableCell cell)
        {
            var parts = new List<string>();
            foreach (var element in cell.Descendants())
            {
                // Paragraphs of nested tables are reached through the descendants as well.
                if (element is Paragraph paragraph && !HasParagraphAncestorBelow(paragraph, cell))
                {
                    parts.Add(ParagraphText(paragraph));
                }
            }

            return TextNormalizer.CollapseWhitespace(string.Join(' ', parts));
        }

        // A text-box paragraph inside a cell paragraph is written by its enclosing paragraph.
        private static bool HasParagraphAncestorBelow(Paragraph paragraph, OpenXmlElement top)
        {
            for (var parent = paragraph.Parent; parent is not null && parent != top; parent = parent.Parent)
            {
                if (parent is Paragraph)
                {
                    return true;
                }
            }

            return false;
        }

        private string ParagraphText(Paragraph paragraph)
        {
            var text = new StringBuilder();
            var prefix = numbering.NextLabel(paragraph);
            if (prefix is not null)
            {
                text.Append(prefix);
            }

            AppendContent(paragraph, text);
            return text.ToString();
        }

        private static void AppendContent(OpenXmlElement element, StringBuilder text)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case Paragraph nested:
                        // A text box: its paragraphs go on their own lines.
                        text.Append('\n');
                        AppendContent(nested, text);
                        text.Append('\n');
                        break;
                    case Run run when IsHidden(run):
                        break;
                    case ParagraphProperties or RunProperties or DeletedText or FieldCode or DeletedFieldCode or DeletedRun
                        or MoveFromRun or SoftHyphen or AlternateContentFallback:
                        // Formatting, deleted revisions, field instructions, and the fallback copy of
                        // drawings whose preferred version is read instead.
                        break;
                    default:
                        AppendContent(child, text);
                        break;
                }
            }
        }

        private static bool IsHidden(Run run) =>
            run.RunProperties?.GetFirstChild<Vanish>() is { } vanish && (vanish.Val is null || vanish.Val.Value);

        private static IEnumerable<T> ChildrenThroughWrappers<T>(OpenXmlElement parent)
            where T : OpenXmlElement
        {
            foreach (var child in parent.ChildElements)
            {
                if (child is T match)
                {
                    yield return match;
                }
                else if (child.LocalName is "sdt" or "sdtContent" or "customXml")
                {
                    foreach (var inner in ChildrenThroughWrappers<T>(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
