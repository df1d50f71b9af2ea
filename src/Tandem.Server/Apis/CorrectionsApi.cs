using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Learning;
using Tandem.Server.Identity;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/corrections</c>: the corrections on reports the caller may read, and accepting or
/// rejecting one (its document's owner, an admin, or a reviewer who did not write it). A correction
/// on a report the caller may not read is a 404 with the same body as a missing one.
/// </summary>
public static class CorrectionsApi
{
    /// <summary>The 404 detail: the same for a missing correction and one the caller may not see.</summary>
    public const string NotFoundDetail = "no such correction, or you may not read its report; list them with GET /api/corrections";

    /// <summary>Where a correction is read.</summary>
    public static string Url(string correctionId) => $"/api/corrections/{Uri.EscapeDataString(correctionId)}";

    /// <summary>Maps the correction endpoints.</summary>
    public static IEndpointRouteBuilder MapCorrectionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/corrections").WithTags("Corrections").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/", ListAsync).WithName("ListCorrections").WithSummary("Corrections on reports you may read; ?status=pending|accepted|rejected")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", GetAsync).WithName("GetCorrection").WithSummary("One correction with its review state");
        api.MapPost("/{id}/accept", (string id, ClaimsPrincipal user, CorrectionService corrections, CancellationToken cancellationToken) =>
                ReviewAsync(id, accept: true, user, corrections, cancellationToken))
            .WithName("AcceptCorrection").WithSummary("Accept a pending correction: its training example trains models (the document's owner, an admin, or another reviewer)");
        api.MapPost("/{id}/reject", (string id, ClaimsPrincipal user, CorrectionService corrections, CancellationToken cancellationToken) =>
                ReviewAsync(id, accept: false, user, corrections, cancellationToken))
            .WithName("RejectCorrection").WithSummary("Reject a pending correction: its training example is deleted");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<RecordedCorrection>>> ListAsync(ClaimsPrincipal user, CorrectionService corrections, string? status = null,
        CancellationToken cancellationToken = default) =>
        TypedResults.Ok(await corrections.ListAsync(CallerPrincipal.FromClaims(user), status, cancellationToken));

    private static async Task<Results<Ok<RecordedCorrection>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, CorrectionService corrections,
        CancellationToken cancellationToken) =>
        await corrections.GetAsync(id, CallerPrincipal.FromClaims(user), cancellationToken) is { } correction
            ? TypedResults.Ok(correction)
            : TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CorrectionDecision>, ProblemHttpResult>> ReviewAsync(string id, bool accept, ClaimsPrincipal user,
        CorrectionService corrections, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        return await corrections.ReviewAsync(id, accept, caller, cancellationToken) switch
        {
            CorrectionReview.Accepted => TypedResults.Ok(new CorrectionDecision(id, "accepted")),
            CorrectionReview.Rejected => TypedResults.Ok(new CorrectionDecision(id, "rejected")),
            CorrectionReview.NotAllowed => TypedResults.Problem(
                $"you ({caller.UserId}) may not review this correction: its document's owner, an admin, or a reviewer other than its author reviews it; ask one of them",
                statusCode: StatusCodes.Status403Forbidden),
            CorrectionReview.AlreadyReviewed => TypedResults.Problem("this correction was reviewed already; a decision is taken once", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound),
        };
    }
}
