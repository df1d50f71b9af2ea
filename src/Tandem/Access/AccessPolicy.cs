using Microsoft.Extensions.Configuration;

namespace Tandem.Access;

/// <summary>
/// The access policy of the embedded CLI, which trusts the OS user or <c>--user</c>/<c>--groups</c>
/// (the server will verify identities). Access lists hold tokens (user:x, group:y, public); a
/// principal reads a list that holds one of its tokens; admins are the members of one group
/// (<c>Tandem:Access:AdminGroup</c>, default "admin"). A document's owner is the user who
/// created it; only the owner and admins change it.
/// </summary>
public sealed class AccessPolicy : IAccessPolicy
{
    /// <summary>The configuration key naming the admin group.</summary>
    public const string AdminGroupKey = "Tandem:Access:AdminGroup";

    public AccessPolicy(string adminGroup = "admin")
    {
        if (string.IsNullOrWhiteSpace(adminGroup) || adminGroup.Trim().Any(c => c is ':' or ',' || char.IsWhiteSpace(c)))
        {
            throw new TandemException($"invalid admin group '{adminGroup}'", $"set {AdminGroupKey} to a plain group name such as 'admin'");
        }

        AdminGroup = adminGroup.Trim();
    }

    /// <summary>The policy with the default admin group.</summary>
    public static AccessPolicy Default { get; } = new();

    /// <summary>Members of this group are admins.</summary>
    public string AdminGroup { get; }

    /// <summary>The policy configured by <see cref="AdminGroupKey"/> (the default when it is not set).</summary>
    public static AccessPolicy FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[AdminGroupKey] is { } group ? new AccessPolicy(group) : Default;
    }

    /// <inheritdoc />
    public bool IsAdmin(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Groups.Contains(AdminGroup, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ReadTokens(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return [.. principal.AccessTokens, AccessList.Public];
    }

    /// <inheritdoc />
    public bool CanRead(Principal principal, IReadOnlyCollection<string> accessList)
    {
        ArgumentNullException.ThrowIfNull(accessList);
        return IsAdmin(principal) || ReadTokens(principal).Any(accessList.Contains);
    }

    /// <inheritdoc />
    public bool CanChange(Principal principal, string owner) => IsAdmin(principal) || principal.UserId == owner;

    /// <inheritdoc />
    public bool CanNameAudience(Principal principal, IReadOnlyCollection<string> audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return IsAdmin(principal) || (audience.Count > 0 && audience.All(ReadTokens(principal).Contains));
    }

    /// <inheritdoc />
    public bool AudienceCanRead(IReadOnlyCollection<string> audience, IReadOnlyCollection<string> accessList)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(accessList);
        var adminToken = AccessList.GroupToken(AdminGroup);
        return audience.Count > 0 && audience.All(t => t == adminToken || accessList.Contains(t) || accessList.Contains(AccessList.Public));
    }
}
