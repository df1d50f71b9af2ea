using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>
/// Opens the Tandem database for a component that keeps its own table beside the store's
/// (usage ledger, model registry): pooled connections, a busy timeout, and the table created on
/// first use.
/// </summary>
internal static class SqliteTables
{
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
}
