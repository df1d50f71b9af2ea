using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// Reports as a table beside the documents in the Tandem SQLite database (created on first use).
/// A report is as readable as its document, under <paramref name="access"/> (the default policy when null).
/// </summary>
public sealed class SqliteReportStore(string databasePath, IAccessPolicy? access = null) : IReportStore
{
    private readonly SqliteDatabase _database = new(databasePath);
    private readonly IAccessPolicy _access = access ?? AccessPolicy.Default;

    /// <inheritdoc />
    public async Task SaveAsync(RiskReport report, Principal requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(requestedBy);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO reports (id, document_id, version, model, requested_by, created_at, report, context)
            VALUES ($id, $document, $version, $model, $by, $created, $report, $context)
            """;
        command.Parameters.AddWithValue("$id", report.ReportId);
        command.Parameters.AddWithValue("$document", report.DocumentId);
        command.Parameters.AddWithValue("$version", report.Version);
        command.Parameters.AddWithValue("$model", report.Model);
        command.Parameters.AddWithValue("$by", requestedBy.UserId);
        command.Parameters.AddWithValue("$created", report.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$report", StoredReports.ReportJson(report));
        command.Parameters.AddWithValue("$context", (object?)StoredReports.ContextJson(report) ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RiskReport?> GetAsync(string reportId, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var connection = await OpenAsync(cancellationToken);
        if (!await HasDocumentsAsync(connection, cancellationToken))
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT report, context FROM reports r WHERE r.id = $id AND {SqliteDocumentStore.AccessFilter("r.document_id", caller, _access, out var parameters)}";
        command.Parameters.AddWithValue("$id", reportId);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RiskReport>> GetForTrainingAsync(IReadOnlyCollection<string> reportIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reportIds);
        await using var connection = await OpenAsync(cancellationToken);
        var reports = new List<RiskReport>();
        foreach (var chunk in reportIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((id, i) => command.Parameters.AddWithValue("$r" + i.ToString(CultureInfo.InvariantCulture), id).ParameterName);
            command.CommandText = $"SELECT report, context FROM reports WHERE id IN ({string.Join(", ", names)}) ORDER BY created_at, id";
            reports.AddRange(await ReadAsync(command, cancellationToken));
        }

        return reports;
    }

    private static async Task<List<RiskReport>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await StoredReports.ReadAsync(reader, cancellationToken);
    }

    /// <summary>Whether the store's document tables exist (a database that never ingested anything has no reports to read).</summary>
    private static async Task<bool> HasDocumentsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'document_access'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync("""
            CREATE TABLE IF NOT EXISTS reports (
                id TEXT PRIMARY KEY, document_id TEXT NOT NULL, version INTEGER NOT NULL, model TEXT NOT NULL, requested_by TEXT NOT NULL,
                created_at TEXT NOT NULL, report TEXT NOT NULL, context TEXT);
            CREATE INDEX IF NOT EXISTS reports_document ON reports (document_id);
            """, cancellationToken);
}
