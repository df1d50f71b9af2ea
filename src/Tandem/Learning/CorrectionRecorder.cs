using System.Security.Cryptography;
using System.Text;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Store;

namespace Tandem.Learning;

/// <summary>
/// <c>tandem correct</c>: checks a lawyer's correction against the stored report and the context
/// its model saw, and keeps the correction together with the training example it implies (input:
/// the clause; output: the corrected finding, or none for a false positive; provenance
/// "correction"; the document's access list; unreviewed until a reviewer accepts it).
/// </summary>
public sealed class CorrectionRecorder(IReportStore reports, IDocumentStore documents, ICorrectionStore corrections, TimeProvider? time = null)
{
    private const string Task = "clause-review";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Records the correction; returns it and whether it was new (false: the same correction was already recorded).</summary>
    public async Task<(Correction Correction, bool Added)> CorrectAsync(string reportId, CorrectionRequest request, Principal author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(author);
        var report = await LoadAsync(reportId, author, cancellationToken);
        // The access list as it stands now: the example must not outlive a narrowing of it unnoticed.
        var document = await documents.GetDocumentAsync(report.DocumentId, author, cancellationToken)
            ?? throw new TandemException($"document {report.DocumentId} of report {reportId} is no longer readable by you ({author.UserId})", "ask its owner for access");
        var context = report.Context ?? throw new TandemException($"report {reportId} was stored without its context, so it cannot be corrected", "run 'tandem analyze' on the document again");
        var correction = request.MissedClause is not null ? Missed(report, context, request, author) : Changed(report, context, request, author);
        var example = new TrainingExample(correction.ExampleId, Task, correction.ClauseText,
            correction.Kind == Correction.FalsePositive ? TrainingExample.NoFinding : correction.Category ?? correction.Original!.Category,
            (correction.Severity ?? correction.Original?.Severity.ToString() ?? nameof(Severity.Medium)).ToLowerInvariant(),
            correction.Rationale ?? correction.Original?.Rationale ?? correction.Note ?? string.Empty, "correction",
            [report.DocumentId], document.Access, author.UserId, correction.CreatedAt, Reviewed: false, NearDuplicateOf: null)
        {
            Quote = correction.Quote,
            Side = report.Side?.Party.Role,
            Favours = correction.Kind == Correction.Missed || correction.Original is null ? null : correction.Original.Favours.ToString().ToLowerInvariant(),
        };
        var added = await corrections.AddAsync(correction, example, cancellationToken);
        return (correction, added);
    }

    /// <summary>The report with its context, or a clear error.</summary>
    public async Task<RiskReport> LoadAsync(string reportId, Principal caller, CancellationToken cancellationToken = default) =>
        await reports.GetAsync(reportId, caller, cancellationToken) ?? throw ReportNotFound(reportId, caller);

    /// <summary>The one answer for a report id the caller may not read, word for word the answer for one that does not exist.</summary>
    public static TandemException ReportNotFound(string reportId, Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new TandemException($"report {reportId} does not exist or you ({caller.UserId}) may not read its document",
            "the id is printed with each report ('report rpt_...'); reports are kept when 'tandem analyze' runs");
    }

    private Correction Changed(RiskReport report, ReportContext context, CorrectionRequest request, Principal author)
    {
        if (request.Finding is not { } number)
        {
            throw new TandemException($"say what to correct in report {report.ReportId}",
                "give --finding N (the report's # column) with --category, --severity, --rationale, --quote or --false-positive, or add a missed finding with --missed <clause path> --category <name>; 'tandem correct <report-id> --list --clauses' shows both");
        }

        if (number < 1 || number > report.Findings.Count)
        {
            throw new TandemException($"report {report.ReportId} has {report.Findings.Count} findings; there is no finding {number}", "use the number shown in the report's # column");
        }

        var original = report.Findings[number - 1];
        var category = request.Category is null ? null : CategoryOf(request.Category);
        var severity = request.Severity is null ? null : SeverityOf(request.Severity);
        if (request.FalsePositive)
        {
            if (category is not null || severity is not null || request.Rationale is not null || request.Quote is not null)
            {
                throw new TandemException("a false positive has nothing to change: give --false-positive alone (with --note if you like)");
            }

            return Build(report, number, Correction.FalsePositive, original.ClauseId, original.ClausePath, original.Quote, original, null, null, null, null, request.Note, author);
        }

        if (category is null && severity is null && request.Rationale is null && request.Quote is null)
        {
            throw new TandemException("nothing to correct", "give --category, --severity, --rationale, --quote, or --false-positive");
        }

        if (category is not null && category != original.Category && report.Findings.Any(f => f.ClauseId == original.ClauseId && f.Category == category))
        {
            throw new TandemException($"clause {original.ClausePath} already has a {category} finding in this report", "mark this one --false-positive instead");
        }

        var quote = request.Quote is null ? null : QuoteIn(report.DocumentId, context, original.ClauseId, original.Start, original.Quote, request.Quote);
        var rationale = string.IsNullOrWhiteSpace(request.Rationale) ? null : request.Rationale.Trim();
        category = category == original.Category ? null : category;
        severity = severity == original.Severity.ToString() ? null : severity;
        if (category is null && severity is null && rationale is null && quote is null)
        {
            throw new TandemException($"finding {number} already says that", "give a category, severity, rationale or quote that differs from the report's");
        }

        return Build(report, number, Correction.Change, original.ClauseId, original.ClausePath, original.Quote, original, category, severity, rationale, quote, request.Note, author);
    }

    private Correction Missed(RiskReport report, ReportContext context, CorrectionRequest request, Principal author)
    {
        if (request.Finding is not null || request.FalsePositive)
        {
            throw new TandemException("--missed adds a finding the report lacks; it does not take --finding or --false-positive");
        }

        var category = request.Category is null
            ? throw new TandemException("a missed finding needs its --category")
            : CategoryOf(request.Category);
        var wanted = request.MissedClause!.Trim();
        // A clause split in pieces ("8.2", "8.2#2") is one clause to a lawyer.
        var pieces = context.Clauses.Where(c => c.IsPieceOf(wanted)).ToList();
        if (pieces.Count == 0)
        {
            throw new TandemException($"report {report.ReportId} has no clause '{wanted}'",
                $"give a clause path as the report shows it, e.g. {string.Join(", ", context.Clauses.Take(3).Select(c => c.Path))}; 'tandem correct {report.ReportId} --list --clauses' lists them all");
        }

        if (report.Findings.FirstOrDefault(f => f.Category == category && pieces.Any(p => p.IsWithin(f))) is { } already)
        {
            throw new TandemException($"clause {wanted} is already reported as {category} (finding {report.Findings.ToList().IndexOf(already) + 1})",
                "correct that finding instead");
        }

        var text = string.Join("\n", pieces.Select(p => p.Text));
        var quote = request.Quote is null ? null : QuoteIn(report.DocumentId, context, pieces[0].ClauseId, pieces[0].Start, text, request.Quote);
        return Build(report, null, Correction.Missed, pieces[0].ClauseId, wanted, text, null, category,
            request.Severity is null ? null : SeverityOf(request.Severity), string.IsNullOrWhiteSpace(request.Rationale) ? null : request.Rationale.Trim(), quote, request.Note, author);
    }

    private Correction Build(RiskReport report, int? finding, string kind, string clauseId, string clausePath, string clauseText, Finding? original,
        string? category, string? severity, string? rationale, string? quote, string? note, Principal author)
    {
        var key = string.Join("\n", report.ReportId, finding, kind, clauseId, category, severity, rationale, quote);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return new Correction("cor_" + hash, report.ReportId, report.DocumentId, report.Version, finding, kind, clauseId, clausePath, clauseText, original,
            category, severity, rationale, quote, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), author.UserId, _time.GetUtcNow(), "ex_" + hash);
    }

    /// <summary>The corrected quote as the document's own text; it must lie inside the clause.</summary>
    private static string QuoteIn(string documentId, ReportContext context, string clauseId, int start, string text, string quote)
    {
        var clause = context.Clauses.First(c => c.ClauseId == clauseId);
        var passage = new Passage(documentId, string.Empty, 0, clauseId, clause.Path, clause.Heading, start, start + text.Length, text, 0);
        var check = new CitationVerifier([passage], new HashSet<string>(StringComparer.Ordinal) { documentId }).Check(new Citation(1, quote));
        return check.IsVerified
            ? check.VerbatimQuote!
            : throw new TandemException(check.Status == CitationStatus.QuoteTooShort
                ? $"the quote must be at least {CitationVerifier.MinimumWords} words"
                : $"the quote \"{quote}\" does not occur in clause {clause.Path}", "copy the exact words from the clause");
    }

    private static string CategoryOf(string name) => ClauseCategories.Canonical(name)
        ?? throw new TandemException($"unknown category '{name}'", $"use one of the 41 categories: {string.Join(", ", ClauseCategories.All)}");

    private static string SeverityOf(string name) => Enum.TryParse<Severity>(name, ignoreCase: true, out var severity) && Enum.IsDefined(severity)
        ? severity.ToString()
        : throw new TandemException($"unknown severity '{name}'", "use critical, high, medium, low or info");
}
