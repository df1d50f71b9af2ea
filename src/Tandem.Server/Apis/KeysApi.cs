using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tandem.Access;
using Tandem.Server.Identity;

namespace Tandem.Server.Apis;

/// <summary><c>/api/keys</c>: create, list and revoke API keys; admins only (the access policy's admin group).</summary>
public static class KeysApi
{
    /// <summary>Maps the key endpoints.</summary>
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(AdminRequirement.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/", CreateAsync).WithName("CreateKey").WithSummary("Create a key; the response holds the key, shown this once")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/", ListAsync).WithName("ListKeys").WithSummary("Every key, without secrets");
        api.MapDelete("/{keyId}", RevokeAsync).WithName("RevokeKey").WithSummary("Revoke a key at once");
        return routes;
    }

    private static async Task<Created<CreatedApiKey>> CreateAsync(KeyRequest body, IApiKeyStore keys, CancellationToken cancellationToken)
    {
        var created = await keys.CreateAsync(new ApiKeyRequest
        {
            UserId = body.User ?? string.Empty,
            Groups = body.Groups ?? [],
            Admin = body.Admin,
            Lifetime = body.Expires is null ? null : ApiKeyToken.ParseLifetime(body.Expires),
        }, cancellationToken);
        return TypedResults.Created($"/api/keys/{created.Key.KeyId}", created);
    }

    private static async Task<Ok<IReadOnlyList<ApiKey>>> ListAsync(IApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string keyId, IApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(keyId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem("no key with that id; list them with GET /api/keys", statusCode: StatusCodes.Status404NotFound);
}
