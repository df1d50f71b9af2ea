using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Server.Identity;

namespace Tandem.Server.Tests;

/// <summary>
/// Test-only identities, until the API-key handler (branch identity) is merged: the bearer token
/// "test:&lt;user&gt;[:&lt;group&gt;,&lt;group&gt;]" authenticates as that user. The one place the tests
/// make callers; switching to real keys replaces <see cref="Add"/> and <see cref="KeyFor"/> only.
/// </summary>
public static class TestIdentity
{
    private const string Scheme = "TandemTest";

    /// <summary>Registers the test scheme as the default.</summary>
    public static void Add(IServiceCollection services) =>
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, _ => { });

    /// <summary>The bearer key that authenticates as <paramref name="principal"/>.</summary>
    public static string KeyFor(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Groups.Count == 0 ? $"test:{principal.UserId}" : $"test:{principal.UserId}:{string.Join(',', principal.Groups)}";
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var parts = header["Bearer ".Length..].Split(':');
            if (parts.Length is < 2 or > 3 || parts[0] != "test" || parts[1].Length == 0)
            {
                return Task.FromResult(AuthenticateResult.Fail("not a test key"));
            }

            var principal = new Principal(parts[1], parts.Length == 3 ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries) : []);
            var ticket = new AuthenticationTicket(new ClaimsPrincipal(CallerPrincipal.ToIdentity(principal, Scheme.Name)), Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(ticket));
        }
    }
}
