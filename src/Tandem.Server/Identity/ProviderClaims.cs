using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Tandem.Access;

namespace Tandem.Server.Identity;

/// <summary>
/// The claims a firm's identity provider names its users and groups with (<c>UserClaim</c>,
/// default <c>sub</c>; <c>GroupsClaim</c>, default <c>groups</c>), read the same way for a JWT
/// bearer token and for an OpenID Connect sign-in to the web app.
/// </summary>
internal sealed class ProviderClaims
{
    /// <param name="section">The provider's configuration section (<c>Tandem:Auth:Jwt</c> or <c>Tandem:Auth:Oidc</c>).</param>
    public ProviderClaims(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        User = section["UserClaim"] is { Length: > 0 } user ? user : CallerPrincipal.UserClaim;
        Groups = section["GroupsClaim"] is { Length: > 0 } groups ? groups : CallerPrincipal.GroupClaim;
    }

    /// <summary>The claim holding the user id.</summary>
    public string User { get; }

    /// <summary>The claim holding the groups (one claim per group).</summary>
    public string Groups { get; }

    /// <summary>The caller the provider vouches for; null when its token names no usable user (missing, blank, or not a plain name).</summary>
    public Principal? CallerOf(ClaimsPrincipal? user)
    {
        if (user?.FindFirst(User)?.Value is not { } id)
        {
            return null;
        }

        try
        {
            return new Principal(id, user.FindAll(Groups).Select(c => c.Value));
        }
        catch (TandemException)
        {
            return null;
        }
    }
}
