using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Access;
using Tandem.Server.Identity;
using Tandem.Server.Limits;
using Tandem.Server.Uploads;
using Tandem.Store;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/documents</c>: upload, list, get with versions, retire, change the access list, and the
/// access history. A document the caller may not read is a 404 with the same body as a missing
/// one; one they may read but not change is a 403.
/// </summary>
public static class DocumentsApi
{
    /// <summary>The 404 detail: the same for a missing document and one the caller may not read, and it does not echo the id.</summary>
    public const string NotFoundDetail = "no such document, or you may not read it; list yours with GET /api/documents";

    /// <summary>Maps the documents endpoints.</summary>
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/documents").WithTags("Documents")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/", UploadAsync).WithName("UploadDocuments")
            .WithSummary("Upload one or more files (multipart/form-data; optional 'access' field: 'alice,group:legal'); a large upload, or one sent with ?background=true, "
                + "is ingested in the background: 202 with the job's status URL")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/uploads/{id}", UploadStatus).WithName("GetUploadJob")
            .WithSummary("A background upload's status, and what each file became once ingested (its sender or an admin)");
        api.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("The documents you may read");
        api.MapGet("/{id}", GetAsync).WithName("GetDocument").WithSummary("A document with its clauses and versions");
        api.MapDelete("/{id}", RetireAsync).WithName("RetireDocument").WithSummary("Retire a document (its owner or an admin)");
        api.MapPut("/{id}/access", SetAccessAsync).WithName("SetDocumentAccess").WithSummary("Replace who may read a document (its owner or an admin)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}/history", HistoryAsync).WithName("GetDocumentAccessHistory").WithSummary("Who changed the access list, and when (its owner or an admin)");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<IngestResult>>, Accepted<UploadJobStatus>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, DocumentIngestor ingestor, UploadQueue uploads, RequestSizeLimit limit, bool background = false,
        CancellationToken cancellationToken = default)
    {
        var (form, problem) = await UploadForm.ReadAsync(request, limit, cancellationToken);
        if (form is null)
        {
            return problem!;
        }

        var access = UploadForm.Access(form);
        var caller = CallerPrincipal.FromClaims(user);
        var files = form.Files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            if (uploads.InBackground(form.Files.Sum(f => f.Length), background))
            {
                var queued = await uploads.SubmitAsync(files, access, caller, cancellationToken);
                return TypedResults.Accepted(UploadQueue.StatusUrl(queued.Id), queued);
            }

            return TypedResults.Ok(await ingestor.IngestUploadsAsync(files, caller, access, cancellationToken));
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }

    private static Results<Ok<UploadJobStatus>, ProblemHttpResult> UploadStatus(string id, ClaimsPrincipal user, UploadQueue uploads) =>
        uploads.GetStatus(id, CallerPrincipal.FromClaims(user)) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.Problem("no such upload job, or it is not yours", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Ok<IReadOnlyList<DocumentSummary>>> ListAsync(ClaimsPrincipal user, IDocumentStore store, bool all = false, CancellationToken cancellationToken = default) =>
        TypedResults.Ok(await store.ListDocumentsAsync(CallerPrincipal.FromClaims(user), all, cancellationToken));

    private static async Task<Results<Ok<DocumentDetails>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IDocumentStore store, IDocumentLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        if (await store.GetDocumentAsync(id, caller, cancellationToken) is not { } d || await lifecycle.GetVersionsAsync(id, caller, cancellationToken) is not { } versions)
        {
            return NotFound();
        }

        return TypedResults.Ok(new DocumentDetails(d.DocumentId, d.Title, d.Source, d.MediaType, d.Version, d.ContentHash, d.Owner, d.Access,
            versions.RetiredAt, versions.Versions, d.Clauses));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetireAsync(string id, ClaimsPrincipal user, IDocumentLifecycle lifecycle, CancellationToken cancellationToken) =>
        Answer(await lifecycle.RetireAsync(id, CallerPrincipal.FromClaims(user), cancellationToken), "retire it");

    private static async Task<Results<NoContent, ProblemHttpResult>> SetAccessAsync(
        string id, AccessRequest body, ClaimsPrincipal user, IDocumentLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var access = AccessList.Parse(string.Join(',', body.Access ?? []));
        return Answer(await lifecycle.SetAccessAsync(id, access, CallerPrincipal.FromClaims(user), cancellationToken), "change who may read it");
    }

    private static async Task<Results<Ok<IReadOnlyList<AccessEvent>>, ProblemHttpResult>> HistoryAsync(
        string id, ClaimsPrincipal user, IDocumentStore store, IAccessPolicy access, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        if (await store.GetDocumentAsync(id, caller, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        return access.CanChange(caller, document.Owner) ? TypedResults.Ok(document.AccessHistory) : NotAllowed("see its access history");
    }

    private static Results<NoContent, ProblemHttpResult> Answer(DocumentChange change, string what) => change switch
    {
        DocumentChange.NotFound => NotFound(),
        DocumentChange.NotAllowed => NotAllowed(what),
        _ => TypedResults.NoContent(),
    };

    private static ProblemHttpResult NotFound() => TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NotAllowed(string what) =>
        TypedResults.Problem($"only the document's owner or an admin may {what}; ask its owner", statusCode: StatusCodes.Status403Forbidden);
}
