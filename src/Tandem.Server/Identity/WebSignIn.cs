using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tandem.Web;
using Tandem.Web.Identity;

namespace Tandem.Server.Identity;

/// <summary>
/// The web app's sign-in through the firm's OpenID Connect provider (<c>Tandem:Auth:Oidc</c>):
/// the authorization code flow with PKCE, whose verified id token becomes the same caller, in the
/// same cookie, as an API key's sign-in, so the same access policy applies. The user and groups
/// claims are read as for a JWT bearer token (<see cref="ProviderClaims"/>).
/// </summary>
internal static class WebSignIn
{
    /// <summary>The configuration section: Authority, ClientId, ClientSecret, Scopes, UserClaim, GroupsClaim, DisplayName.</summary>
    public const string OidcSection = "Tandem:Auth:Oidc";

    /// <summary>Registers the provider's scheme when <c>Authority</c> is set; a half-made configuration is one error line.</summary>
    public static void AddOpenIdConnect(IServiceCollection services, AuthenticationBuilder authentication, IConfigurationSection oidc)
    {
        if (string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            return;
        }

        if (!Uri.TryCreate(oidc["Authority"], UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            throw new TandemException($"{OidcSection}:Authority is not an http(s) address: '{oidc["Authority"]}'",
                "set it to your provider's issuer, e.g. https://login.example.com/realms/firm");
        }

        if (string.IsNullOrWhiteSpace(oidc["ClientId"]))
        {
            throw new TandemException($"{OidcSection}:Authority is set but {OidcSection}:ClientId is not",
                "register Tandem's web app with your provider and set the client id (and ClientSecret) it gives");
        }

        var claims = new ProviderClaims(oidc);
        var displayName = oidc["DisplayName"] is { Length: > 0 } name ? name : authority.Host;
        services.Configure<WebSignInOptions>(o => o.ProviderDisplayName = displayName);
        authentication.AddOpenIdConnect(WebIdentity.ProviderScheme, displayName, o =>
        {
            o.Authority = authority.ToString();
            // Plain http only to a provider on this machine (a test's, a developer's); anywhere else the metadata must come over TLS.
            o.RequireHttpsMetadata = !authority.IsLoopback;
            o.ClientId = oidc["ClientId"];
            o.ClientSecret = oidc["ClientSecret"] is { Length: > 0 } secret ? secret : null;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax rather than None.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = WebPaths.ProviderCallback;
            o.SignedOutCallbackPath = WebPaths.ProviderSignedOut;
            o.SignInScheme = WebIdentity.Scheme;
            o.SignOutScheme = WebIdentity.Scheme;
            o.Scope.Clear();
            foreach (var scope in (oidc["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct(StringComparer.Ordinal))
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false;
            // The configured user claim decides who signs in (below); a token without "sub" is refused there with a clear page, not here.
            o.ProtocolValidator.RequireSub = false;
            // Only the id token is kept (for the provider's sign-out); the access and refresh tokens are dropped below.
            o.SaveTokens = true;
            o.Events = new OpenIdConnectEvents
            {
                OnTicketReceived = context => SignInAsync(context, claims),
                OnRemoteFailure = context =>
                {
                    Log(context.HttpContext).LogWarning("OpenID Connect sign-in failed: {Reason}", context.Failure?.Message);
                    context.Response.Redirect(WebPaths.SignInFailed(WebSignInFailure.Provider));
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
                OnRedirectToIdentityProviderForSignOut = context =>
                {
                    // A provider that advertises no end_session_endpoint has no session to end: the cookie is gone already.
                    if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
                    {
                        context.Response.Redirect(context.Properties.RedirectUri ?? WebPaths.SignIn);
                        context.HandleResponse();
                    }

                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>The provider's verified identity becomes the caller's cookie, or a refusal page when it names no usable user.</summary>
    private static Task SignInAsync(TicketReceivedContext context, ProviderClaims claims)
    {
        if (claims.CallerOf(context.Principal) is not { } caller)
        {
            Log(context.HttpContext).LogWarning("OpenID Connect sign-in refused: the id token has no usable '{Claim}' claim", claims.User);
            context.Response.Redirect(WebPaths.SignInFailed(WebSignInFailure.NoUser));
            context.HandleResponse();
            return Task.CompletedTask;
        }

        var properties = context.Properties ??= new AuthenticationProperties();
        var idToken = properties.GetTokenValue(OpenIdConnectParameterNames.IdToken);
        properties.StoreTokens(idToken is null ? [] : [new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        WebIdentity.PrepareProviderSignIn(properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        context.Principal = new(CallerPrincipal.ToIdentity(caller, WebIdentity.Scheme));
        return Task.CompletedTask;
    }

    private static ILogger Log(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSignIn));
}
