using Microsoft.Data.Sqlite;

namespace Tandem.Tests.Support;

/// <summary>Every row of a store file as text, to prove that a failed operation changed nothing.</summary>
public static class StoreDump
{
    public static async Task<string> DumpAsync(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return "<no database>";
        }

        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
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

    public static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
