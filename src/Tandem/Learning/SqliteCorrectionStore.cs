using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tandem.Analysis;
using Tandem.Store;

namespace Tandem.Learning;

/// <summary>Corrections as a table in the Tandem SQLite database, written together with their examples.</summary>
public sealed class SqliteCorrectionStore(string databasePath) : ICorrectionStore
{
    private readonly SqliteDatabase _database = new(databasePath);

    /// <inheritdoc />
    public async Task<bool> AddAsync(Correction correction, TrainingExample example, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(example);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO corrections (id, report_id, document_id, version, finding, kind, clause_id, clause_path, clause_text, original,
                category, severity, rationale, quote, note, author, created_at, example_id)
            VALUES ($id, $report, $document, $version, $finding, $kind, $clause, $path, $text, $original,
                $category, $severity, $rationale, $quote, $note, $author, $created, $example)
            """;
        command.Parameters.AddWithValue("$id", correction.Id);
        command.Parameters.AddWithValue("$report", correction.ReportId);
        command.Parameters.AddWithValue("$document", correction.DocumentId);
        command.Parameters.AddWithValue("$version", correction.Version);
        command.Parameters.AddWithValue("$finding", (object?)correction.Finding ?? DBNull.Value);
        command.Parameters.AddWithValue("$kind", correction.Kind);
        command.Parameters.AddWithValue("$clause", correction.ClauseId);
        command.Parameters.AddWithValue("$path", correction.ClausePath);
        command.Parameters.AddWithValue("$text", correction.ClauseText);
        command.Parameters.AddWithValue("$original", correction.Original is null ? DBNull.Value : JsonSerializer.Serialize(correction.Original, SqliteTables.Json));
        command.Parameters.AddWithValue("$category", (object?)correction.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("$severity", (object?)correction.Severity ?? DBNull.Value);
        command.Parameters.AddWithValue("$rationale", (object?)correction.Rationale ?? DBNull.Value);
        command.Parameters.AddWithValue("$quote", (object?)correction.Quote ?? DBNull.Value);
        command.Parameters.AddWithValue("$note", (object?)correction.Note ?? DBNull.Value);
        command.Parameters.AddWithValue("$author", correction.Author);
        command.Parameters.AddWithValue("$created", correction.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$example", correction.ExampleId);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await SqliteExampleStore.InsertAsync(connection, transaction, [example], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedCorrection>> ListAsync(string? reportId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.id, c.report_id, c.document_id, c.version, c.finding, c.kind, c.clause_id, c.clause_path, c.clause_text, c.original,
                   c.category, c.severity, c.rationale, c.quote, c.note, c.author, c.created_at, c.example_id, e.reviewed,
                   (SELECT r.reviewer FROM example_reviews r WHERE r.example_id = c.example_id ORDER BY r.rowid DESC LIMIT 1)
            FROM corrections c LEFT JOIN examples e ON e.id = c.example_id
            WHERE $report IS NULL OR c.report_id = $report ORDER BY c.rowid
            """;
        command.Parameters.AddWithValue("$report", (object?)reportId ?? DBNull.Value);
        var list = new List<RecordedCorrection>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var correction = new Correction(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), Text(9) is { } original ? JsonSerializer.Deserialize<Finding>(original, SqliteTables.Json) : null,
                Text(10), Text(11), Text(12), Text(13), Text(14), reader.GetString(15),
                DateTimeOffset.Parse(reader.GetString(16), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(17));
            list.Add(new RecordedCorrection(correction, Text(18) switch { null => "rejected", "1" => "accepted", _ => "pending" }, Text(19)));
        }

        return list;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(SqliteExampleStore.Schema + """
            CREATE TABLE IF NOT EXISTS corrections (
                id TEXT PRIMARY KEY, report_id TEXT NOT NULL, document_id TEXT NOT NULL, version INTEGER NOT NULL, finding INTEGER, kind TEXT NOT NULL,
                clause_id TEXT NOT NULL, clause_path TEXT NOT NULL, clause_text TEXT NOT NULL, original TEXT, category TEXT, severity TEXT, rationale TEXT,
                quote TEXT, note TEXT, author TEXT NOT NULL, created_at TEXT NOT NULL, example_id TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS corrections_report ON corrections (report_id);
            """, cancellationToken);
        await SqliteExampleStore.MigrateAsync(connection, cancellationToken);
        return connection;
    }
}
