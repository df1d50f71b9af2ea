using System.Globalization;
using System.Net;
using System.Text;
using Tandem.Analysis;

namespace Tandem.Reporting;

/// <summary>The report as one self-contained HTML page (inline CSS, every text HTML-encoded).</summary>
public static class ReportHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d232a}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #d5dae0;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f2f4f7}.sev{font-weight:600;text-transform:uppercase;font-size:.8rem}
        .critical{color:#7a0010}.high{color:#b3261e}.medium{color:#a15c00}.low{color:#35618f}.info{color:#5b6570}
        blockquote{margin:.5rem 0;padding:.5rem 1rem;background:#f7f8fa;border-left:4px solid #c3cad3;white-space:pre-wrap}
        .meta{color:#5b6570;font-size:.9rem}
        """;

    public static string Render(RiskReport report)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append(CultureInfo.InvariantCulture, $"<title>Risk report: {E(report.DocumentTitle)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<h1>Risk report: {E(report.DocumentTitle)}</h1>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Document <code>{E(report.DocumentId)}</code> version {report.Version}, {report.ClauseCount} clauses · Playbook {E(report.Playbook)} · {E(report.Model)} · Report <code>{E(report.ReportId)}</code></p>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p><strong>Reviewed for:</strong> {E(ReportText.SideSummary(report))}</p>\n");
        if (ReportText.KindSummary(report) is { } kind)
        {
            h.Append(CultureInfo.InvariantCulture, $"<p><strong>Contract type:</strong> {E(kind)}</p>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<p><strong>Summary:</strong> {E(ReportText.SeveritySummary(report))}</p>\n");
        h.Append(CultureInfo.InvariantCulture, $"<h2>Findings ({report.Findings.Count})</h2>\n");
        if (report.Findings.Count > 0)
        {
            h.Append("<table>\n<thead><tr><th>#</th><th>Severity</th><th>Category</th><th>Clause</th><th>Line</th><th>Confidence</th></tr></thead>\n<tbody>\n");
            for (var i = 0; i < report.Findings.Count; i++)
            {
                var f = report.Findings[i];
                h.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#f{i + 1}\">{i + 1}</a></td><td class=\"sev {Css(f.Severity)}\">{Css(f.Severity)}</td><td>{E(f.Category)}</td><td>{E(f.ClausePath)}</td><td>{f.Line}</td><td>{f.Confidence:0.00}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
            for (var i = 0; i < report.Findings.Count; i++)
            {
                var f = report.Findings[i];
                h.Append(CultureInfo.InvariantCulture, $"<section id=\"f{i + 1}\">\n<h3>{i + 1}. {E(f.Category)} <span class=\"sev {Css(f.Severity)}\">{Css(f.Severity)}</span></h3>\n");
                h.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Clause {E(f.ClausePath)}{(f.Heading is null ? "" : $" ({E(f.Heading)})")}, line {f.Line}, characters {f.Start}–{f.End}, confidence {f.Confidence:0.00}</p>\n");
                h.Append(CultureInfo.InvariantCulture, $"<blockquote>{E(f.Quote)}</blockquote>\n");
                if (f.Answer is not null)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<p><strong>Answer:</strong> {E(f.Answer)}</p>\n");
                }

                if (ReportText.FavoursLine(report, f) is { } favours)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<p><strong>Whose clause:</strong> {E(favours)}</p>\n");
                }

                if (f.Measured is not null)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<p><strong>Measured:</strong> {E(f.Measured)}</p>\n");
                }

                foreach (var definition in ReportText.DefinitionLines(f))
                {
                    h.Append(CultureInfo.InvariantCulture, $"<p class=\"definition\"><strong>Read with</strong> {E(definition)}</p>\n");
                }

                if (f.Deviations.Count > 0)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<p><strong>Deviations:</strong> {E(string.Join("; ", f.Deviations))}</p>\n");
                }

                if (f.Rationale is not null)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<p><strong>Why it matters:</strong> {E(f.Rationale)}</p>\n");
                }

                h.Append("</section>\n");
            }
        }

        h.Append(CultureInfo.InvariantCulture, $"<h2>Missing protections ({report.MissingProtections.Count})</h2>\n<ul>\n");
        foreach (var m in report.MissingProtections)
        {
            var ask = ReportText.AskFor(m) is { } a ? $"<br><em>{E(a)}</em>" : string.Empty;
            h.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(m.Category)}</strong> <span class=\"sev {Css(m.Severity)}\">{Css(m.Severity)}</span>: {E(m.Rationale ?? "expected by the playbook")}{ask}</li>\n");
        }

        h.Append("</ul>\n");
        if (report.Unverified.Count > 0)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h2>Unverified claims, dropped ({report.Unverified.Count})</h2>\n<ul>\n");
            foreach (var u in report.Unverified)
            {
                h.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(u.Category)}</strong> cited passage {u.Passage}: {E(ReportText.UnverifiedReason(u.Reason))} &ldquo;{E(ReportText.Preview(u.Quote, 160))}&rdquo;</li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Css(Severity severity) => ReportText.SeverityLabel(severity);
}
