namespace Tandem.Access;

/// <summary>
/// Who may read a document: a set of tokens "user:&lt;id&gt;" and "group:&lt;name&gt;". Parsed from
/// the CLI form "alice,group:legal" (a bare name is a user). Training examples from public data
/// carry the <see cref="Public"/> token; an empty list lets nobody but admins read.
/// </summary>
public sealed record AccessList
{
    /// <summary>The token of what everybody may read (public data such as CUAD); never a document's.</summary>
    public const string Public = "public";

    private AccessList(IReadOnlyList<string> tokens) => Tokens = tokens;

    /// <summary>Sorted, distinct access tokens.</summary>
    public IReadOnlyList<string> Tokens { get; }

    public static string UserToken(string userId) => "user:" + userId;

    public static string GroupToken(string group) => "group:" + group;

    /// <summary>The default list: only the ingesting user.</summary>
    public static AccessList OwnerOnly(Principal owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new([UserToken(owner.UserId)]);
    }

    /// <summary>Parses "alice, group:legal, user:bob"; the owner is always added so they keep access.</summary>
    public static AccessList Parse(string spec, Principal owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Parse(spec).WithUser(owner.UserId);
    }

    /// <summary>Parses "alice, group:legal, user:bob" as it stands (the store adds a document's owner).</summary>
    public static AccessList Parse(string spec) => new(ParseTokens(spec, "access", allowPublic: false));

    /// <summary>
    /// Parses an audience, the people a trained model will serve: "alice, group:legal", or
    /// "public" for everybody.
    /// </summary>
    public static IReadOnlyList<string> ParseAudience(string spec) => ParseTokens(spec, "audience", allowPublic: true);

    /// <summary>This list with the user's token added.</summary>
    public AccessList WithUser(string userId) => new(Tokens.Append(UserToken(userId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

    private static string[] ParseTokens(string spec, string what, bool allowPublic)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (allowPublic && raw == Public)
            {
                tokens.Add(Public);
                continue;
            }

            var parts = raw.Split(':', 2);
            var (kind, name) = parts.Length == 2 ? (parts[0].ToLowerInvariant(), parts[1].Trim()) : ("user", raw);
            if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal) || kind is not ("user" or "group"))
            {
                throw new TandemException($"invalid {what} entry '{raw}'",
                    $"use names like 'alice', 'user:alice' or 'group:legal'{(allowPublic ? ", or 'public'" : "")}, separated by commas");
            }

            tokens.Add(kind + ":" + name);
        }

        return tokens.ToArray();
    }
}
