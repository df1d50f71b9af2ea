using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Analysis;
using Tandem.Server.Batches;
using Tandem.Server.Identity;
using Tandem.Server.Limits;
using Tandem.Store;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/batches</c>: review a set of contracts in the background, one job per contract (a data
/// room's worth), and follow the batch: progress and, per contract, counts by severity, highest
/// risks and the report's URL. A batch that is not the caller's is a 404 like a missing one.
/// </summary>
public static class BatchesApi
{
    /// <summary>The 404 detail of a batch: the same for a missing one and another caller's.</summary>
    public const string NotFoundDetail = "no such batch, or it is not yours; batches are returned by POST /api/batches";

    /// <summary>Maps the batch endpoints.</summary>
    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/batches").WithTags("Batches").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/", SubmitAsync).WithName("ReviewBatch")
            .WithSummary("Review many contracts in the background: multipart/form-data with one part per file (fields: for, type, includeInfo, model, strategy, playbook, access), or JSON {documentIds: [...], ...}; 202 with the batch's URL")
            .Accepts<BatchBody>("application/json", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/{id}", Get).WithName("GetBatch")
            .WithSummary("A batch's progress (done, failed, total) and per contract its status, counts by severity, highest risks and report URL")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Accepted<BatchStatus>, ProblemHttpResult>> SubmitAsync(HttpContext http, ClaimsPrincipal user, BatchQueue batches,
        NamedPlaybooks playbooks, RequestSizeLimit limit, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        BatchStatus? submitted;
        if (http.Request.HasFormContentType)
        {
            var (form, problem) = await UploadForm.ReadAsync(http.Request, limit, cancellationToken);
            if (form is null)
            {
                return problem!;
            }

            var request = ReviewsApi.RequestOf(UploadForm.ReviewOptions(form), playbooks);
            var streams = form.Files.Select(f => f.OpenReadStream()).ToList();
            try
            {
                submitted = await batches.SubmitUploadsAsync(form.Files.Select((f, i) => new UploadedFile(f.FileName, streams[i])).ToList(), UploadForm.Access(form),
                    request, caller, cancellationToken);
            }
            finally
            {
                foreach (var stream in streams)
                {
                    await stream.DisposeAsync();
                }
            }
        }
        else if (http.Request.HasJsonContentType())
        {
            var body = await ReadJsonAsync(http.Request, cancellationToken);
            if (body?.DocumentIds is not { Count: > 0 } ids || ids.Any(string.IsNullOrWhiteSpace))
            {
                return TypedResults.Problem("send {\"documentIds\": [\"doc_...\", ...]} (see GET /api/documents), or the contracts themselves as multipart/form-data",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            submitted = await batches.SubmitDocumentsAsync(ids, ReviewsApi.RequestOf(body.Options, playbooks), caller, cancellationToken);
            if (submitted is null)
            {
                return TypedResults.Problem(DocumentsApi.NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
            }
        }
        else
        {
            return TypedResults.Problem("send the contracts as multipart/form-data, or {\"documentIds\": [...]} as application/json",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        return TypedResults.Accepted(BatchQueue.Url(submitted.BatchId), submitted);
    }

    private static Results<Ok<BatchStatus>, ProblemHttpResult> Get(string id, ClaimsPrincipal user, BatchQueue batches) =>
        batches.Get(id, CallerPrincipal.FromClaims(user)) is { } batch
            ? TypedResults.Ok(batch)
            : TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);

    private static async Task<BatchBody?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFromJsonAsync<BatchBody>(cancellationToken);
        }
        catch (JsonException e)
        {
            throw new TandemException("the JSON body could not be read", "send {\"documentIds\": [\"doc_...\"], \"for\": \"customer\"}", e);
        }
    }
}
