namespace Tandem.Access;

/// <summary>
/// A stored API key as anyone may see it: who it speaks for, and its life. Never carries the
/// secret or its hash, so listing keys can reveal nothing that authenticates.
/// </summary>
/// <param name="KeyId">The public part of the key (<c>tdm_&lt;keyid&gt;_...</c>), used to name it in lists and revocation.</param>
/// <param name="UserId">The user the key authenticates as.</param>
/// <param name="Groups">The user's groups; an admin key holds the access policy's admin group.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it stops working; null: never.</param>
/// <param name="RevokedAt">When it was revoked; null: not revoked.</param>
/// <param name="LastUsedAt">When it last authenticated a request (to the minute); null: never.</param>
public sealed record ApiKey(string KeyId, string UserId, IReadOnlyList<string> Groups, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    /// <summary>Whether the key authenticates at <paramref name="now"/>: neither revoked nor expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>The principal the key authenticates as.</summary>
    public Principal ToPrincipal() => new(UserId, Groups);

    /// <summary>
    /// Whether a store should record a use at <paramref name="now"/>: <see cref="LastUsedAt"/> is
    /// kept to the minute, since writing it on every request would make each read a write.
    /// </summary>
    internal bool IsLastUseStale(DateTimeOffset now) => LastUsedAt is not { } used || now - used >= TimeSpan.FromMinutes(1);
}
