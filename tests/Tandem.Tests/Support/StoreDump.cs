using Microsoft.Data.Sqlite;

namespace Tandem.Tests.Support;

/// <summary>Every row of a store file as text, to prove that a failed operation changed nothing.</summary>
public static class StoreDump
{
    public static async Task<string> DumpAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        if (connection is null)
        {
            return "<no database>";
        }

        var parts = new List<string>();
        foreach (var table in new[] { "documents", "versions", "clauses", "document_access", "defined_terms" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                parts.Add(table + ":" + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
            }
        }

        return string.Join("\n", parts);
    }

    /// <summary>Every row of every table (reports, examples, corrections, registry, access events included), to prove that a refused write changed nothing.</summary>
    public static async Task<string> DumpAllAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        if (connection is null)
        {
            return "<no database>";
        }

        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var parts = new List<string>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(table + ":" + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i).ToString())));
            }

            rows.Sort(StringComparer.Ordinal);
            parts.AddRange(rows);
        }

        return string.Join("\n", parts);
    }

    private static async Task<SqliteConnection?> OpenAsync(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
