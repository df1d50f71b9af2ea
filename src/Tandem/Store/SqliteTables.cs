using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>
/// Opens the Tandem database for a component that keeps its own table beside the store's
/// (usage ledger, model registry): pooled connections, a busy timeout, and the table created on
/// first use.
/// </summary>
internal static class SqliteTables
{
    /// <summary>How records are kept as JSON in a column: web casing, enums by name (stable across reordering).</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    public static async Task<SqliteConnection> OpenAsync(string connectionString, string createTableSql, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000;\n" + createTableSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

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
