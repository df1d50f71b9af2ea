using System.Text.Json;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Store;

namespace Tandem.Postgres.Learning;

/// <summary>Corrections as a table of Tandem's PostgreSQL database, each written together with its example in one transaction.</summary>
public sealed class PostgresCorrectionStore(PostgresDatabase database) : ICorrectionStore
{
    /// <inheritdoc />
    public Task<bool> AddAsync(Correction correction, TrainingExample example, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(example);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var added = await Sql.ExecuteAsync(connection, transaction, """
                INSERT INTO corrections (id, report_id, document_id, version, finding, kind, clause_id, clause_path, clause_text, original,
                    category, severity, rationale, quote, note, author, created_at, example_id)
                VALUES (@id, @report, @document, @version, @finding, @kind, @clause, @path, @text, @original::jsonb,
                    @category, @severity, @rationale, @quote, @note, @author, @created, @example)
                ON CONFLICT (id) DO NOTHING
                """, cancellationToken, ("id", correction.Id), ("report", correction.ReportId), ("document", correction.DocumentId), ("version", correction.Version),
                ("finding", correction.Finding), ("kind", correction.Kind), ("clause", correction.ClauseId), ("path", correction.ClausePath), ("text", correction.ClauseText),
                ("original", correction.Original is null ? null : JsonSerializer.Serialize(correction.Original, SqliteTables.Json)),
                ("category", correction.Category), ("severity", correction.Severity), ("rationale", correction.Rationale), ("quote", correction.Quote),
                ("note", correction.Note), ("author", correction.Author), ("created", Sql.Time(correction.CreatedAt)), ("example", correction.ExampleId));
            if (added == 0)
            {
                return false;
            }

            await PostgresExampleStore.InsertAsync(connection, transaction, [example], cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedCorrection>> ListAsync(string? reportId = null, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<RecordedCorrection>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, """
                SELECT c.id, c.report_id, c.document_id, c.version, c.finding, c.kind, c.clause_id, c.clause_path, c.clause_text, c.original::text,
                       c.category, c.severity, c.rationale, c.quote, c.note, c.author, c.created_at, c.example_id, e.reviewed,
                       (SELECT r.reviewer FROM example_reviews r WHERE r.example_id = c.example_id ORDER BY r.seq DESC LIMIT 1)
                FROM corrections c LEFT JOIN examples e ON e.id = c.example_id
                WHERE @report::text IS NULL OR c.report_id = @report ORDER BY c.seq
                """, ("report", reportId));
            var list = new List<RecordedCorrection>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var correction = new Correction(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                    reader.TextOrNull(9) is { } original ? JsonSerializer.Deserialize<Finding>(original, SqliteTables.Json) : null,
                    reader.TextOrNull(10), reader.TextOrNull(11), reader.TextOrNull(12), reader.TextOrNull(13), reader.TextOrNull(14), reader.GetString(15),
                    reader.GetTime(16), reader.GetString(17));
                // No example row: it was rejected (deleted) in review.
                var review = reader.IsDBNull(18) ? "rejected" : reader.GetBoolean(18) ? "accepted" : "pending";
                list.Add(new RecordedCorrection(correction, review, reader.TextOrNull(19)));
            }

            return list;
        }, cancellationToken);
}
