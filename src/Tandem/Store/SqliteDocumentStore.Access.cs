using System.Globalization;
using Microsoft.Data.Sqlite;
using Tandem.Access;

namespace Tandem.Store;

/// <summary>
/// The store's side of the access policy: which document a file updates for a caller, access
/// lists and their history, and the SQL form of <see cref="IAccessPolicy.CanRead"/>.
/// </summary>
public sealed partial class SqliteDocumentStore
{
    /// <summary>
    /// The document a file from <paramref name="source"/> updates for the caller: the caller's own
    /// document from that path, or null for a new one. Someone else's document from the same path
    /// is never the target, even one the caller may read: otherwise whoever stored a path first
    /// (with the caller on its list) would own the caller's later versions, reports and corrections.
    /// </summary>
    private static async Task<IngestTarget?> FindOwnTargetAsync(SqliteConnection connection, string source, Principal caller, CancellationToken cancellationToken)
    {
        using var command = TargetQuery(connection, $"d.source = $source AND {OwnerColumn("d.id")} = $caller", ("$source", source), ("$caller", caller.UserId));
        return await ReadTargetAsync(command, cancellationToken);
    }

    /// <summary>
    /// The document a caller named to update (<see cref="IngestRequest.DocumentId"/>): it must be
    /// readable (else "not found", as for a missing id), stored from the same path, and the caller
    /// must be its owner or an admin.
    /// </summary>
    private async Task<IngestTarget> FindChosenTargetAsync(SqliteConnection connection, string documentId, string source, Principal caller, CancellationToken cancellationToken)
    {
        using var command = TargetQuery(connection, "d.id = $id", ("$id", documentId));
        var target = await ReadTargetAsync(command, cancellationToken);
        ChosenDocument.Check(_access, caller, documentId, source, target?.Access, target?.Source ?? source, target?.Owner ?? string.Empty);
        return target!;
    }

    private static SqliteCommand TargetQuery(SqliteConnection connection, string where, params (string Name, object? Value)[] parameters) => Command(connection, $"""
        SELECT d.id, {OwnerColumn("d.id")}, d.current_version, v.content_hash, d.retired_at IS NOT NULL,
               (SELECT count(*) FROM clauses c WHERE c.version_id = v.id), {AccessColumn("d.id")}, d.source
        FROM documents d JOIN versions v ON v.id = d.current_version_id
        WHERE {where} ORDER BY d.created_at, d.id
        """, parameters);

    private static async Task<IngestTarget?> ReadTargetAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IngestTarget(reader.GetString(0), reader.GetString(1), Tokens(reader, 6), reader.GetString(7), reader.GetInt32(2), reader.GetString(3), reader.GetBoolean(4), reader.GetInt32(5))
            : null;
    }

    /// <summary>The stored document an ingest updates.</summary>
    private sealed record IngestTarget(string Id, string Owner, IReadOnlyList<string> Access, string Source, int Version, string ContentHash, bool Retired, int ClauseCount);

    /// <summary>Sets a document's access list, records the change, and makes the examples taken from it follow.</summary>
    private static async Task ChangeAccessAsync(SqliteConnection connection, string documentId, IReadOnlyList<string> old, IReadOnlyList<string> access,
        Principal by, string now, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "DELETE FROM document_access WHERE document_id = $id", cancellationToken, ("$id", documentId));
        foreach (var token in access)
        {
            await ExecuteAsync(connection, "INSERT INTO document_access (document_id, principal) VALUES ($id, $p)",
                cancellationToken, ("$id", documentId), ("$p", token));
        }

        await ExecuteAsync(connection, "INSERT INTO access_events (document_id, at, by, old_access, new_access) VALUES ($id, $at, $by, $old, $new)",
            cancellationToken, ("$id", documentId), ("$at", now), ("$by", by.UserId), ("$old", string.Join('\n', old)), ("$new", string.Join('\n', access)));
        await Learning.SqliteExampleStore.FollowDocumentAccessAsync(connection, documentId, access, cancellationToken);
    }

    private static async Task<IReadOnlyList<AccessEvent>> ReadAccessHistoryAsync(SqliteConnection connection, string documentId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, "SELECT at, by, old_access, new_access FROM access_events WHERE document_id = $id ORDER BY id", ("$id", documentId));
        var events = new List<AccessEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            static string[] Split(string list) => list.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            events.Add(new AccessEvent(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetString(1), Split(reader.GetString(2)), Split(reader.GetString(3))));
        }

        return events;
    }

    /// <summary>A document's owner: the user who ingested its first version.</summary>
    private static string OwnerColumn(string documentColumn) => $"(SELECT o.ingested_by FROM versions o WHERE o.document_id = {documentColumn} AND o.version = 1)";

    /// <summary>A document's access tokens, one per line.</summary>
    private static string AccessColumn(string documentColumn) => $"(SELECT group_concat(a.principal, char(10)) FROM document_access a WHERE a.document_id = {documentColumn})";

    private static string[] Tokens(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : reader.GetString(ordinal).Split('\n').Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The SQL form of <see cref="IAccessPolicy.CanRead"/>: the caller is an admin, or the
    /// document's access list holds one of the policy's read tokens for the caller.
    /// </summary>
    internal static string AccessFilter(string documentColumn, Principal caller, IAccessPolicy policy, out (string Name, object? Value)[] parameters)
    {
        if (policy.IsAdmin(caller))
        {
            parameters = [];
            return "1 = 1";
        }

        parameters = policy.ReadTokens(caller).Select((t, i) => ($"$acl{i}", (object?)t)).ToArray();
        var names = string.Join(", ", parameters.Select(p => p.Name));
        return $"{documentColumn} IN (SELECT document_id FROM document_access WHERE principal IN ({names}))";
    }

    private string AccessFilter(string documentColumn, Principal caller, out (string Name, object? Value)[] parameters) =>
        AccessFilter(documentColumn, caller, _access, out parameters);
}
