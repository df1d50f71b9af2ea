using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>The Data Protection key ring in Tandem's PostgreSQL database, so every web node reads the keys any node made.</summary>
public sealed class PostgresProtectionKeyStore : IProtectionKeyStore
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="database">Tandem's PostgreSQL database.</param>
    /// <param name="time">The clock that stamps each element.</param>
    public PostgresProtectionKeyStore(PostgresDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, "SELECT xml FROM protection_keys ORDER BY seq");
            var elements = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                elements.Add(reader.GetString(0));
            }

            return elements;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await _database.RunAsync(connection => Sql.ExecuteAsync(connection, null,
            "INSERT INTO protection_keys (name, xml, stored_at) VALUES (@name, @xml, @at) ON CONFLICT (name) DO NOTHING",
            cancellationToken, ("name", name), ("xml", xml), ("at", Sql.Time(_time.GetUtcNow()))), cancellationToken);
    }
}
