using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>Staged uploads in Tandem's PostgreSQL database (bytea, one row per file, written in one transaction), so any node's worker can ingest what any node received.</summary>
public sealed class PostgresUploadStaging : IUploadStaging
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    /// <param name="database">Tandem's PostgreSQL database.</param>
    /// <param name="time">The clock that stamps each staged file.</param>
    public PostgresUploadStaging(PostgresDatabase database, TimeProvider? time = null)
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
        var now = Sql.Time(_time.GetUtcNow());
        await _database.InTransactionAsync(async (connection, transaction) =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                await Sql.ExecuteAsync(connection, transaction, """
                    INSERT INTO staged_uploads (staging_id, seq, owner, file_name, content, staged_at) VALUES (@id, @seq, @owner, @name, @content, @at)
                    """, cancellationToken, ("id", id), ("seq", i), ("owner", owner), ("name", files[i].FileName), ("content", contents[i]), ("at", now));
            }

            return id;
        }, cancellationToken);
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
            await using var command = Sql.Command(connection, null, "SELECT file_name, content FROM staged_uploads WHERE staging_id = @id AND owner = @owner ORDER BY seq",
                ("id", stagingId), ("owner", owner));
            var files = new List<StagedFile>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                files.Add(new StagedFile(reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
            }

            return files.Count == 0 ? null : files;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string stagingId, CancellationToken cancellationToken = default) =>
        StagedFile.IsId(stagingId) && await _database.RunAsync(
            connection => Sql.ExecuteAsync(connection, null, "DELETE FROM staged_uploads WHERE staging_id = @id", cancellationToken, ("id", stagingId)),
            cancellationToken) > 0;
}
