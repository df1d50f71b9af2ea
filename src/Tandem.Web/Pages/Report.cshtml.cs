using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Analysis;
using Tandem.Reporting;
using Tandem.Store;

namespace Tandem.Web.Pages;

/// <summary>
/// The report beside its contract: the stored document's clauses in order, each finding's clause
/// highlighted by severity, the findings and missing protections, and the report's downloads. A
/// report whose document the caller may not read is "not found", exactly like a missing one.
/// </summary>
public sealed partial class ReportModel(IWebBackend backend, ReviewService reviews, IDocumentStore store) : PageModel
{
    private static readonly Dictionary<string, (string MediaType, string Extension)> Downloads = new(StringComparer.OrdinalIgnoreCase)
    {
        ["html"] = ("text/html", "html"),
        ["markdown"] = ("text/markdown", "md"),
        ["json"] = ("application/json", "json"),
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    };

    /// <summary>The download formats, in the order offered.</summary>
    public static IReadOnlyList<(string Format, string Label)> Formats { get; } = [("html", "HTML"), ("markdown", "Markdown"), ("json", "JSON"), ("docx", "Word (DOCX)")];

    /// <summary>The report; null when there is none the caller may read (the page says "not found").</summary>
    public RiskReport? Report { get; private set; }

    /// <summary>The contract's clauses, in order.</summary>
    public IReadOnlyList<StoredClause> Clauses { get; private set; } = [];

    /// <summary>True when the document changed since the review: its current text is shown, and findings whose clause is gone are not linked.</summary>
    public bool NewerVersion { get; private set; }

    /// <summary>Each clause's findings (1-based numbers into <see cref="RiskReport.Findings"/>), by clause id.</summary>
    public ILookup<string, int> FindingsByClause { get; private set; } = Array.Empty<int>().ToLookup(_ => string.Empty);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFoundPage();

    /// <summary>The report as HTML, Markdown or JSON (the API's renderers) or as a Word document.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string id, string? format, CancellationToken cancellationToken)
    {
        if (await reviews.GetReportAsync(id, backend.CallerOf(User), cancellationToken) is not { } report)
        {
            return NotFoundPage();
        }

        if (format is null || !Downloads.TryGetValue(format, out var chosen))
        {
            return BadRequest();
        }

        var bytes = format.ToLowerInvariant() switch
        {
            "html" => Encoding.UTF8.GetBytes(ReportHtml.Render(report)),
            "markdown" => Encoding.UTF8.GetBytes(ReportMarkdown.Render(report)),
            "json" => Encoding.UTF8.GetBytes(ReportJson.Render(report)),
            _ => ReportDocx.Render(report),
        };
        // Named by the report's id: a contract's title is its text, and a file name travels further than the page.
        return File(bytes, chosen.MediaType, $"{report.ReportId}.{chosen.Extension}");
    }

    /// <summary>The clause a finding rests on, when the shown text still has it.</summary>
    public StoredClause? ClauseOf(Finding finding) => Clauses.FirstOrDefault(c => c.ClauseId == finding.ClauseId);

    /// <summary>The most severe finding on a clause, for its highlight.</summary>
    public Severity? SeverityOf(StoredClause clause) =>
        FindingsByClause.Contains(clause.ClauseId) ? FindingsByClause[clause.ClauseId].Max(n => Report!.Findings[n - 1].Severity) : null;

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        if (await reviews.GetReportAsync(id, caller, cancellationToken) is not { } report
            || await store.GetDocumentAsync(report.DocumentId, caller, cancellationToken) is not { } document)
        {
            return false;
        }

        Report = report;
        Clauses = document.Clauses;
        NewerVersion = document.Version != report.Version;
        FindingsByClause = report.Findings.Select((f, i) => (f.ClauseId, Number: i + 1)).ToLookup(x => x.ClauseId, x => x.Number);
        return true;
    }

    private PageResult NotFoundPage()
    {
        Report = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
