namespace Tandem.Access;

/// <summary>
/// Who may read a document: a set of tokens "user:&lt;id&gt;" and "group:&lt;name&gt;". Parsed from
/// the CLI form "alice,group:legal" (a bare name is a user).
/// </summary>
public sealed record AccessList
{
    private AccessList(IReadOnlyList<string> tokens) => Tokens = tokens;

    /// <summary>Sorted, distinct access tokens.</summary>
    public IReadOnlyList<string> Tokens { get; }

    public static string UserToken(string userId) => "user:" + userId;

    public static string GroupToken(string group) => "group:" + group;

    /// <summary>The default list: only the ingesting user.</summary>
    public static AccessList OwnerOnly(Principal owner) => new([UserToken(owner.UserId)]);

    /// <summary>Parses "alice, group:legal, user:bob"; the owner is always added so they keep access.</summary>
    public static AccessList Parse(string spec, Principal owner)
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal) { UserToken(owner.UserId) };
        foreach (var raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(':', 2);
            var (kind, name) = parts.Length == 2 ? (parts[0].ToLowerInvariant(), parts[1].Trim()) : ("user", raw);
            if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal) || kind is not ("user" or "group"))
            {
                throw new TandemException($"invalid access entry '{raw}'", "use names like 'alice', 'user:alice' or 'group:legal', separated by commas");
            }

            tokens.Add(kind + ":" + name);
        }

        return new AccessList(tokens.ToArray());
    }
}
