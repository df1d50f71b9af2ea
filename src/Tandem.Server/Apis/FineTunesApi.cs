using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Learning;
using Tandem.Server.Identity;

namespace Tandem.Server.Apis;

/// <summary>
/// <c>/api/finetunes</c>: start a provider fine-tune job from one of your datasets on a configured
/// model, list your jobs, follow one (a succeeded job's model is registered as a candidate for the
/// dataset's audience) and cancel it. A job is its starter's (and admins'); anyone else's is a 404.
/// </summary>
public static class FineTunesApi
{
    /// <summary>The 404 detail: the same for a missing job and someone else's.</summary>
    public const string NotFoundDetail = "no such fine-tune job, or it is not yours; list yours with GET /api/finetunes";

    /// <summary>Maps the fine-tune endpoints.</summary>
    public static IEndpointRouteBuilder MapFineTunesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapLearningGroup("/api/finetunes", "Fine-tunes");
        api.MapPost("/", StartAsync).WithName("StartFineTune")
            .WithSummary("Upload one of your datasets to a configured model's provider and start a fine-tuning job")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/", ListAsync).WithName("ListFineTunes").WithSummary("The jobs you started (admins: all), newest first");
        api.MapGet("/{id}", FollowAsync).WithName("GetFineTune")
            .WithSummary("A job as its provider reports it now; a succeeded job's model is registered as a candidate");
        api.MapPost("/{id}/cancel", CancelAsync).WithName("CancelFineTune").WithSummary("Cancel a running job");
        return routes;
    }

    private static async Task<Results<Created<FineTuneJobDetails>, ProblemHttpResult>> StartAsync(FineTuneRequest body, ClaimsPrincipal user, FineTuneService fineTunes,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.DatasetId) || string.IsNullOrWhiteSpace(body.Model))
        {
            return TypedResults.Problem("give datasetId (from POST /api/datasets) and model (a configured model's name)", statusCode: StatusCodes.Status400BadRequest);
        }

        var tracked = await fineTunes.StartFromDatasetAsync(body.DatasetId, body.Model, body.Epochs, body.Suffix, CallerPrincipal.FromClaims(user), cancellationToken);
        return tracked is null
            ? TypedResults.Problem(DatasetsApi.NotFoundDetail, statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Created($"/api/finetunes/{tracked.Record.JobId}", FineTuneJobDetails.Of(tracked));
    }

    private static async Task<Ok<IReadOnlyList<FineTuneJobRecord>>> ListAsync(ClaimsPrincipal user, FineTuneService fineTunes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await fineTunes.ListJobsAsync(CallerPrincipal.FromClaims(user), cancellationToken));

    private static async Task<Results<Ok<FineTuneJobDetails>, ProblemHttpResult>> FollowAsync(string id, ClaimsPrincipal user, FineTuneService fineTunes,
        CancellationToken cancellationToken) =>
        Answer(await fineTunes.FollowJobAsync(id, CallerPrincipal.FromClaims(user), cancellationToken));

    private static async Task<Results<Ok<FineTuneJobDetails>, ProblemHttpResult>> CancelAsync(string id, ClaimsPrincipal user, FineTuneService fineTunes,
        CancellationToken cancellationToken) =>
        Answer(await fineTunes.CancelJobAsync(id, CallerPrincipal.FromClaims(user), cancellationToken));

    private static Results<Ok<FineTuneJobDetails>, ProblemHttpResult> Answer(TrackedJob? tracked) =>
        tracked is null ? TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound) : TypedResults.Ok(FineTuneJobDetails.Of(tracked));
}
