using Tandem.Access;
using Tandem.Analysis;
using Tandem.Postgres.Store;

namespace Tandem.Postgres.Analysis;

/// <summary>
/// Reports as a table of Tandem's PostgreSQL database, beside the documents: a report is as
/// readable as its document, checked inside the query.
/// </summary>
public sealed class PostgresReportStore(PostgresDatabase database, IAccessPolicy? access = null) : IReportStore
{
    private readonly IAccessPolicy _access = access ?? AccessPolicy.Default;

    /// <inheritdoc />
    public async Task SaveAsync(RiskReport report, Principal requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(requestedBy);
        await database.RunAsync(connection => Sql.ExecuteAsync(connection, null, """
            INSERT INTO reports (id, document_id, version, model, requested_by, created_at, report, context)
            VALUES (@id, @document, @version, @model, @by, @created, @report::jsonb, @context::jsonb)
            ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, version = excluded.version, model = excluded.model,
                requested_by = excluded.requested_by, created_at = excluded.created_at, report = excluded.report, context = excluded.context
            """, cancellationToken, ("id", report.ReportId), ("document", report.DocumentId), ("version", report.Version), ("model", report.Model),
            ("by", requestedBy.UserId), ("created", Sql.Time(report.CreatedAt)), ("report", StoredReports.ReportJson(report)),
            ("context", StoredReports.ContextJson(report))), cancellationToken);
    }

    /// <inheritdoc />
    public Task<RiskReport?> GetAsync(string reportId, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return database.RunAsync(async connection =>
        {
            await using var command = Sql.Command(connection, null,
                $"SELECT report::text, context::text FROM reports r WHERE r.id = @id AND {PostgresDocumentStore.AccessFilter("r.document_id", caller, _access, out var parameters)}",
                ("id", reportId));
            Sql.Add(command, parameters);
            return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RiskReport>> GetForTrainingAsync(IReadOnlyCollection<string> reportIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reportIds);
        return database.RunAsync<IReadOnlyList<RiskReport>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, "SELECT report::text, context::text FROM reports WHERE id = ANY(@ids) ORDER BY created_at, id COLLATE \"C\"",
                ("ids", reportIds.Distinct(StringComparer.Ordinal).ToArray()));
            return await ReadAsync(command, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<List<RiskReport>> ReadAsync(Npgsql.NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await StoredReports.ReadAsync(reader, cancellationToken);
    }
}
