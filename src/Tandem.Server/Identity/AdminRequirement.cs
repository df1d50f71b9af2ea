using Microsoft.AspNetCore.Authorization;
using Tandem.Access;

namespace Tandem.Server.Identity;

/// <summary>The "admin" authorization policy's test: the access policy's own answer for the verified caller.</summary>
internal sealed class AdminRequirement(IAccessPolicy access) : AuthorizationHandler<AdminRequirement>, IAuthorizationRequirement
{
    /// <summary>The policy's name, for <c>RequireAuthorization(AdminRequirement.Policy)</c>.</summary>
    public const string Policy = "admin";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && access.IsAdmin(CallerPrincipal.FromClaims(context.User)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
