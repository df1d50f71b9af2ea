namespace Tandem.Access;

/// <summary>
/// API keys, stored hashed: only the key id and a hash of the secret are kept, so the store's
/// file reveals no usable key. The server verifies every request's bearer key here; the CLI and
/// the admin API create, list and revoke them.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Creates a key; the returned <see cref="CreatedApiKey.Secret"/> is the only copy of it.</summary>
    Task<CreatedApiKey> CreateAsync(ApiKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The key a presented bearer token is, when it is well formed, its secret matches and it is
    /// neither expired nor revoked; null otherwise, with no hint of which check failed. Records
    /// when the key was last used.
    /// </summary>
    Task<ApiKey?> VerifyAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Every key, newest first, without secrets.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes a key at once; false when no key has that id. Revoking a revoked key keeps its first revocation time.</summary>
    Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default);
}
