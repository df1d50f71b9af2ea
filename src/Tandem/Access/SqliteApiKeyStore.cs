using System.Globalization;
using Microsoft.Data.Sqlite;
using Tandem.Store;

namespace Tandem.Access;

/// <summary>
/// API keys in a table of the Tandem SQLite file (created on first use, through
/// <see cref="SqliteDatabase"/> like every other table beside the store). A row holds the key id,
/// SHA-256 of the secret, the user, the groups and the key's life; never the secret.
/// </summary>
public sealed class SqliteApiKeyStore : IApiKeyStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS api_keys (
            key_id TEXT PRIMARY KEY, secret_hash BLOB NOT NULL, user_id TEXT NOT NULL, groups TEXT NOT NULL,
            created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT, last_used_at TEXT);
        """;

    private const string Columns = "key_id, user_id, groups, created_at, expires_at, revoked_at, last_used_at";

    private readonly SqliteDatabase _database;
    private readonly string _adminGroup;
    private readonly TimeProvider _time;

    /// <param name="database">The Tandem SQLite file.</param>
    /// <param name="adminGroup">The access policy's admin group, which an admin key holds.</param>
    /// <param name="time">The clock that judges expiry.</param>
    public SqliteApiKeyStore(SqliteDatabase database, string adminGroup, TimeProvider? time = null)
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
        var now = _time.GetUtcNow();
        var key = new ApiKey(keyId, principal.UserId, principal.Groups, now, now + request.Lifetime, null, null);
        await _database.RunAsync(async connection =>
        {
            using var command = Command(connection, """
                INSERT INTO api_keys (key_id, secret_hash, user_id, groups, created_at, expires_at) VALUES ($id, $hash, $user, $groups, $created, $expires)
                """, ("$id", keyId), ("$hash", ApiKeyToken.Hash(secret)), ("$user", key.UserId), ("$groups", string.Join('\n', key.Groups)),
                ("$created", Format(now)), ("$expires", key.ExpiresAt is { } at ? Format(at) : null));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, Schema, cancellationToken);
        return new CreatedApiKey(key, token);
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
            using var command = Command(connection, $"SELECT {Columns}, secret_hash FROM api_keys WHERE key_id = $id", ("$id", keyId));
            ApiKey? key;
            byte[] hash;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                key = Read(reader);
                hash = (byte[])reader.GetValue(7);
            }

            var now = _time.GetUtcNow();
            if (!ApiKeyToken.Matches(secret, hash) || !key.IsActive(now))
            {
                return null;
            }

            if (key.IsLastUseStale(now))
            {
                using var touch = Command(connection, "UPDATE api_keys SET last_used_at = $now WHERE key_id = $id", ("$now", Format(now)), ("$id", keyId));
                await touch.ExecuteNonQueryAsync(cancellationToken);
                key = key with { LastUsedAt = now };
            }

            return key;
        }, Schema, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<ApiKey>>(async connection =>
        {
            using var command = Command(connection, $"SELECT {Columns} FROM api_keys ORDER BY created_at DESC, key_id");
            var keys = new List<ApiKey>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(Read(reader));
            }

            return keys;
        }, Schema, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyToken.IsKeyId(keyId))
        {
            return false;
        }

        return await _database.RunAsync(async connection =>
        {
            using var command = Command(connection, "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $now) WHERE key_id = $id",
                ("$now", Format(_time.GetUtcNow())), ("$id", keyId));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, Schema, cancellationToken);
    }

    private static ApiKey Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        Parse(reader.GetString(3)), ParseOrNull(reader, 4), ParseOrNull(reader, 5), ParseOrNull(reader, 6));

    private static DateTimeOffset? ParseOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Parse(reader.GetString(ordinal));

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
