using System.Globalization;
using System.Text;
using Tandem.Analysis;

namespace Tandem.Reporting;

/// <summary>
/// The report as Markdown: a summary, a findings table, each finding with its quote, and missing
/// protections. Every text that is not ours (contract text, file names, playbook and model output)
/// is escaped so a Markdown viewer shows it as written: no raw HTML, no links or images, no
/// emphasis or headings it did not have (<see cref="Escape"/>, <see cref="EscapeLine"/>).
/// </summary>
public static class ReportMarkdown
{
    // Backslash-escaped wherever they occur: HTML ('<', '>', '&'), links and images ('[', ']', '!'),
    // emphasis and code ('*', '_', '`', '~'), table cells ('|'), closing heading marks ('#'), and '\' itself.
    private const string Significant = "\\`*_[]<>!|~&#";

    public static string Render(RiskReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Risk report: {Escape(report.DocumentTitle)}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Document: `{report.DocumentId}` version {report.Version} ({report.ClauseCount} clauses)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Reviewed for: {Escape(ReportText.SideSummary(report))}");
        if (ReportText.KindSummary(report) is { } kind)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Contract type: {Escape(kind)}");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Playbook: {Escape(report.Playbook)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Model: {Escape(report.Model)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Report: `{report.ReportId}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Summary: {ReportText.SeveritySummary(report)}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Findings ({report.Findings.Count})");
        md.AppendLine();
        if (report.Findings.Count > 0)
        {
            md.AppendLine("| # | Severity | Category | Clause | Line | Confidence |");
            md.AppendLine("|---|---|---|---|---|---|");
            for (var i = 0; i < report.Findings.Count; i++)
            {
                var f = report.Findings[i];
                md.AppendLine(CultureInfo.InvariantCulture, $"| {i + 1} | {ReportText.SeverityLabel(f.Severity)} | {Escape(f.Category)} | {Escape(f.ClausePath)} | {f.Line} | {f.Confidence:0.00} |");
            }

            md.AppendLine();
            for (var i = 0; i < report.Findings.Count; i++)
            {
                var f = report.Findings[i];
                md.AppendLine(CultureInfo.InvariantCulture, $"### {i + 1}. {Escape(f.Category)}: {ReportText.SeverityLabel(f.Severity)}");
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"Clause {Escape(f.ClausePath)}{(f.Heading is null ? "" : $" ({Escape(f.Heading)})")}, line {f.Line}, characters {f.Start}–{f.End}, confidence {f.Confidence:0.00}.");
                md.AppendLine();
                foreach (var line in f.Quote.Split('\n'))
                {
                    md.AppendLine("> " + EscapeLine(line));
                }

                md.AppendLine();
                if (f.Answer is not null)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"Answer: **{Escape(f.Answer)}**");
                    md.AppendLine();
                }

                if (ReportText.FavoursLine(report, f) is { } favours)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"Whose clause: {Escape(favours)}.");
                    md.AppendLine();
                }

                if (f.Measured is not null)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"Measured: {Escape(f.Measured)}.");
                    md.AppendLine();
                }

                foreach (var definition in ReportText.DefinitionLines(f))
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"Read with {Escape(definition)}");
                    md.AppendLine();
                }

                if (f.Deviations.Count > 0)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"Deviations: {Escape(string.Join("; ", f.Deviations))}.");
                    md.AppendLine();
                }

                if (f.Rationale is not null)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"Why it matters: {Escape(f.Rationale)}");
                    md.AppendLine();
                }
            }
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"## Missing protections ({report.MissingProtections.Count})");
        md.AppendLine();
        foreach (var m in report.MissingProtections)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(m.Category)}** ({ReportText.SeverityLabel(m.Severity)}): {Escape(m.Rationale ?? "expected by the playbook")}");
            if (ReportText.AskFor(m) is { } ask)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  *{Escape(ask)}*");
            }
        }

        if (report.MissingProtections.Count == 0)
        {
            md.AppendLine("None: every category the playbook expects was found.");
        }

        if (report.Unverified.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Unverified claims, dropped ({report.Unverified.Count})");
            md.AppendLine();
            foreach (var u in report.Unverified)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(u.Category)}**, cited passage {u.Passage}: {Escape(ReportText.UnverifiedReason(u.Reason))} \"{Escape(ReportText.Preview(u.Quote, 160))}\"");
            }
        }

        return md.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> on one line with every Markdown-significant character backslash-escaped
    /// (CommonMark shows an escaped punctuation character as itself), so it can neither open HTML,
    /// a link or an image, nor end a table cell. The colon of "://" and the dot of "www." are escaped
    /// too, so viewers that turn bare addresses into links (GitHub's autolinks) leave them as text.
    /// </summary>
    private static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            if (Significant.Contains(c, StringComparison.Ordinal)
                || (c == ':' && flat.AsSpan(i + 1).StartsWith("//"))
                || (c == '.' && i >= 3 && flat.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// One line of quoted text, escaped like <see cref="Escape"/>, whose start cannot open a list,
    /// a heading or a setext underline either ("1. ", "- ", "+ ", "===").
    /// </summary>
    private static string EscapeLine(string line)
    {
        var escaped = Escape(line);
        var start = escaped.Length - escaped.TrimStart().Length;
        if (start == escaped.Length)
        {
            return escaped;
        }

        var digits = start;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        if (digits > start && digits < escaped.Length && escaped[digits] is '.' or ')')
        {
            return escaped.Insert(digits, "\\");
        }

        return escaped[start] is '+' or '-' or '=' ? escaped.Insert(start, "\\") : escaped;
    }
}
