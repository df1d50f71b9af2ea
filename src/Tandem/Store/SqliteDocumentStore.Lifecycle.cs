using System.Globalization;
using Tandem.Access;

namespace Tandem.Store;

/// <summary>Retiring a document, setting its access list and listing its versions (<see cref="IDocumentLifecycle"/>).</summary>
public sealed partial class SqliteDocumentStore : IDocumentLifecycle
{
    /// <inheritdoc />
    public Task<DocumentChange> RetireAsync(string documentId, Principal caller, CancellationToken cancellationToken = default) =>
        ChangeAsync(documentId, caller, async (connection, target, now) =>
        {
            if (target.Retired)
            {
                return DocumentChange.Unchanged;
            }

            await ExecuteAsync(connection, "UPDATE documents SET retired_at = $now, updated_at = $now WHERE id = $id",
                cancellationToken, ("$now", now), ("$id", target.Id));
            return DocumentChange.Changed;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<DocumentChange> SetAccessAsync(string documentId, AccessList access, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        return ChangeAsync(documentId, caller, async (connection, target, now) =>
        {
            // The owner keeps access whoever sets the list, as on ingest.
            var tokens = access.WithUser(target.Owner).Tokens;
            if (tokens.SequenceEqual(target.Access))
            {
                return DocumentChange.Unchanged;
            }

            await ChangeAccessAsync(connection, target.Id, target.Access, tokens, caller, now, cancellationToken);
            return DocumentChange.Changed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DocumentVersions?> GetVersionsAsync(string documentId, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return WithConnectionAsync(async connection =>
        {
            using var document = Command(connection, $"""
                SELECT {OwnerColumn("d.id")}, d.retired_at FROM documents d
                WHERE d.id = $id AND {AccessFilter("d.id", caller, out var accessParameters)}
                """, ("$id", documentId));
            AddParameters(document, accessParameters);
            string owner;
            DateTimeOffset? retired;
            await using (var reader = await document.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                owner = reader.GetString(0);
                retired = reader.IsDBNull(1) ? null : DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }

            using var versions = Command(connection, """
                SELECT v.version, v.content_hash, v.byte_size, v.ingested_by, v.ingested_at, (SELECT count(*) FROM clauses c WHERE c.version_id = v.id)
                FROM versions v WHERE v.document_id = $id ORDER BY v.version
                """, ("$id", documentId));
            var list = new List<DocumentVersion>();
            await using (var reader = await versions.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    list.Add(new DocumentVersion(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                        DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture), reader.GetInt32(5)));
                }
            }

            return (DocumentVersions?)new DocumentVersions(documentId, owner, retired, list);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="change"/> in one write transaction on a document the caller may read
    /// and change; a document they may not read is <see cref="DocumentChange.NotFound"/>, as a
    /// missing one is, and one they may only read is <see cref="DocumentChange.NotAllowed"/>.
    /// </summary>
    private Task<DocumentChange> ChangeAsync(string documentId, Principal caller,
        Func<Microsoft.Data.Sqlite.SqliteConnection, IngestTarget, string, Task<DocumentChange>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(caller);
        return WithConnectionAsync(connection => InTransactionAsync(connection, async () =>
        {
            using var command = TargetQuery(connection, "d.id = $id", ("$id", documentId));
            if (await ReadTargetAsync(command, cancellationToken) is not { } target || !_access.CanRead(caller, target.Access))
            {
                return DocumentChange.NotFound;
            }

            return _access.CanChange(caller, target.Owner) ? await change(connection, target, Timestamp()) : DocumentChange.NotAllowed;
        }, cancellationToken), cancellationToken);
    }
}
