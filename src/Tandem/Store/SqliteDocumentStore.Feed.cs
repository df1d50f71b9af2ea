namespace Tandem.Store;

/// <summary>
/// The store as a change feed (<see cref="IKnowledgeBaseFeed"/>). Every write path stamps
/// <c>documents.updated_at</c> inside its IMMEDIATE transaction, so stamps follow commit order
/// across processes on one machine; access changes also add an <c>access_events</c> row, whose
/// number is a second, clock-free cursor.
/// </summary>
public sealed partial class SqliteDocumentStore : IKnowledgeBaseFeed
{
    /// <inheritdoc />
    public Task<KnowledgeBaseCursor> ReadCursorAsync(CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            using var command = Command(connection, "SELECT (SELECT max(updated_at) FROM documents), (SELECT max(id) FROM access_events)");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new KnowledgeBaseCursor(reader.IsDBNull(0) ? string.Empty : reader.GetString(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentState>> ReadChangedDocumentsAsync(KnowledgeBaseCursor? since, CancellationToken cancellationToken = default) =>
        WithConnectionAsync<IReadOnlyList<DocumentState>>(async connection =>
        {
            using var command = Command(connection, $"""
                SELECT d.id, d.title, d.current_version, d.retired_at IS NOT NULL, {AccessColumn("d.id")}
                FROM documents d
                WHERE $all = 1 OR d.updated_at >= $since OR d.id IN (SELECT document_id FROM access_events WHERE id > $event)
                ORDER BY d.id
                """, ("$all", since is null ? 1 : 0), ("$since", since?.LastUpdate ?? string.Empty), ("$event", since?.LastAccessEvent ?? 0));
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
        WithConnectionAsync(async connection =>
        {
            using var command = Command(connection, "SELECT id FROM versions WHERE document_id = $id AND version = $version", ("$id", documentId), ("$version", version));
            return await command.ExecuteScalarAsync(cancellationToken) is long versionId
                ? await ReadClausesAsync(connection, versionId, cancellationToken)
                : [];
        }, cancellationToken);
}
