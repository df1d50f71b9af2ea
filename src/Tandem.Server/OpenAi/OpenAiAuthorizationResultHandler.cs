using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Tandem.Server.OpenAi;

/// <summary>
/// Refusals of /v1 requests (no key, a bad key, a forbidden operation) in OpenAI's error shape,
/// which OpenAI's clients show to their users; other paths keep the default behaviour (their
/// empty 401/403 becomes ProblemDetails further down the pipeline).
/// </summary>
internal sealed class OpenAiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!context.Request.Path.StartsWithSegments("/v1") || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        // The schemes still set the status and their headers (WWW-Authenticate); the body is OpenAI's.
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (!context.Response.HasStarted)
        {
            await OpenAiApi.Error(OpenAiException.ForStatus(context.Response.StatusCode)).ExecuteAsync(context);
        }
    }
}
