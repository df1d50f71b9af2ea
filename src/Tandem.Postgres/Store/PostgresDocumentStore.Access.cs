using Npgsql;
using Tandem.Access;
using Tandem.Postgres.Learning;
using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>
/// The store's side of the access policy: which document a file updates for a caller, access
/// lists and their history, and the SQL form of <see cref="IAccessPolicy.CanRead"/>.
/// </summary>
public sealed partial class PostgresDocumentStore
{
    /// <summary>The caller's own document from <paramref name="source"/>, or null for a new one (never someone else's, readable or not).</summary>
    private static Task<IngestTarget?> FindOwnTargetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string source, Principal caller,
        CancellationToken cancellationToken) =>
        ReadTargetAsync(connection, transaction, $"d.source = @source AND {OwnerColumn("d.id")} = @caller", cancellationToken, ("source", source), ("caller", caller.UserId));

    /// <summary>The document a caller named to update, under the rule of <see cref="ChosenDocument"/>.</summary>
    private async Task<IngestTarget> FindChosenTargetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, string source,
        Principal caller, CancellationToken cancellationToken)
    {
        var target = await ReadTargetAsync(connection, transaction, "d.id = @id", cancellationToken, ("id", documentId));
        ChosenDocument.Check(_access, caller, documentId, source, target?.Access, target?.Source ?? source, target?.Owner ?? string.Empty);
        return target!;
    }

    private static async Task<IngestTarget?> ReadTargetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string where, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql.Command(connection, transaction, $"""
            SELECT d.id, {OwnerColumn("d.id")}, d.current_version, v.content_hash, d.retired_at IS NOT NULL, z.clauses, {AccessColumn("d.id")}, d.source
            FROM documents d JOIN versions v ON v.id = d.current_version_id JOIN version_lengths z ON z.version_id = v.id
            WHERE {where} ORDER BY d.created_at, d.id COLLATE "C"
            """, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IngestTarget(reader.GetString(0), reader.GetString(1), Tokens(reader, 6), reader.GetString(7), reader.GetInt32(2), reader.GetString(3), reader.GetBoolean(4), reader.GetInt32(5))
            : null;
    }

    /// <summary>Sets a document's access list, records the change, and makes the examples taken from it follow, in the caller's transaction.</summary>
    private static async Task ChangeAccessAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, IReadOnlyList<string> old,
        IReadOnlyList<string> access, Principal by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            DELETE FROM document_access WHERE document_id = @id;
            INSERT INTO document_access (document_id, principal) SELECT @id, p FROM unnest(@access) AS p;
            INSERT INTO access_events (document_id, at, by, old_access, new_access) VALUES (@id, @at, @by, @old, @access);
            """, cancellationToken, ("id", documentId), ("access", access.ToArray()), ("at", now), ("by", by.UserId), ("old", old.ToArray()));
        await PostgresExampleStore.FollowDocumentAccessAsync(connection, transaction, documentId, access, cancellationToken);
    }

    private static async Task<IReadOnlyList<AccessEvent>> ReadAccessHistoryAsync(NpgsqlConnection connection, string documentId, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "SELECT at, by, old_access, new_access FROM access_events WHERE document_id = @id ORDER BY id", ("id", documentId));
        var events = new List<AccessEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AccessEvent(reader.GetTime(0), reader.GetString(1), reader.GetTokens(2), reader.GetTokens(3)));
        }

        return events;
    }

    /// <summary>A document's owner: the user who ingested its first version.</summary>
    private static string OwnerColumn(string documentColumn) => $"(SELECT o.ingested_by FROM versions o WHERE o.document_id = {documentColumn} AND o.version = 1)";

    /// <summary>A document's access tokens.</summary>
    private static string AccessColumn(string documentColumn) => $"(SELECT array_agg(a.principal) FROM document_access a WHERE a.document_id = {documentColumn})";

    /// <summary>Access tokens in ordinal order, as <see cref="AccessList.Tokens"/> keeps them.</summary>
    private static string[] Tokens(NpgsqlDataReader reader, int ordinal) => reader.GetTokens(ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The SQL form of <see cref="IAccessPolicy.CanRead"/>: the caller is an admin, or the
    /// document's access list holds one of the policy's read tokens for the caller (one
    /// <c>text[]</c> parameter, <c>@acl</c>).
    /// </summary>
    internal static string AccessFilter(string documentColumn, Principal caller, IAccessPolicy policy, out (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.IsAdmin(caller))
        {
            parameters = [];
            return "TRUE";
        }

        parameters = [("acl", policy.ReadTokens(caller).ToArray())];
        return $"{documentColumn} IN (SELECT a.document_id FROM document_access a WHERE a.principal = ANY(@acl))";
    }

    private string AccessFilter(string documentColumn, Principal caller, out (string Name, object? Value)[] parameters) =>
        AccessFilter(documentColumn, caller, _access, out parameters);

    /// <summary>The stored document an ingest or a lifecycle change updates.</summary>
    private sealed record IngestTarget(string Id, string Owner, IReadOnlyList<string> Access, string Source, int Version, string ContentHash, bool Retired, int ClauseCount);
}
