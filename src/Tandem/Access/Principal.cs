namespace Tandem.Access;

/// <summary>
/// Who is asking: a user and the groups they belong to. Access lists hold the same tokens
/// ("user:alice", "group:legal"), so checking access is a set intersection the store does in SQL.
/// </summary>
public sealed record Principal
{
    public Principal(string userId, IEnumerable<string>? groups = null)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Contains(':', StringComparison.Ordinal))
        {
            throw new TandemException($"invalid user id '{userId}'", "use a plain name such as 'alice' (no colon)");
        }

        UserId = userId.Trim();
        Groups = (groups ?? []).Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public string UserId { get; }

    public IReadOnlyList<string> Groups { get; }

    /// <summary>The access tokens this principal holds: its user token and one per group.</summary>
    public IReadOnlyList<string> AccessTokens => [AccessList.UserToken(UserId), .. Groups.Select(AccessList.GroupToken)];
}
