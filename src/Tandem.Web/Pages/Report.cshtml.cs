using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Reporting;
using Tandem.Store;

namespace Tandem.Web.Pages;

/// <summary>
/// The report beside its contract: the stored document's clauses in order, each finding's clause
/// highlighted by severity, the findings and missing protections, and the report's downloads. A
/// report whose document the caller may not read is "not found", exactly like a missing one.
/// </summary>
public sealed class ReportModel(IWebBackend backend, ReviewService reviews, IDocumentStore store, CorrectionService corrections) : PageModel
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

    /// <summary>The corrections recorded on this report, each with its review state.</summary>
    public IReadOnlyList<RecordedCorrection> Corrections { get; private set; } = [];

    /// <summary>The correction just saved (from the redirect after saving), to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    /// <summary>Why the correction just sent was refused, and the finding it was for (null: a missed finding).</summary>
    public (string Message, int? Finding)? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFoundPage();

    /// <summary>
    /// Corrects finding <paramref name="finding"/> through the same service as POST /api/reviews/{id}/corrections:
    /// a false positive, or a new category, severity, rationale or narrowed quote (which must lie in the finding's clause).
    /// </summary>
    public async Task<IActionResult> OnPostCorrectAsync(string id, int finding, string? action, string? category, string? severity, string? rationale,
        string? quote, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFoundPage();
        }

        if (finding < 1 || finding > Report!.Findings.Count)
        {
            return BadRequest();
        }

        var original = Report.Findings[finding - 1];
        var request = action == "false-positive"
            ? new CorrectionRequest(finding, FalsePositive: true, Note: Blank(note))
            // The form shows the finding's own values; only what differs from them is a correction.
            : new CorrectionRequest(finding, Category: Blank(category), Severity: Blank(severity),
                Rationale: Blank(rationale) is { } why && why != original.Rationale?.Trim() ? why : null, Quote: Blank(quote), Note: Blank(note));
        return await SaveAsync(id, request, finding, cancellationToken);
    }

    /// <summary>Adds a finding the review missed on <paramref name="clause"/> (a clause id or path), through the same service as the API.</summary>
    public async Task<IActionResult> OnPostMissedAsync(string id, string? clause, string? category, string? severity, string? rationale, string? quote,
        string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFoundPage();
        }

        if (Blank(clause) is not { } chosen)
        {
            Refused = ("choose the clause the review missed: select text in it, or pick it from the list", null);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await SaveAsync(id, new CorrectionRequest(MissedClause: chosen, Category: Blank(category), Severity: Blank(severity), Rationale: Blank(rationale),
            Quote: Blank(quote), Note: Blank(note)), null, cancellationToken);
    }

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
    /// <summary>A clause's text with the exact spans its findings (numbered <paramref name="findings"/>) quote in &lt;mark&gt;, every run HTML-encoded.</summary>
    public IHtmlContent ClauseText(StoredClause clause, IEnumerable<int> findings)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var quotes = findings.Select(n => Report!.Findings[n - 1]).SelectMany(f => new[] { f.Quote, f.Answer });
        var html = new HtmlContentBuilder();
        foreach (var (text, quoted) in Reviews.QuoteMarker.Runs(clause.Clause.Text, quotes))
        {
            if (quoted)
            {
                html.AppendHtml("<mark class=\"quote\">").Append(text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(text);
            }
        }

        return html;
    }

    public StoredClause? ClauseOf(Finding finding) => Clauses.FirstOrDefault(c => c.ClauseId == finding.ClauseId);

    /// <summary>The clause a cited definition opens, if the document still has it where the review found it.</summary>
    public StoredClause? ClauseOf(DefinedTerm definition) => Clauses.FirstOrDefault(c => c.Clause.Start == definition.Start);

    /// <summary>The most severe finding on a clause, for its highlight.</summary>
    public Severity? SeverityOf(StoredClause clause) =>
        FindingsByClause.Contains(clause.ClauseId) ? FindingsByClause[clause.ClauseId].Max(n => Report!.Findings[n - 1].Severity) : null;

    /// <summary>The corrections of finding <paramref name="number"/> (null: the missed findings added).</summary>
    public IEnumerable<RecordedCorrection> CorrectionsOf(int? number) => Corrections.Where(c => c.Correction.Finding == number);

    private async Task<IActionResult> SaveAsync(string id, CorrectionRequest request, int? finding, CancellationToken cancellationToken)
    {
        try
        {
            var (correction, _) = await corrections.CorrectAsync(id, request, backend.CallerOf(User), cancellationToken);
            // Post, redirect, get: a reload does not send the correction again. The address carries ids only.
            return Redirect($"{WebPaths.Report(id)}?saved={Uri.EscapeDataString(correction.Id)}#{(finding is { } n ? "finding-" + n : "missed")}");
        }
        catch (TandemException e)
        {
            Refused = (e.ToUserMessage(), finding);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
        try
        {
            Corrections = (await corrections.ListOfReportAsync(id, caller, cancellationToken)).Corrections;
        }
        catch (TandemException)
        {
            // A report stored without the context corrections need: it is shown, and it cannot be corrected.
            Corrections = [];
        }

        return true;
    }

    private PageResult NotFoundPage()
    {
        Report = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
