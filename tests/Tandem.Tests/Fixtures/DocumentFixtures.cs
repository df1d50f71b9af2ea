using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Tandem.Tests.Fixtures;

/// <summary>
/// Generates sample documents at test time, so no binary fixtures live in the repository.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="CreateDocx"/> and <see cref="CreatePdf"/> take one string per paragraph (PDF: per
/// logical line, wrapped at about 90 characters) and understand a few leading markers:
/// </para>
/// <list type="bullet">
/// <item><c>"# Heading"</c>: a bold heading paragraph, never numbered.</item>
/// <item><c>"&gt;&gt;text"</c>: a second-level paragraph; in a numbered .docx it is numbered "(a)", "(b)", ...</item>
/// <item><c>"~text"</c>: a plain paragraph that stays unnumbered in a numbered .docx.</item>
/// <item><c>"| a | b |"</c>: a table row in a .docx; consecutive rows form one table.</item>
/// </list>
/// <para>
/// In a numbered .docx every other paragraph is a level-0 item of a real Word list ("1.", "2.",
/// ...) whose number exists only in the numbering part, not in the paragraph text.
/// An empty string in <see cref="CreatePdf"/> leaves a blank line.
/// </para>
/// </remarks>
public static class DocumentFixtures
{
    private const string HeadingMarker = "# ";
    private const string SubLevelMarker = ">>";
    private const string PlainMarker = "~";

    // Letter paper, 1-inch margins, 10 pt Helvetica: about 90 characters to a line.
    private const double PageWidth = 612, PageHeight = 792, Margin = 72, FontSize = 10, HeadingSize = 12, LineHeight = 14, ParagraphGap = 8;
    private const int WrapColumn = 90;

    // Characters PdfPig's Standard 14 Helvetica writes and reads back unchanged.
    private const string PdfSafeCharacters = "‚ƒ„…†‡ˆ‰‹Œ‘’“”•–—˜›œ¡¢£¤¥§¨ª«¯´¶·¸º»¿ÆØßæø";

    /// <summary>Creates a new empty directory under the system temp directory and returns its path.</summary>
    public static string CreateTempDirectory() => Directory.CreateTempSubdirectory("tandem-docs-").FullName;

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a BOM.</summary>
    public static string CreateText(string path, string content)
    {
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Writes Markdown source as UTF-8.</summary>
    public static string CreateMarkdown(string path, string markdown) => CreateText(path, markdown);

    /// <summary>Writes an HTML page whose body is <paramref name="bodyHtml"/>, with a head, a style and a script.</summary>
    public static string CreateHtml(string path, string bodyHtml, string title = "Agreement") =>
        CreateText(path, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>{{WebUtility.HtmlEncode(title)}}</title>
              <style>body { font-family: serif; } p { margin: 0 0 1em; }</style>
              <script>window.analytics = { track: function () { return "tracking"; } };</script>
            </head>
            <body>
            {{bodyHtml}}
            </body>
            </html>
            """);

    /// <summary>Writes an HTML page with one &lt;p&gt; (or &lt;h2&gt; for "# ") per paragraph, text escaped.</summary>
    public static string CreateHtml(string path, IEnumerable<string> paragraphs)
    {
        var body = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            var (text, heading, _, _) = ParseMarkers(paragraph);
            var tag = heading ? "h2" : "p";
            body.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(text)).Append("</").Append(tag).Append(">\n");
        }

        return CreateHtml(path, body.ToString());
    }

    /// <summary>
    /// Writes a Word document with one paragraph per entry (see the type remarks for markers).
    /// With <paramref name="numbered"/>, paragraphs are items of a real Word list: level 0
    /// decimal "%1.", level 1 lowerLetter "(%2)".
    /// </summary>
    public static string CreateDocx(string path, IEnumerable<string> paragraphs, bool numbered = false)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        if (numbered)
        {
            AddNumbering(main);
        }

        var body = new Body();
        Table? table = null;
        foreach (var entry in paragraphs)
        {
            if (entry.TrimStart().StartsWith('|'))
            {
                if (table is null)
                {
                    table = NewTable(entry.Trim().Trim('|').Split('|').Length);
                    body.Append(table);
                }

                table.Append(TableRowOf(entry));
                continue;
            }

            table = null;
            var (text, heading, level, plain) = ParseMarkers(entry);
            body.Append(DocxParagraph(text, heading, level, numbered && !heading && !plain));
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 12240U, Height = 15840U },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U, Header = 720U, Footer = 720U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
        return path;
    }

    /// <summary>
    /// Writes a PDF with a real text layer: Helvetica 10 pt, lines wrapped at about 90 characters,
    /// as many Letter pages as needed; "# " lines are bold headings, "" leaves a blank line.
    /// Characters outside the Standard 14 font's reliable set are replaced (accents dropped, others '?').
    /// </summary>
    public static string CreatePdf(string path, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageWidth, PageHeight);
        var y = PageHeight - Margin;

        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                y -= LineHeight;
                continue;
            }

            var (text, heading, level, _) = ParseMarkers(line);
            if (text.TrimStart().StartsWith('|'))
            {
                text = string.Join(" | ", text.Trim().Trim('|').Split('|').Select(cell => cell.Trim()));
            }

            var indent = level * 18;
            foreach (var wrapped in Wrap(PdfSafe(text), WrapColumn - (level * 4)))
            {
                if (y < Margin)
                {
                    page = builder.AddPage(PageWidth, PageHeight);
                    y = PageHeight - Margin;
                }

                page.AddText(wrapped, heading ? HeadingSize : FontSize, new PdfPoint(Margin + indent, y), heading ? bold : regular);
                y -= LineHeight;
            }

            y -= ParagraphGap;
        }

        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    /// <summary>Writes a PDF whose single page has drawing but no text, like a scanned image.</summary>
    public static string CreateImageOnlyPdf(string path)
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.Letter);
        page.DrawRectangle(new PdfPoint(72, 72), 300, 400, lineWidth: 2, fill: true);
        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    /// <summary>
    /// Writes a PDF that needs a user password: a normal PDF whose trailer declares the standard
    /// security handler with password hashes nobody knows, as a password-protected export does.
    /// </summary>
    public static string CreatePasswordProtectedPdf(string path)
    {
        var plain = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetRandomFileName());
        CreatePdf(plain, ["Confidential settlement terms."]);
        var pdf = Encoding.Latin1.GetString(File.ReadAllBytes(plain));
        File.Delete(plain);

        // The trailer follows the xref table, so inserting into it moves no object offsets.
        var root = pdf.IndexOf("/Root", pdf.LastIndexOf("trailer", StringComparison.Ordinal), StringComparison.Ordinal);
        var encrypt = $"/Encrypt << /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -4 >> ";
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(pdf.Insert(root, encrypt)));
        return path;
    }

    private static (string Text, bool Heading, int Level, bool Plain) ParseMarkers(string entry)
    {
        if (entry.StartsWith(HeadingMarker, StringComparison.Ordinal))
        {
            return (entry[HeadingMarker.Length..].Trim(), true, 0, true);
        }

        if (entry.StartsWith(SubLevelMarker, StringComparison.Ordinal))
        {
            return (entry[SubLevelMarker.Length..].TrimStart(), false, 1, false);
        }

        return entry.StartsWith(PlainMarker, StringComparison.Ordinal)
            ? (entry[PlainMarker.Length..].TrimStart(), false, 0, true)
            : (entry, false, 0, false);
    }

    private static Paragraph DocxParagraph(string text, bool heading, int level, bool numbered)
    {
        var properties = new ParagraphProperties();
        if (heading)
        {
            properties.Append(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        }
        else if (numbered)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 }));
        }
        else if (level > 0)
        {
            properties.Append(new Indentation { Left = "720" });
        }

        var paragraph = new Paragraph(properties);
        var lines = text.Split('\n');
        var run = new Run();
        if (heading)
        {
            run.Append(new RunProperties(new Bold(), new FontSize { Val = "26" }));
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Table NewTable(int columns)
    {
        BorderType Border<TBorder>()
            where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4U };

        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
        {
            grid.Append(new GridColumn { Width = (9360 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                    Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>())),
            grid);
    }

    private static TableRow TableRowOf(string entry)
    {
        var row = new TableRow();
        foreach (var cell in entry.Trim().Trim('|').Split('|'))
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }),
                new Paragraph(new Run(new Text(cell.Trim()) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        stylesPart.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "160", Line = "259", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            });
        stylesPart.Styles.Save();
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        static Level ListLevel(int index, NumberFormatValues format, string text, int indent) => new(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelText { Val = text },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
        {
            LevelIndex = index,
        };

        var numberingPart = main.AddNewPart<NumberingDefinitionsPart>();
        numberingPart.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.HybridMultilevel },
                ListLevel(0, NumberFormatValues.Decimal, "%1.", 360),
                ListLevel(1, NumberFormatValues.LowerLetter, "(%2)", 1080))
            {
                AbstractNumberId = 0,
            },
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
        numberingPart.Numbering.Save();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var line in text.Split('\n'))
        {
            var current = new StringBuilder();
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (current.Length > 0 && current.Length + 1 + word.Length > width)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                current.Append(current.Length > 0 ? " " : string.Empty).Append(word);
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }
    }

    private static string PdfSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' || (c >= ' ' && c < '\u007F') || PdfSafeCharacters.Contains(c, StringComparison.Ordinal))
            {
                safe.Append(c);
                continue;
            }

            safe.Append(c switch
            {
                '\t' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => " ",
                '©' => "(c)",
                '®' => "(R)",
                '™' => "(TM)",
                '€' => "EUR",
                '±' => "+/-",
                '½' => "1/2",
                '¼' => "1/4",
                '×' => "x",
                _ => Unaccented(c),
            });
        }

        return safe.ToString();
    }

    private static string Unaccented(char c)
    {
        const string accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿŠšŽž";
        const string plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyySsZz";
        var index = accented.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? plain[index].ToString() : "?";
    }
}
