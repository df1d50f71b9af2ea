using System.Globalization;
using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>
/// The store as a change feed (<see cref="IKnowledgeBaseFeed"/>) for every node's retrieval
/// index. Every write stamps <c>documents.updated_at</c> while holding the write lock, with a
/// stamp never below the newest one (see <see cref="WriteAsync{T}"/>), so stamps follow commit
/// order across nodes whatever their clocks; access changes also add an <c>access_events</c> row,
/// whose number is a second, clock-free cursor.
/// </summary>
public sealed partial class PostgresDocumentStore : IKnowledgeBaseFeed
{
    /// <inheritdoc />
    public Task<KnowledgeBaseCursor> ReadCursorAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync(async connection =>
        {
            await using var command = Sql.Command(connection, null, "SELECT (SELECT max(updated_at) FROM documents), (SELECT max(id) FROM access_events)");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var last = reader.TimeOrNull(0);
            return new KnowledgeBaseCursor(last is { } at ? at.ToString("O", CultureInfo.InvariantCulture) : string.Empty, reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentState>> ReadChangedDocumentsAsync(KnowledgeBaseCursor? since, CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<DocumentState>>(async connection =>
        {
            DateTimeOffset? after = since is { LastUpdate.Length: > 0 } cursor
                ? DateTimeOffset.Parse(cursor.LastUpdate, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
            await using var command = Sql.Command(connection, null, $"""
                SELECT d.id, d.title, d.current_version, d.retired_at IS NOT NULL, {AccessColumn("d.id")}
                FROM documents d
                WHERE @all OR d.updated_at >= @since OR d.id IN (SELECT e.document_id FROM access_events e WHERE e.id > @event)
                ORDER BY d.id COLLATE "C"
                """, ("all", since is null), ("since", after is { } time ? Sql.Time(time) : DateTimeOffset.MinValue.ToUniversalTime()), ("event", since?.LastAccessEvent ?? 0));
            var documents = new List<DocumentState>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                documents.Add(new DocumentState(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3), Tokens(reader, 4)));
            }

            return documents;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredClause>> ReadClausesAsync(string documentId, int version, CancellationToken cancellationToken = default) =>
        _database.RunAsync(async connection =>
        {
            await using var command = Sql.Command(connection, null, "SELECT id FROM versions WHERE document_id = @id AND version = @version", ("id", documentId), ("version", version));
            return await command.ExecuteScalarAsync(cancellationToken) is long versionId
                ? await ReadClausesAsync(connection, null, versionId, cancellationToken)
                : [];
        }, cancellationToken);
}
