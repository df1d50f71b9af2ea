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
/// <c>/api/datasets</c>: build a fine-tuning dataset from the reviewed examples the caller's
/// audience may read, see it, and download its files. A dataset is its builder's (and admins');
/// anyone else's is a 404 with the same body as a missing one.
/// </summary>
public static class DatasetsApi
{
    /// <summary>The 404 detail: the same for a missing dataset and someone else's.</summary>
    public const string NotFoundDetail = "no such dataset, or it is not yours; build one with POST /api/datasets";

    /// <summary>Maps the dataset endpoints.</summary>
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapLearningGroup("/api/datasets", "Datasets");
        api.MapPost("/", CreateAsync).WithName("BuildDataset")
            .WithSummary("Build a dataset from the reviewed examples your audience may read (access guard, near duplicates dropped), validate it and keep it")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", GetAsync).WithName("GetDataset").WithSummary("A dataset you built: counts, tokens and what was left out");
        api.MapGet("/{id}/download", DownloadAsync).WithName("DownloadDataset").WithSummary("A dataset's file as JSON Lines (split=train or validation)")
            .Produces(StatusCodes.Status200OK, contentType: "application/jsonl").ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Created<DatasetDetails>> CreateAsync(DatasetRequest body, ClaimsPrincipal user, DatasetService datasets, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        // The audience is checked before any example is read.
        var options = new DatasetOptions
        {
            Audience = datasets.CheckedAudience(caller, body.Audience) ?? [AccessList.Public],
            Format = DatasetService.ParseFormat(body.Format ?? "openai-chat"),
            RetrievalAware = body.RetrievalAware,
            Distractors = body.Distractors ?? 3,
            OracleRatio = body.OracleRatio ?? 0.8,
            Split = body.Split ?? 0.9,
            Instructions = DatasetService.FineTunedInstructions(),
        };
        var dataset = await datasets.CreateAsync(options, caller, cancellationToken);
        return TypedResults.Created($"/api/datasets/{dataset.Id}", Details(dataset, datasets, caller));
    }

    private static async Task<Results<Ok<DatasetDetails>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, DatasetService datasets, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(user);
        return await datasets.GetAsync(id, caller, cancellationToken) is { } dataset ? TypedResults.Ok(Details(dataset, datasets, caller)) : NotFound();
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(string id, ClaimsPrincipal user, DatasetService datasets,
        string split = "train", CancellationToken cancellationToken = default)
    {
        DatasetSplit? chosen = split switch { "train" => DatasetSplit.Train, "validation" => DatasetSplit.Validation, _ => null };
        if (chosen is not { } which)
        {
            return TypedResults.Problem($"unknown split '{split}'; use split=train or split=validation", statusCode: StatusCodes.Status400BadRequest);
        }

        return await datasets.OpenAsync(id, which, CallerPrincipal.FromClaims(user), cancellationToken) is { } stream
            ? TypedResults.Stream(stream, "application/jsonl", $"{id}-{split}.jsonl")
            : NotFound();
    }

    private static DatasetDetails Details(StoredDataset d, DatasetService datasets, Principal caller) =>
        new(d.Id, d.Owner, d.Audience, d.CreatedAt, d.Format, d.RetrievalAware, d.Train, d.Validation, d.DatasetHash, d.TotalTokens, d.MeanTokens, d.MaxTokens,
            datasets.Summarise(d.Excluded, caller), $"/api/datasets/{d.Id}/download?split=train", $"/api/datasets/{d.Id}/download?split=validation");

    private static ProblemHttpResult NotFound() => TypedResults.Problem(NotFoundDetail, statusCode: StatusCodes.Status404NotFound);
}
