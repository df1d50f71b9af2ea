using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tandem.Access;

namespace Tandem.Server.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer tdm_...</c> against the key store. An expired, revoked,
/// forged or malformed key fails the same way, and the challenge is the same bare 401 for all of
/// them and for no key at all (its ProblemDetails body is written by the status-code pages), so
/// nothing tells a caller which check failed.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (await keys.VerifyAsync(token, Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail("the bearer key is not a valid API key");
        }

        var identity = CallerPrincipal.ToIdentity(key.ToPrincipal(), SchemeName);
        identity.AddClaim(new Claim(CallerPrincipal.KeyIdClaim, key.KeyId));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Task.CompletedTask;
    }
}
