using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tandem.Store;

namespace Tandem.Learning;

/// <summary>The example store as a table in the Tandem SQLite database (created on first use).</summary>
public sealed class SqliteExampleStore(string databasePath) : IExampleStore
{
    private readonly string _connectionString = SqliteTables.ConnectionString(databasePath);

    /// <inheritdoc />
    public async Task<int> AddAsync(IReadOnlyList<TrainingExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO examples (id, task, input, category, severity, rationale, provenance, sources, access, author, created_at, reviewed, near_duplicate_of)
            VALUES ($id, $task, $input, $category, $severity, $rationale, $provenance, $sources, $access, $author, $created, $reviewed, $near)
            """;
        var parameters = new[] { "$id", "$task", "$input", "$category", "$severity", "$rationale", "$provenance", "$sources", "$access", "$author", "$created", "$reviewed", "$near" }
            .ToDictionary(n => n, n => command.Parameters.Add(n, SqliteType.Text));
        var added = 0;
        foreach (var e in examples)
        {
            parameters["$id"].Value = e.Id;
            parameters["$task"].Value = e.Task;
            parameters["$input"].Value = e.Input;
            parameters["$category"].Value = e.Category;
            parameters["$severity"].Value = e.Severity;
            parameters["$rationale"].Value = e.Rationale;
            parameters["$provenance"].Value = e.Provenance;
            parameters["$sources"].Value = JsonSerializer.Serialize(e.SourceDocuments);
            parameters["$access"].Value = JsonSerializer.Serialize(e.Access);
            parameters["$author"].Value = e.Author;
            parameters["$created"].Value = e.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            parameters["$reviewed"].Value = e.Reviewed ? "1" : "0";
            parameters["$near"].Value = (object?)e.NearDuplicateOf ?? DBNull.Value;
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrainingExample>> ListAsync(string? category = null, string? provenance = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, task, input, category, severity, rationale, provenance, sources, access, author, created_at, reviewed, near_duplicate_of FROM examples
            WHERE ($category IS NULL OR category = $category) AND ($provenance IS NULL OR provenance = $provenance) ORDER BY rowid
            """;
        command.Parameters.AddWithValue("$category", (object?)category ?? DBNull.Value);
        command.Parameters.AddWithValue("$provenance", (object?)provenance ?? DBNull.Value);
        var examples = new List<TrainingExample>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            examples.Add(new TrainingExample(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), JsonSerializer.Deserialize<List<string>>(reader.GetString(7)) ?? [], JsonSerializer.Deserialize<List<string>>(reader.GetString(8)) ?? [],
                reader.GetString(9), DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(11) == "1",
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return examples;
    }

    /// <inheritdoc />
    public async Task<bool> ReviewAsync(string id, bool accept, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = accept ? "UPDATE examples SET reviewed = '1' WHERE id = $id" : "DELETE FROM examples WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteTables.OpenAsync(_connectionString, """
            CREATE TABLE IF NOT EXISTS examples (
                id TEXT PRIMARY KEY, task TEXT NOT NULL, input TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL, rationale TEXT NOT NULL,
                provenance TEXT NOT NULL, sources TEXT NOT NULL, access TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL,
                reviewed TEXT NOT NULL, near_duplicate_of TEXT);
            CREATE INDEX IF NOT EXISTS examples_category ON examples (category);
            """, cancellationToken);
}
