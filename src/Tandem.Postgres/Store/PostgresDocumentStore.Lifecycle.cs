using Npgsql;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>Retiring a document, setting its access list and listing its versions (<see cref="IDocumentLifecycle"/>).</summary>
public sealed partial class PostgresDocumentStore : IDocumentLifecycle
{
    /// <inheritdoc />
    public Task<DocumentChange> RetireAsync(string documentId, Principal caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentId, caller, async (connection, transaction, target, now) =>
        {
            if (target.Retired)
            {
                return DocumentChange.Unchanged;
            }

            await Sql.ExecuteAsync(connection, transaction, "UPDATE documents SET retired_at = @now, updated_at = @now WHERE id = @id",
                cancellationToken, ("now", now), ("id", target.Id));
            return DocumentChange.Changed;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<DocumentChange> SetAccessAsync(string documentId, AccessList access, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        return ChangeAsync(documentId, caller, async (connection, transaction, target, now) =>
        {
            // The owner keeps access whoever sets the list, as on ingest.
            var tokens = access.WithUser(target.Owner).Tokens;
            if (tokens.SequenceEqual(target.Access))
            {
                return DocumentChange.Unchanged;
            }

            await ChangeAccessAsync(connection, transaction, target.Id, target.Access, tokens, caller, now, cancellationToken);
            return DocumentChange.Changed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DocumentVersions?> GetVersionsAsync(string documentId, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _database.RunAsync(async connection =>
        {
            await using var document = Sql.Command(connection, null, $"""
                SELECT {OwnerColumn("d.id")}, d.retired_at FROM documents d
                WHERE d.id = @id AND {AccessFilter("d.id", caller, out var accessParameters)}
                """, ("id", documentId));
            Sql.Add(document, accessParameters);
            string owner;
            DateTimeOffset? retired;
            await using (var reader = await document.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                (owner, retired) = (reader.GetString(0), reader.TimeOrNull(1));
            }

            await using var versions = Sql.Command(connection, null, """
                SELECT v.version, v.content_hash, v.byte_size, v.ingested_by, v.ingested_at, z.clauses
                FROM versions v JOIN version_lengths z ON z.version_id = v.id WHERE v.document_id = @id ORDER BY v.version
                """, ("id", documentId));
            var list = new List<DocumentVersion>();
            await using (var reader = await versions.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    list.Add(new DocumentVersion(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetTime(4), reader.GetInt32(5)));
                }
            }

            return (DocumentVersions?)new DocumentVersions(documentId, owner, retired, list);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="change"/> in one write transaction on a document the caller may read
    /// and change; one they may not read is <see cref="DocumentChange.NotFound"/>, as a missing
    /// one is, and one they may only read is <see cref="DocumentChange.NotAllowed"/>.
    /// </summary>
    private Task<DocumentChange> ChangeAsync(string documentId, Principal caller,
        Func<NpgsqlConnection, NpgsqlTransaction, IngestTarget, DateTimeOffset, Task<DocumentChange>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(caller);
        return WriteAsync(async (connection, transaction, now) =>
        {
            if (await ReadTargetAsync(connection, transaction, "d.id = @id", cancellationToken, ("id", documentId)) is not { } target || !_access.CanRead(caller, target.Access))
            {
                return DocumentChange.NotFound;
            }

            return _access.CanChange(caller, target.Owner) ? await change(connection, transaction, target, now) : DocumentChange.NotAllowed;
        }, cancellationToken);
    }
}
