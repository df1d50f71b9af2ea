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
}
