using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Learning;
using Tandem.Server.Identity;
using Tandem.Server.Jobs;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/retrain</c>: the retraining policy's decision now, as the caller sees the registry, and
/// (admins) a local retrain of the analyst, which runs in the background: 202 with a status URL.
/// </summary>
public static class RetrainApi
{
    /// <summary>The 404 detail of an unknown retrain job.</summary>
    public const string NotFoundDetail = "no such retrain job; start one with POST /api/retrain/local";

    /// <summary>Maps the retraining endpoints.</summary>
    public static IEndpointRouteBuilder MapRetrainApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapLearningGroup("/api/retrain", "Retraining");
        api.MapGet("/decision", DecideAsync).WithName("GetRetrainDecision")
            .WithSummary("Whether a retrain of a backend (default local) for an audience (default you and your groups) is due under the policy now; not recorded")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/local", StartLocal).WithName("RetrainLocal").RequireAuthorization(AdminRequirement.Policy)
            .WithSummary("Retrain the local analyst in the background on a CUAD-style folder on the server plus the accepted corrections, score and register it (admins)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/jobs/{id}", Status).WithName("GetRetrainJob").RequireAuthorization(AdminRequirement.Policy)
            .WithSummary("A local retrain's status: queued, running, succeeded (with the candidate's id) or failed (admins)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<Ok<RetrainDecision>> DecideAsync(ClaimsPrincipal user, RetrainService retrain, DatasetService datasets, string backend = "local",
        string? audience = null, CancellationToken cancellationToken = default)
    {
        var caller = CallerPrincipal.FromClaims(user);
        var readers = datasets.CheckedAudience(caller, audience) ?? caller.AccessTokens;
        return TypedResults.Ok(await retrain.DecideAsync(backend, readers, caller, cancellationToken: cancellationToken));
    }

    private static Accepted<BackgroundJobStatus> StartLocal(RetrainRequest body, ClaimsPrincipal user, LocalRetrainQueue queue)
    {
        var id = queue.Enqueue(body.Data, body.Contracts, body.UseCorrections, body.Audience, CallerPrincipal.FromClaims(user));
        return TypedResults.Accepted($"/api/retrain/jobs/{id}", new BackgroundJobStatus(id, "queued", null, null));
    }

    private static Results<Ok<BackgroundJobStatus>, ProblemHttpResult> Status(string id, JobStorage storage) =>
        LocalRetrainQueue.Status(storage, id) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
}
