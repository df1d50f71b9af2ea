using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>Clause lengths for stores written before schema 3, which did not record them.</summary>
public sealed partial class SqliteDocumentStore
{
    /// <summary>
    /// Records the lengths of every version that has none, one version at a time inside one
    /// write transaction; a no-op once done. Checked on every first open, like the documents
    /// migration, so a store an older process wrote to is completed too.
    /// </summary>
    private static async Task BackfillLengthsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if ((await VersionsWithoutLengthsAsync(connection, cancellationToken)).Count == 0)
        {
            return;
        }

        await InTransactionAsync(connection, async () =>
        {
            // Another process may have filled them in while this one waited for the lock.
            foreach (var versionId in await VersionsWithoutLengthsAsync(connection, cancellationToken))
            {
                using var select = Command(connection, "SELECT id, text, heading FROM clauses WHERE version_id = $vid ORDER BY id", ("$vid", versionId));
                var clauses = new List<(long, string, string?)>();
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        clauses.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                    }
                }

                await ClauseLengths.RecordAsync(connection, versionId, clauses, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<long>> VersionsWithoutLengthsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Command(connection, "SELECT v.id FROM versions v WHERE NOT EXISTS (SELECT 1 FROM version_lengths z WHERE z.version_id = v.id) ORDER BY v.id");
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
