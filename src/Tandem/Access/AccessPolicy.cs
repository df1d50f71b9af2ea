using Microsoft.Extensions.Configuration;

namespace Tandem.Access;

/// <summary>
/// The access policy of the embedded CLI, which trusts the OS user or <c>--user</c>/<c>--groups</c>
/// (the server verifies them: API keys or JWTs). Access lists hold tokens (user:x, group:y, public); a
/// principal reads a list that holds one of its tokens; admins are the members of one group
/// (<c>Tandem:Access:AdminGroup</c>, default "admin") and reviewers of training examples the
/// members of another (<c>Tandem:Access:ReviewerGroup</c>, default "reviewer"). A document's owner
/// is the user who created it; only the owner and admins change it.
/// </summary>
public sealed class AccessPolicy : IAccessPolicy
{
    /// <summary>The configuration key naming the admin group.</summary>
    public const string AdminGroupKey = "Tandem:Access:AdminGroup";

    /// <summary>The configuration key naming the group of reviewers of training examples.</summary>
    public const string ReviewerGroupKey = "Tandem:Access:ReviewerGroup";

    public AccessPolicy(string adminGroup = "admin", string reviewerGroup = "reviewer")
    {
        AdminGroup = GroupName(adminGroup, AdminGroupKey, "admin");
        ReviewerGroup = GroupName(reviewerGroup, ReviewerGroupKey, "reviewer");
    }

    /// <summary>The policy with the default admin and reviewer groups.</summary>
    public static AccessPolicy Default { get; } = new();

    /// <summary>Members of this group are admins.</summary>
    public string AdminGroup { get; }

    /// <summary>Members of this group review training examples they may read (not their own corrections).</summary>
    public string ReviewerGroup { get; }

    /// <summary>The policy configured by <see cref="AdminGroupKey"/> and <see cref="ReviewerGroupKey"/> (the defaults where they are not set).</summary>
    public static AccessPolicy FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[AdminGroupKey] is null && configuration[ReviewerGroupKey] is null
            ? Default
            : new AccessPolicy(configuration[AdminGroupKey] ?? Default.AdminGroup, configuration[ReviewerGroupKey] ?? Default.ReviewerGroup);
    }

    private static string GroupName(string group, string key, string example) =>
        string.IsNullOrWhiteSpace(group) || group.Trim().Any(c => c is ':' or ',' || char.IsWhiteSpace(c))
            ? throw new TandemException($"invalid {example} group '{group}'", $"set {key} to a plain group name such as '{example}'")
            : group.Trim();

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
    public bool CanReview(Principal principal, IReadOnlyCollection<string> accessList, string author, string? documentOwner)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (IsAdmin(principal) || (documentOwner is not null && principal.UserId == documentOwner))
        {
            return true;
        }

        var reviewer = principal.Groups.Contains(ReviewerGroup, StringComparer.Ordinal) && CanRead(principal, accessList);
        // A correction's author reviewing it would let any reader put words into the owner's training data.
        return reviewer && (documentOwner is null || principal.UserId != author);
    }

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
