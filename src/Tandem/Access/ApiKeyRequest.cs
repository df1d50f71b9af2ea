namespace Tandem.Access;

/// <summary>What a new API key speaks for and how long it lives.</summary>
public sealed record ApiKeyRequest
{
    /// <summary>The user the key authenticates as (a plain name, as in <see cref="Principal"/>).</summary>
    public required string UserId { get; init; }

    /// <summary>The user's groups (plain names).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Whether the key is an admin's: the access policy's admin group is added to its groups.</summary>
    public bool Admin { get; init; }

    /// <summary>How long it works from its creation; null: until revoked.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary>
    /// The principal the key will speak for (with <paramref name="adminGroup"/> for an admin key),
    /// after checking the request: plain group names and a positive lifetime. Every key store calls it.
    /// </summary>
    internal Principal Validate(string adminGroup)
    {
        foreach (var group in Groups)
        {
            if (string.IsNullOrWhiteSpace(group) || group.Trim().Any(c => c is ':' or ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new TandemException($"invalid group '{group}'", "use plain group names such as 'legal', separated by commas");
            }
        }

        if (Lifetime is { } life && life <= TimeSpan.Zero)
        {
            throw new TandemException("a key's lifetime must be positive", "give e.g. 90d, or leave it out for a key that lasts until revoked");
        }

        return new Principal(UserId, Admin ? [.. Groups, adminGroup] : Groups);
    }
}
