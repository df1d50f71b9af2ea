using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;

namespace Tandem.Server.Identity;

/// <summary>
/// Who a request comes from: an API key (<see cref="ApiKeyAuthenticationHandler"/>) or, when
/// <c>Tandem:Auth:Jwt:Authority</c> is configured, a JWT from the firm's own identity provider.
/// One policy scheme picks the handler by the token's shape. Every endpoint requires an
/// authenticated caller unless it is mapped AllowAnonymous (health, the OpenAPI document, Scalar).
/// </summary>
public static class ServerAuthentication
{
    /// <summary>The configuration section of the optional OpenID Connect / JWT bearer login.</summary>
    public const string JwtSection = "Tandem:Auth:Jwt";

    private const string SelectorScheme = "Tandem";

    /// <summary>Registers the schemes, the fallback policy and the "admin" policy.</summary>
    public static IServiceCollection AddTandemAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var jwt = configuration.GetSection(JwtSection);
        var useJwt = !string.IsNullOrWhiteSpace(jwt["Authority"]);
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or JWT", o => o.ForwardDefaultSelector = context =>
                useJwt && BearerToken.From(context.Request) is { } token && BearerToken.LooksLikeJwt(token)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (useJwt)
        {
            AddJwt(authentication, jwt);
        }

        WebSignIn.AddOpenIdConnect(services, authentication, configuration.GetSection(WebSignIn.OidcSection));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddOptions<AuthorizationOptions>().Configure<IAccessPolicy>((options, access) =>
            options.AddPolicy(AdminRequirement.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new AdminRequirement(access))));
        return services;
    }

    private static void AddJwt(AuthenticationBuilder authentication, IConfigurationSection jwt)
    {
        var audience = jwt["Audience"];
        if (string.IsNullOrWhiteSpace(audience))
        {
            throw new TandemException($"{JwtSection}:Authority is set but {JwtSection}:Audience is not",
                "set the audience your identity provider issues tokens for (the API's client id or URI)");
        }

        var claims = new ProviderClaims(jwt);
        authentication.AddJwtBearer(o =>
        {
            o.Authority = jwt["Authority"];
            o.Audience = audience;
            // Claims keep the provider's names, so the configured user and groups claims are found as written.
            o.MapInboundClaims = false;
            // The challenge is the bare "Bearer" an API key gets: why a token failed (expired, unknown signing key ...) is for the log, not the caller.
            o.IncludeErrorDetails = false;
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (claims.CallerOf(context.Principal) is { } caller)
                    {
                        context.Principal = new(CallerPrincipal.ToIdentity(caller, JwtBearerDefaults.AuthenticationScheme));
                    }
                    else
                    {
                        context.Fail($"the token has no usable '{claims.User}' claim");
                    }

                    return Task.CompletedTask;
                },
            };
        });
    }
}
