using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Server.Identity;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/examples</c>: the training examples the caller may read (or those waiting for their
/// review), and accepting or rejecting them, as <c>tandem examples list|review</c> does.
/// </summary>
public static class ExamplesApi
{
    /// <summary>Maps the example endpoints.</summary>
    public static IEndpointRouteBuilder MapExamplesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/examples").WithTags("Examples").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/", ListAsync).WithName("ListExamples")
            .WithSummary("Examples you may read; ?category=, ?provenance=curated|correction|imported|synthetic; ?pending=true: those waiting for your review");
        api.MapPost("/review", ReviewAsync).WithName("ReviewExamples")
            .WithSummary("Accept or reject examples by id and/or a report's pending corrections; nothing is reviewed when any is not yours to review")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<TrainingExample>>> ListAsync(ClaimsPrincipal user, ExampleService examples, string? category = null,
        string? provenance = null, bool pending = false, CancellationToken cancellationToken = default)
    {
        var caller = CallerPrincipal.FromClaims(user);
        var listed = pending ? await examples.ListPendingAsync(caller, cancellationToken) : await examples.ListAsync(caller, category, provenance, cancellationToken);
        return TypedResults.Ok(pending ? listed.Where(e => (category is null || e.Category == category) && (provenance is null || e.Provenance == provenance)).ToList() : listed);
    }

    private static async Task<Results<Ok<ExampleDecision>, ProblemHttpResult>> ReviewAsync(ExampleReviewBody body, ClaimsPrincipal user, ExampleService examples,
        ReviewService reviews, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        if (body.ReportId is { } reportId && await reviews.GetReportAsync(reportId, caller, cancellationToken) is null)
        {
            return TypedResults.Problem(ReviewsApi.NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
        }

        var decision = await examples.ReviewAsync(caller, body.Ids ?? [], body.ReportId, body.Accept, cancellationToken);
        return decision.Refused.Count > 0
            ? TypedResults.Problem(ExampleReview.Refusal(caller, decision.Refused).ToUserMessage(), statusCode: StatusCodes.Status403Forbidden)
            : TypedResults.Ok(decision);
    }
}
