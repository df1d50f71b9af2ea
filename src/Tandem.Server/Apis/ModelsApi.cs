using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Access;
using Tandem.Learning;
using Tandem.Server.Identity;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/models</c>: the registry as the caller may see it (lineage and gate scores), the
/// retraining decisions they asked for, and, for admins, scoring a model on the held-out gate set
/// and promoting a candidate through the same gate as <c>tandem models promote</c>. A refusal by
/// the gate is a 409 whose ProblemDetails list every reason.
/// </summary>
public static class ModelsApi
{
    /// <summary>The 404 detail: the same for a missing model and one the caller may not see.</summary>
    public const string NotFoundDetail = "no such model in the registry, or you may not see it; list them with GET /api/models";

    /// <summary>Maps the model registry endpoints.</summary>
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapLearningGroup("/api/models", "Models");
        api.MapGet("/", ListAsync).WithName("ListModels").WithSummary("The registry: models trained for you (admins: all) with lineage, status and gate scores");
        api.MapGet("/decisions", DecisionsAsync).WithName("ListRetrainDecisions").WithSummary("The retraining decisions you asked for (admins: all), newest first");
        api.MapPost("/{id}/evaluate", EvaluateAsync).WithName("EvaluateModel").RequireAuthorization(AdminRequirement.Policy)
            .WithSummary("Score a model on the held-out gate contracts of a CUAD-style folder on the server and record the scores (admins)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/{id}/promote", PromoteAsync).WithName("PromoteModel").RequireAuthorization(AdminRequirement.Policy)
            .WithSummary("Promote a scored candidate if it beats its backend's champion on the gate set (admins); a refusal is a 409 with the gate's reasons")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<RegisteredModel>>> ListAsync(ClaimsPrincipal user, ModelService models, IAccessPolicy access, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        var listed = await models.ListAsync(caller, cancellationToken);
        // Where a model lives on the server's disk or network is the operator's business: others see the file's name only, and no endpoint.
        return TypedResults.Ok<IReadOnlyList<RegisteredModel>>(access.IsAdmin(caller)
            ? listed
            : listed.Select(m => m with { Location = Path.IsPathRooted(m.Location) ? Path.GetFileName(m.Location) : m.Location, Endpoint = null }).ToList());
    }

    private static async Task<Ok<IReadOnlyList<RetrainDecision>>> DecisionsAsync(ClaimsPrincipal user, ModelService models, CancellationToken cancellationToken) =>
        TypedResults.Ok(await models.ListDecisionsAsync(CallerPrincipal.FromClaims(user), cancellationToken));

    private static async Task<Results<Ok<GateScores>, ProblemHttpResult>> EvaluateAsync(string id, EvaluateRequest body, ClaimsPrincipal user, ModelService models,
        CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        if (!await ExistsAsync(models, id, caller, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(body.Data))
        {
            return TypedResults.Problem("give data: a folder on the server laid out like CUAD, whose held-out gate contracts are scored", statusCode: StatusCodes.Status400BadRequest);
        }

        var request = new ModelEvaluation { DataFolder = body.Data, Via = body.Via, Strategy = body.Strategy ?? "fine-tuned", Contracts = body.Contracts ?? 20 };
        return TypedResults.Ok(await models.EvaluateAsync(id, request, caller, cancellationToken: cancellationToken));
    }

    private static async Task<Results<Ok<Promotion>, ProblemHttpResult>> PromoteAsync(string id, PromoteRequest? body, ClaimsPrincipal user, ModelService models,
        CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        if (!await ExistsAsync(models, id, caller, cancellationToken))
        {
            return NotFound();
        }

        body ??= new PromoteRequest();
        // Force without a reason is an empty reason, which the service refuses, as the CLI's --force without --reason.
        var promotion = await models.PromoteAsync(id, body.Margin / 100, body.Force ? body.Reason ?? string.Empty : null, caller, cancellationToken);
        return promotion.Promoted
            ? TypedResults.Ok(promotion)
            : TypedResults.Problem(promotion.Refusal + "; improve the candidate, or force it with a reason", statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["reasons"] = promotion.Decision.Reasons });
    }

    private static async Task<bool> ExistsAsync(ModelService models, string id, Principal caller, CancellationToken cancellationToken) =>
        (await models.ListAsync(caller, cancellationToken)).Any(m => m.Id == id);

    private static ProblemHttpResult NotFound() => TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
}
