using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tandem.Server.Apis;

/// <summary>The learning loop's endpoints, mapped together: datasets, fine-tune jobs, the model registry and retraining.</summary>
public static class LearningApis
{
    /// <summary>Maps every learning endpoint.</summary>
    public static IEndpointRouteBuilder MapLearningApis(this IEndpointRouteBuilder routes)
    {
        routes.MapDatasetsApi();
        routes.MapFineTunesApi();
        routes.MapModelsApi();
        routes.MapRetrainApi();
        return routes;
    }

    /// <summary>A learning feature's group: every endpoint needs a caller, and may answer 401 or 429.</summary>
    internal static RouteGroupBuilder MapLearningGroup(this IEndpointRouteBuilder routes, string prefix, string tag) =>
        routes.MapGroup(prefix).WithTags(tag).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
