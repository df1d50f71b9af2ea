using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Analysis;

namespace Tandem.Server.Apis;

/// <summary><c>/api/playbooks</c>: the playbooks a review may name, loaded and validated when the server started.</summary>
public static class PlaybooksApi
{
    /// <summary>Maps the playbooks endpoint.</summary>
    public static IEndpointRouteBuilder MapPlaybooksApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/playbooks", List).WithTags("Reviews").RequireAuthorization().WithName("ListPlaybooks")
            .WithSummary("The playbooks a review, batch or upload may name in its playbook field: the standard one first")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    private static Ok<IReadOnlyList<PlaybookSummary>> List(NamedPlaybooks playbooks) =>
        TypedResults.Ok<IReadOnlyList<PlaybookSummary>>(playbooks.All
            .Select(p => new PlaybookSummary(p.Name, p.Playbook.Name, p.Playbook.Version, p.Playbook.Description, p.Playbook.Rules.Count)).ToList());
}
