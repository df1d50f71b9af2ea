using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>
/// Conventions shared by the components that keep their own table beside the store's (reports,
/// examples, corrections, registry, ledger); they open the file through <see cref="SqliteDatabase"/>.
/// </summary>
internal static class SqliteTables
{
    /// <summary>How records are kept as JSON in a column: web casing, enums by name (stable across reordering).</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        TypeInfoResolver = StoredRecordsJsonContext.Resolver,
    };

    /// <summary>Adds a column a newer version introduced to a table an older version created (a no-op when it is there).</summary>
    public static async Task AddColumnIfMissingAsync(SqliteConnection connection, string table, string column, string type, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
