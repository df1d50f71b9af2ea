using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Prompting;
using Tandem.Reporting;
using Tandem.Server.Identity;
using Tandem.Server.Limits;
using Tandem.Server.Reviews;
using Tandem.Store;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/reviews</c>: review an uploaded contract or a stored document (the report in JSON,
/// Markdown or HTML; a large document as a job with a status URL), fetch a report, and correct it.
/// A report, job or document the caller may not read is a 404 with the same body as a missing one.
/// </summary>
public static class ReviewsApi
{
    /// <summary>The 404 detail for a report: the same for a missing one and one whose document the caller may not read.</summary>
    public const string NotFoundDetail = "no such report, or you may not read its document; reports are returned by POST /api/reviews";

    /// <summary>The 404 detail for a job: the same for a missing one and another caller's.</summary>
    public const string JobNotFoundDetail = "no such review job, or it is not yours; jobs are returned by POST /api/reviews";

    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "application/json", ["markdown"] = "text/markdown", ["html"] = "text/html",
    };

    /// <summary>Maps the review endpoints.</summary>
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/", ReviewAsync).WithName("ReviewContract")
            .WithSummary("Review a contract: multipart/form-data with one file (fields: for, type, includeInfo, model, strategy, playbook, access), or JSON {documentId, ...}; ?format=json|markdown|html or Accept")
            .Accepts<ReviewBody>("application/json", "multipart/form-data")
            .Produces<RiskReport>(StatusCodes.Status201Created).Produces(StatusCodes.Status201Created, typeof(string), "text/markdown", "text/html")
            .Produces<ReviewJobStatus>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/{id}", GetAsync).WithName("GetReport").WithSummary("A report, in JSON, Markdown or HTML (?format= or Accept)")
            .Produces<RiskReport>().Produces(StatusCodes.Status200OK, typeof(string), "text/markdown", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/jobs/{jobId}", GetJob).WithName("GetReviewJob").WithSummary("A review job's status: queued, running, succeeded (with the report's URL) or failed");
        api.MapPost("/{id}/corrections", CorrectAsync).WithName("CorrectReport")
            .WithSummary("Correct a report: a finding's category, severity, rationale or quote, a false positive, or a missed finding")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Results<ContentHttpResult, Accepted<ReviewJobStatus>, ProblemHttpResult>> ReviewAsync(
        HttpContext http, ClaimsPrincipal user, ReviewQueue queue, NamedPlaybooks playbooks, RequestSizeLimit limit, string? format = null,
        CancellationToken cancellationToken = default)
    {
        if (FormatOf(format, http.Request) is not { } chosen)
        {
            return UnknownFormat(format);
        }

        var caller = CallerPrincipal.FromClaims(user);
        ReviewSubmission? submitted;
        if (http.Request.HasFormContentType)
        {
            var (form, problem) = await UploadForm.ReadAsync(http.Request, limit, cancellationToken);
            if (form is null)
            {
                return problem!;
            }

            if (form.Files.Count != 1)
            {
                return TypedResults.Problem($"send exactly one contract file, not {form.Files.Count}; upload several with POST /api/documents and review each by its documentId",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            var body = UploadForm.ReviewOptions(form);
            await using var content = form.Files[0].OpenReadStream();
            submitted = await queue.SubmitUploadAsync(new UploadedFile(form.Files[0].FileName, content), UploadForm.Access(form), RequestOf(body, playbooks), caller, cancellationToken);
        }
        else if (http.Request.HasJsonContentType())
        {
            var body = await ReadJsonAsync(http.Request, cancellationToken);
            if (body?.DocumentId is not { Length: > 0 } documentId)
            {
                return TypedResults.Problem("send {\"documentId\": \"doc_...\"} (see GET /api/documents), or the contract itself as multipart/form-data",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            submitted = await queue.SubmitDocumentAsync(documentId, RequestOf(body, playbooks), caller, cancellationToken);
            if (submitted is null)
            {
                return TypedResults.Problem(DocumentsApi.NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
            }
        }
        else
        {
            return TypedResults.Problem("send the contract as multipart/form-data, or {\"documentId\": ...} as application/json",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (submitted.Job is { } job)
        {
            return TypedResults.Accepted(ReviewQueue.JobUrl(job.JobId), job);
        }

        http.Response.Headers.Location = ReviewQueue.ReportUrl(submitted.Report!.ReportId);
        return Render(submitted.Report, chosen, StatusCodes.Status201Created);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ReviewService reviews, string? format = null, CancellationToken cancellationToken = default)
    {
        if (FormatOf(format, request) is not { } chosen)
        {
            return UnknownFormat(format);
        }

        return await reviews.GetReportAsync(id, CallerPrincipal.FromClaims(user), cancellationToken) is { } report
            ? Render(report, chosen, StatusCodes.Status200OK)
            : TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
    }

    private static Results<Ok<ReviewJobStatus>, ProblemHttpResult> GetJob(string jobId, ClaimsPrincipal user, ReviewQueue queue) =>
        queue.GetStatus(jobId, CallerPrincipal.FromClaims(user)) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.Problem(JobNotFoundDetail, statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Created<Correction>, Ok<Correction>, ProblemHttpResult>> CorrectAsync(
        string id, CorrectionBody body, ClaimsPrincipal user, ReviewService reviews, CorrectionService corrections, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        if (await reviews.GetReportAsync(id, caller, cancellationToken) is null)
        {
            return TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
        }

        var (correction, added) = await corrections.CorrectAsync(id, new CorrectionRequest(body.Finding, body.FalsePositive, body.Missed, body.Category, body.Severity,
            body.Rationale, body.Quote, body.Note), caller, cancellationToken);
        return added ? TypedResults.Created(CorrectionsApi.Url(correction.Id), correction) : TypedResults.Ok(correction);
    }

    /// <summary>The review options; a strategy is a built-in name only and a playbook one of the server's by name (a path would read the server's files).</summary>
    internal static ReviewRequest RequestOf(ReviewBody body, NamedPlaybooks playbooks)
    {
        var kind = string.IsNullOrWhiteSpace(body.Type) ? null : body.Type.Trim().ToLowerInvariant();
        if (kind is not null && kind != "other" && ContractKinds.All.All(k => k.Id != kind))
        {
            throw new TandemException($"unknown contract type '{body.Type}'", $"use one of: {string.Join(", ", ContractKinds.All.Select(k => k.Id))}, other");
        }

        var strategy = string.IsNullOrWhiteSpace(body.Strategy) ? PromptStrategy.BuiltIn[0] : body.Strategy.Trim();
        if (!PromptStrategy.BuiltIn.Contains(strategy))
        {
            throw new TandemException($"unknown prompt strategy '{body.Strategy}'", $"use {string.Join(" or ", PromptStrategy.BuiltIn)}");
        }

        return new ReviewRequest
        {
            PlaybookPath = playbooks.Get(body.Playbook).Path,
            Options = new AnalysisOptions { ForParty = string.IsNullOrWhiteSpace(body.For) ? null : body.For.Trim(), ContractKind = kind, IncludeInfo = body.IncludeInfo ?? true },
            Model = string.IsNullOrWhiteSpace(body.Model) ? null : body.Model.Trim(),
            Strategy = strategy,
        };
    }

    private static async Task<ReviewBody?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFromJsonAsync<ReviewBody>(cancellationToken);
        }
        catch (JsonException e)
        {
            throw new TandemException("the JSON body could not be read", "send {\"documentId\": \"doc_...\", \"for\": \"customer\"}", e);
        }
    }

    /// <summary>?format= wins; otherwise the Accept header; otherwise JSON. Null: an unknown format.</summary>
    private static string? FormatOf(string? format, HttpRequest request)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            return Formats.ContainsKey(format.Trim()) ? format.Trim().ToLowerInvariant() : null;
        }

        // The most wanted type the server has; none of them (or */*) is JSON.
        foreach (var media in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (Formats.FirstOrDefault(f => media.MediaType.Equals(f.Value, StringComparison.OrdinalIgnoreCase)).Key is { } named)
            {
                return named;
            }
        }

        return "json";
    }

    private static ProblemHttpResult UnknownFormat(string? format) =>
        TypedResults.Problem($"unknown format '{format}'; use json, markdown or html (or send Accept: text/markdown or text/html)", statusCode: StatusCodes.Status400BadRequest);

    private static ContentHttpResult Render(RiskReport report, string format, int status) => format switch
    {
        "markdown" => TypedResults.Text(ReportMarkdown.Render(report), Formats[format], Encoding.UTF8, status),
        "html" => TypedResults.Text(ReportHtml.Render(report), Formats[format], Encoding.UTF8, status),
        _ => TypedResults.Text(ReportJson.Render(report), Formats["json"], Encoding.UTF8, status),
    };
}
