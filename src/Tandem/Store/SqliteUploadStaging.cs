using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>Staged uploads in a table of the Tandem SQLite file (created on first use), one row per file, written in one transaction.</summary>
public sealed class SqliteUploadStaging : IUploadStaging
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS staged_uploads (
            staging_id TEXT NOT NULL, seq INTEGER NOT NULL, owner TEXT NOT NULL, file_name TEXT NOT NULL,
            content BLOB NOT NULL, staged_at TEXT NOT NULL, PRIMARY KEY (staging_id, seq));
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="database">The Tandem SQLite file.</param>
    /// <param name="time">The clock that stamps each staged file.</param>
    public SqliteUploadStaging(SqliteDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<string> StageAsync(string owner, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken = default)
    {
        var contents = await StagedFile.ReadAllAsync(owner, files, cancellationToken);

        var id = StagedFile.NewId();
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await _database.RunAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO staged_uploads (staging_id, seq, owner, file_name, content, staged_at) VALUES ($id, $seq, $owner, $name, $content, $at)";
            for (var i = 0; i < files.Count; i++)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$seq", i);
                command.Parameters.AddWithValue("$owner", owner);
                command.Parameters.AddWithValue("$name", files[i].FileName);
                command.Parameters.AddWithValue("$content", contents[i]);
                command.Parameters.AddWithValue("$at", now);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return id;
        }, Schema, cancellationToken);
        return id;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StagedFile>?> ReadAsync(string stagingId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!StagedFile.IsId(stagingId))
        {
            return null;
        }

        return await _database.RunAsync<IReadOnlyList<StagedFile>?>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT file_name, content FROM staged_uploads WHERE staging_id = $id AND owner = $owner ORDER BY seq";
            command.Parameters.AddWithValue("$id", stagingId);
            command.Parameters.AddWithValue("$owner", owner);
            var files = new List<StagedFile>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                files.Add(new StagedFile(reader.GetString(0), (byte[])reader.GetValue(1)));
            }

            return files.Count == 0 ? null : files;
        }, Schema, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string stagingId, CancellationToken cancellationToken = default)
    {
        if (!StagedFile.IsId(stagingId))
        {
            return false;
        }

        return await _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM staged_uploads WHERE staging_id = $id";
            command.Parameters.AddWithValue("$id", stagingId);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, Schema, cancellationToken);
    }
}
