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
        return routes;
    }
}
