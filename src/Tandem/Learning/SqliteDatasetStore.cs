using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tandem.Store;

namespace Tandem.Learning;

/// <summary>
/// Datasets and their fine-tune jobs as rows of the Tandem SQLite file (each record kept whole as
/// JSON beside the columns it is looked up by), the files in a folder per dataset under
/// <paramref name="folder"/> (by default <c>datasets</c> beside the database).
/// </summary>
public sealed class SqliteDatasetStore(SqliteDatabase database, string folder) : IDatasetStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS datasets (dataset_id TEXT PRIMARY KEY, owner TEXT NOT NULL, created_at TEXT NOT NULL, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS finetune_jobs (job_id TEXT PRIMARY KEY, owner TEXT NOT NULL, started_at TEXT NOT NULL, body TEXT NOT NULL);
        """;

    private readonly string _folder = Path.GetFullPath(folder);

    /// <summary>The default folder for datasets: <c>datasets</c> beside the database file.</summary>
    public static string DefaultFolder(string databasePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "datasets");

    /// <inheritdoc />
    public string FolderOf(string datasetId) => Path.Combine(_folder, datasetId);

    /// <inheritdoc />
    public Task AddAsync(StoredDataset dataset, CancellationToken cancellationToken = default) =>
        InsertAsync("INSERT INTO datasets (dataset_id, owner, created_at, body) VALUES ($id, $owner, $at, $body)", dataset, d => (d.Id, d.Owner, d.CreatedAt), cancellationToken);

    /// <inheritdoc />
    public async Task<StoredDataset?> GetAsync(string datasetId, CancellationToken cancellationToken = default) =>
        (await ReadAsync<StoredDataset>("SELECT body FROM datasets WHERE dataset_id = $id", datasetId, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task AddJobAsync(FineTuneJobRecord job, CancellationToken cancellationToken = default) =>
        InsertAsync("INSERT INTO finetune_jobs (job_id, owner, started_at, body) VALUES ($id, $owner, $at, $body)", job, j => (j.JobId, j.Owner, j.StartedAt), cancellationToken);

    /// <inheritdoc />
    public async Task<FineTuneJobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        (await ReadAsync<FineTuneJobRecord>("SELECT body FROM finetune_jobs WHERE job_id = $id", jobId, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<FineTuneJobRecord>> ListJobsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<FineTuneJobRecord>("SELECT body FROM finetune_jobs ORDER BY started_at DESC, rowid DESC", null, cancellationToken);

    /// <summary>Inserts a record whole, with the columns it is looked up by.</summary>
    private Task InsertAsync<T>(string sql, T record, Func<T, (string Id, string Owner, DateTimeOffset At)> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (id, owner, at) = keys(record);
        return database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(record, SqliteTables.Json));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, Schema, cancellationToken);
    }

    private Task<IReadOnlyList<T>> ReadAsync<T>(string sql, string? id, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<T>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (id is not null)
            {
                command.Parameters.AddWithValue("$id", id);
            }

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), SqliteTables.Json)
                    ?? throw new InvalidOperationException("a stored dataset or job record is empty"));
            }

            return rows;
        }, Schema, cancellationToken);
}
