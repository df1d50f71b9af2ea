using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tandem.Access;
using Tandem.Economics;
using Tandem.Server.Identity;

namespace Tandem.Server.Apis;

/// <summary>
/// The economics of the loop: <c>/api/usage</c> (the caller's metered model calls; admins see
/// everyone's, or one user's), <c>/api/roi</c> (does a fine-tune pay for itself?) and
/// <c>/api/advice</c> (retrieval, fine-tuning, both or neither, with the reasons).
/// </summary>
public static class EconomicsApi
{
    /// <summary>Maps the usage, ROI and advice endpoints.</summary>
    public static IEndpointRouteBuilder MapEconomicsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Economics").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/usage", GetUsageAsync).WithName("GetUsage")
            .WithSummary("Token usage, latency and cost per model and strategy over ?days= (default 30); ?user= for admins")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/roi", CalculateRoi).WithName("CalculateRoi")
            .WithSummary("A scenario as JSON with the fields of samples/scenarios/*.yaml (queries_per_month, before, after, training ...); prices not given come from the price book");
        api.MapPost("/advice", AdviseAsync).WithName("Advise")
            .WithSummary("Answers as JSON with the keys of samples/advisor/*.yaml (knowledge_changes, citations_required, per_user_access ...)");
        return routes;
    }

    private static async Task<Results<Ok<UsageReport>, ProblemHttpResult>> GetUsageAsync(ClaimsPrincipal user, UsageService usage, IAccessPolicy policy,
        int days = 30, [FromQuery(Name = "user")] string? filter = null, CancellationToken cancellationToken = default)
    {
        var caller = CallerPrincipal.FromClaims(user);
        if (filter is not null && filter != caller.UserId && !policy.IsAdmin(caller))
        {
            return TypedResults.Problem("only an admin may see another user's usage; leave out ?user= to see your own", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Ok(await usage.SummariseAsync(caller, days, filter, cancellationToken));
    }

    // JSON is YAML, so the loaders read a body as they read a file, with the same checks and messages.
    private static Ok<RoiAnswer> CalculateRoi(JsonElement scenario, PriceBook prices)
    {
        var loaded = RoiScenarioLoader.Parse(scenario.GetRawText(), "(request body)", prices);
        return TypedResults.Ok(new RoiAnswer(loaded, RoiCalculator.Calculate(loaded)));
    }

    private static async Task<Ok<Advice>> AdviseAsync(JsonElement answers, ClaimsPrincipal user, AdviceService advice, CancellationToken cancellationToken) =>
        TypedResults.Ok(await advice.AdviseAsync(AdvisorAnswersLoader.Parse(answers.GetRawText(), "(request body)"), CallerPrincipal.FromClaims(user),
            cancellationToken: cancellationToken));
}
