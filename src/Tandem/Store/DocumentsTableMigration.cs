using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>
/// Brings a documents table from schema 1, where a source path was UNIQUE, to one where it may
/// repeat (someone who may not read the document stored from a path gets their own). SQLite
/// cannot drop a constraint, so the table is rebuilt the documented way: foreign keys off, copy
/// into a new table, drop the old one, rename, in one transaction. A no-op once done.
/// </summary>
internal static class DocumentsTableMigration
{
    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!await SourceIsUniqueAsync(connection, cancellationToken))
        {
            return;
        }

        // PRAGMA foreign_keys is ignored inside a transaction: it is switched outside, and back on whatever happens.
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF", cancellationToken);
        try
        {
            await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
            try
            {
                // Another process may have migrated while this one waited for the lock.
                if (await SourceIsUniqueAsync(connection, cancellationToken))
                {
                    await ExecuteAsync(connection, $"""
                        CREATE TABLE documents_rebuilt (
                        {SqliteSchema.DocumentColumns}
                        );
                        INSERT INTO documents_rebuilt (id, source, title, media_type, current_version, current_version_id, created_at, updated_at, retired_at)
                            SELECT id, source, title, media_type, current_version, current_version_id, created_at, updated_at, retired_at FROM documents;
                        DROP TABLE documents;
                        ALTER TABLE documents_rebuilt RENAME TO documents;
                        {SqliteSchema.SourceIndex}
                        {SqliteSchema.AccessEvents}
                        """, cancellationToken);
                }

                await ExecuteAsync(connection, "COMMIT", cancellationToken);
            }
            catch
            {
                await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
                throw;
            }
        }
        finally
        {
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON", CancellationToken.None);
        }
    }

    private static async Task<bool> SourceIsUniqueAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_index_list('documents') WHERE origin = 'u'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
