using Npgsql;
using Tandem.Access;

namespace Tandem.Postgres.Access;

/// <summary>
/// API keys in a table of Tandem's PostgreSQL database: the key id, SHA-256 of the secret, the
/// user, the groups and the key's life; never the secret. Every API node verifies against it, so
/// a key revoked through one node stops working on all of them at once.
/// </summary>
public sealed class PostgresApiKeyStore : IApiKeyStore
{
    private const string Columns = "key_id, user_id, groups, created_at, expires_at, revoked_at, last_used_at";

    private readonly PostgresDatabase _database;
    private readonly string _adminGroup;
    private readonly TimeProvider _time;

    /// <param name="database">Tandem's PostgreSQL database.</param>
    /// <param name="adminGroup">The access policy's admin group, which an admin key holds.</param>
    /// <param name="time">The clock that judges expiry.</param>
    public PostgresApiKeyStore(PostgresDatabase database, string adminGroup, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(adminGroup);
        _database = database;
        _adminGroup = adminGroup;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<CreatedApiKey> CreateAsync(ApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var principal = request.Validate(_adminGroup);
        var (keyId, secret, token) = ApiKeyToken.Generate();
        var now = Sql.Time(_time.GetUtcNow());
        var key = new ApiKey(keyId, principal.UserId, principal.Groups, now, now + request.Lifetime, null, null);
        await _database.RunAsync(connection => Sql.ExecuteAsync(connection, null, """
            INSERT INTO api_keys (key_id, secret_hash, user_id, groups, created_at, expires_at) VALUES (@id, @hash, @user, @groups, @created, @expires)
            """, cancellationToken, ("id", keyId), ("hash", ApiKeyToken.Hash(secret)), ("user", key.UserId), ("groups", key.Groups.ToArray()),
            ("created", now), ("expires", key.ExpiresAt is { } at ? Sql.Time(at) : null)), cancellationToken);
        return new CreatedApiKey(key with { ExpiresAt = key.ExpiresAt is { } expires ? Sql.Time(expires) : null }, token);
    }

    /// <inheritdoc />
    public async Task<ApiKey?> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyToken.TryParse(token, out var keyId, out var secret))
        {
            return null;
        }

        return await _database.RunAsync(async connection =>
        {
            ApiKey key;
            byte[] hash;
            await using (var command = Sql.Command(connection, null, $"SELECT {Columns}, secret_hash FROM api_keys WHERE key_id = @id", ("id", keyId)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                key = Read(reader);
                hash = reader.GetFieldValue<byte[]>(7);
            }

            var now = Sql.Time(_time.GetUtcNow());
            if (!ApiKeyToken.Matches(secret, hash) || !key.IsActive(now))
            {
                return null;
            }

            if (key.IsLastUseStale(now))
            {
                await Sql.ExecuteAsync(connection, null, "UPDATE api_keys SET last_used_at = @now WHERE key_id = @id", cancellationToken, ("now", now), ("id", keyId));
                key = key with { LastUsedAt = now };
            }

            return key;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<ApiKey>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at DESC, key_id COLLATE \"C\"");
            var keys = new List<ApiKey>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(Read(reader));
            }

            return keys;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyToken.IsKeyId(keyId))
        {
            return false;
        }

        return await _database.RunAsync(async connection =>
            await Sql.ExecuteAsync(connection, null, "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @now) WHERE key_id = @id",
                cancellationToken, ("now", Sql.Time(_time.GetUtcNow())), ("id", keyId)) == 1, cancellationToken);
    }

    private static ApiKey Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetTokens(2), reader.GetTime(3), reader.TimeOrNull(4), reader.TimeOrNull(5), reader.TimeOrNull(6));
}
