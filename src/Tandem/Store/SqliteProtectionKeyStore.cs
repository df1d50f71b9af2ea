using System.Globalization;

namespace Tandem.Store;

/// <summary>The Data Protection key ring in a table of the Tandem SQLite file (created on first use).</summary>
public sealed class SqliteProtectionKeyStore : IProtectionKeyStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS protection_keys (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, xml TEXT NOT NULL, stored_at TEXT NOT NULL);
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="database">The Tandem SQLite file.</param>
    /// <param name="time">The clock that stamps each element.</param>
    public SqliteProtectionKeyStore(SqliteDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT xml FROM protection_keys ORDER BY seq";
            var elements = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                elements.Add(reader.GetString(0));
            }

            return elements;
        }, Schema, cancellationToken);

    /// <inheritdoc />
    public async Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO protection_keys (name, xml, stored_at) VALUES ($name, $xml, $at) ON CONFLICT (name) DO NOTHING";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$xml", xml);
            command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, Schema, cancellationToken);
    }
}
