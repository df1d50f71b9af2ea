using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tandem.Analysis;

namespace Tandem.Reporting;

/// <summary>
/// The report as a Word document, written with the Open XML SDK: a title, the summary, a findings
/// table, each finding with its quote and rationale, and the missing protections with what to ask for.
/// Headings use Word's built-in Title and Heading styles (defined here, so every reader shows them).
/// </summary>
public static class ReportDocx
{
    public static byte[] Render(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Paragraph($"Risk report: {report.DocumentTitle}", "Title"));
            body.Append(Paragraph($"Reviewed for: {ReportText.SideSummary(report)}"));
            if (ReportText.KindSummary(report) is { } kind)
            {
                body.Append(Paragraph($"Contract type: {kind}"));
            }

            body.Append(Paragraph($"Playbook: {report.Playbook}"));
            body.Append(Paragraph($"Model: {report.Model}"));
            body.Append(Paragraph($"Document {report.DocumentId} version {report.Version} ({report.ClauseCount} clauses); report {report.ReportId}"));
            body.Append(Paragraph($"Summary: {ReportText.SeveritySummary(report)}"));
            body.Append(Paragraph($"Findings ({report.Findings.Count})", "Heading1"));
            if (report.Findings.Count > 0)
            {
                body.Append(FindingsTable(report.Findings));
            }

            for (var i = 0; i < report.Findings.Count; i++)
            {
                var f = report.Findings[i];
                body.Append(Paragraph($"{i + 1}. {f.Category}: {ReportText.SeverityLabel(f.Severity)}", "Heading2"));
                body.Append(Paragraph($"Clause {f.ClausePath}{(f.Heading is null ? "" : $" ({f.Heading})")}, line {f.Line}"));
                body.Append(Paragraph(f.Quote, "Quote"));
                if (ReportText.FavoursLine(report, f) is { } favours)
                {
                    body.Append(Paragraph($"Whose clause: {favours}"));
                }

                if (f.Measured is not null)
                {
                    body.Append(Paragraph($"Measured: {f.Measured}"));
                }

                foreach (var definition in ReportText.DefinitionLines(f))
                {
                    body.Append(Paragraph("Read with " + definition));
                }

                if (f.Rationale is { Length: > 0 } rationale)
                {
                    body.Append(Paragraph(rationale));
                }
            }

            body.Append(Paragraph($"Missing protections ({report.MissingProtections.Count})", "Heading1"));
            foreach (var missing in report.MissingProtections)
            {
                body.Append(Paragraph($"{missing.Category}: {ReportText.SeverityLabel(missing.Severity)}", "Heading2"));
                if (missing.Rationale is { Length: > 0 } why)
                {
                    body.Append(Paragraph(why));
                }

                if (ReportText.AskFor(missing) is { } ask)
                {
                    body.Append(Paragraph(ask));
                }
            }

            main.Document = new Document(body);
        }

        return memory.ToArray();
    }

    private static Table FindingsTable(IReadOnlyList<Finding> findings)
    {
        var border = new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        foreach (var b in border)
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
        }

        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, new TableBorders(border)));
        table.Append(Row(header: true, "#", "Severity", "Category", "Clause", "Line"));
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            table.Append(Row(header: false, (i + 1).ToString(CultureInfo.InvariantCulture), ReportText.SeverityLabel(f.Severity), f.Category, f.ClausePath,
                f.Line.ToString(CultureInfo.InvariantCulture)));
        }

        return table;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            // Repeated at the top of each page Word breaks the table across.
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var run = new Run(Text(cell));
            if (header)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        // Line breaks inside a quote are kept as Word line breaks.
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(Text(lines[i]));
        }

        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>Text as written: leading and trailing spaces kept, and characters XML 1.0 cannot hold dropped.</summary>
    private static Text Text(string value) =>
        new(new string(value.Where(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)).ToArray())) { Space = SpaceProcessingModeValues.Preserve };

    private static Styles Styles() => new(
        Style("Normal", "Normal", null, size: 22),
        Style("Title", "Title", "Normal", size: 40, bold: true),
        Style("Heading1", "heading 1", "Normal", size: 32, bold: true, outline: 0),
        Style("Heading2", "heading 2", "Normal", size: 26, bold: true, outline: 1),
        Style("Quote", "Quote", "Normal", size: 22, italic: true));

    private static Style Style(string id, string name, string? basedOn, int size, bool bold = false, bool italic = false, int? outline = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new KeepNext());
            paragraph.Append(new OutlineLevel { Val = level });
        }

        style.Append(paragraph);
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        run.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        style.Append(run);
        return style;
    }
}
