using System.Security.Claims;
using Tandem.Access;

namespace Tandem.Server.Identity;

/// <summary>
/// The one place that turns a verified identity (an API key or a validated JWT, already checked
/// by an authentication handler) into the <see cref="Principal"/> every service and the access
/// policy take. Nothing in a request body, query or header other than the credential counts.
/// </summary>
public static class CallerPrincipal
{
    /// <summary>The claim carrying the user id.</summary>
    public const string UserClaim = "sub";

    /// <summary>The claim carrying one group (repeated per group).</summary>
    public const string GroupClaim = "groups";

    /// <summary>The claim naming the API key that authenticated the request (absent for a JWT); requests are rate limited per key.</summary>
    public const string KeyIdClaim = "key_id";

    /// <summary>The caller of an authenticated request; throws when the request was not authenticated (a bug: endpoints require authorisation).</summary>
    public static Principal FromClaims(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("the request was not authenticated; map the endpoint with RequireAuthorization()");
        }

        var id = user.FindFirst(UserClaim)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("the authenticated identity has no user claim");
        var groups = user.FindAll(GroupClaim).Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value);
        return new Principal(id, groups);
    }

    /// <summary>The claims an authentication handler issues for <paramref name="principal"/>.</summary>
    public static ClaimsIdentity ToIdentity(Principal principal, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var identity = new ClaimsIdentity(authenticationType, UserClaim, GroupClaim);
        identity.AddClaim(new Claim(UserClaim, principal.UserId));
        foreach (var group in principal.Groups)
        {
            identity.AddClaim(new Claim(GroupClaim, group));
        }

        return identity;
    }
}
