using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Tandem.Learning;

/// <summary>
/// The model registry as a table in the Tandem SQLite database (created on first use). While the
/// registry has no local champion, the shipped model (<paramref name="shippedModelPath"/>, by
/// default the one next to the program) is registered as the champion, with the gate scores its
/// manifest records: it is what reviews contracts until a candidate beats it through the gate.
/// </summary>
public sealed class SqliteModelRegistry(string databasePath, string? shippedModelPath = null) : IModelRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = Store.StoredRecordsJsonContext.Resolver };

    private readonly Store.SqliteDatabase _database = new(databasePath);
    private readonly string _shippedModelPath = Path.GetFullPath(shippedModelPath ?? Analysis.LocalAnalyst.DefaultPath());

    /// <inheritdoc />
    public async Task RegisterAsync(RegisteredModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await InsertAsync(connection, model, orIgnore: false, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new TandemException($"a model with id {model.Id} is already registered", "register it under a new id");
        }
    }

    /// <summary>The registry id the shipped model file gets: its content hash, so a new shipped model is a new entry.</summary>
    public static string ShippedModelId(string path) => ShippedModel.Id(path);

    private static async Task InsertAsync(SqliteConnection connection, RegisteredModel model, bool orIgnore, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT {(orIgnore ? "OR IGNORE " : "")}INTO model_registry (id, backend, base_model, location, dataset_hash, created_at, scores, status, parent, note, audience, endpoint)
            VALUES ($id, $backend, $base, $location, $dataset, $created, $scores, $status, $parent, $note, $audience, $endpoint)
            """;
        command.Parameters.AddWithValue("$audience", JsonSerializer.Serialize(model.Audience, Json));
        command.Parameters.AddWithValue("$endpoint", model.Endpoint is null ? DBNull.Value : JsonSerializer.Serialize(model.Endpoint, Json));
        command.Parameters.AddWithValue("$id", model.Id);
        command.Parameters.AddWithValue("$backend", model.Backend);
        command.Parameters.AddWithValue("$base", model.BaseModel);
        command.Parameters.AddWithValue("$location", model.Location);
        command.Parameters.AddWithValue("$dataset", model.DatasetHash);
        command.Parameters.AddWithValue("$created", model.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$scores", model.Scores is null ? DBNull.Value : JsonSerializer.Serialize(model.Scores, Json));
        command.Parameters.AddWithValue("$status", model.Status.ToString());
        command.Parameters.AddWithValue("$parent", (object?)model.Parent ?? DBNull.Value);
        command.Parameters.AddWithValue("$note", (object?)model.Note ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Registers the shipped model as the local champion when there is none and it was never
    /// registered (a retired shipped model stays retired). Without this, the first candidate would
    /// pass the gate against nothing while 'analyze' went on using the shipped model.
    /// </summary>
    private async Task RegisterShippedModelAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT EXISTS (SELECT 1 FROM model_registry WHERE backend = $backend AND status = 'Champion')";
            check.Parameters.AddWithValue("$backend", LocalFineTuneBackend.BackendName);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1)
            {
                return;
            }
        }

        if (ShippedModel.Entry(_shippedModelPath) is { } shipped)
        {
            await InsertAsync(connection, shipped, orIgnore: true, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<RegisteredModel?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync("WHERE id = $id", id, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task SetScoresAsync(string id, GateScores scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE model_registry SET scores = $scores WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$scores", JsonSerializer.Serialize(scores, Json));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new TandemException($"no model {id} in the registry", "see 'tandem models registry'");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default) => QueryAsync(string.Empty, null, cancellationToken);

    /// <inheritdoc />
    public async Task PromoteAsync(string id, string note, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE model_registry SET status = 'Retired', note = 'replaced by ' || $id
            WHERE status = 'Champion' AND backend = (SELECT backend FROM model_registry WHERE id = $id) AND id <> $id;
            UPDATE model_registry SET status = 'Champion', note = $note WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$note", note);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordDecisionAsync(RetrainDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO retrain_decisions (at, backend, due, reason, job, requester, audience) VALUES ($at, $backend, $due, $reason, $job, $requester, $audience)";
        command.Parameters.AddWithValue("$job", (object?)decision.Job ?? DBNull.Value);
        command.Parameters.AddWithValue("$requester", (object?)decision.Requester ?? DBNull.Value);
        command.Parameters.AddWithValue("$audience", JsonSerializer.Serialize(decision.Audience, Json));
        command.Parameters.AddWithValue("$at", decision.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$backend", decision.Backend);
        command.Parameters.AddWithValue("$due", decision.Due ? 1 : 0);
        command.Parameters.AddWithValue("$reason", decision.Reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RetrainDecision>> ListDecisionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, backend, due, reason, job, requester, audience FROM retrain_decisions ORDER BY at DESC, rowid DESC";
        var decisions = new List<RetrainDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new RetrainDecision(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(1), reader.GetInt64(2) == 1, reader.GetString(3))
            {
                Job = reader.IsDBNull(4) ? null : reader.GetString(4),
                Requester = reader.IsDBNull(5) ? null : reader.GetString(5),
                Audience = Tokens(reader, 6),
            });
        }

        return decisions;
    }

    private async Task<IReadOnlyList<RegisteredModel>> QueryAsync(string where, string? id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The shipped model was registered before audiences were recorded in older stores: it is everyone's.
        command.CommandText = $"""
            SELECT id, backend, base_model, location, dataset_hash, created_at, scores, status, parent, note,
                   coalesce(audience, CASE WHEN id LIKE 'local-shipped-%' THEN '["{Access.AccessList.Public}"]' END), endpoint
            FROM model_registry {where} ORDER BY created_at DESC, rowid DESC
            """;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        var models = new List<RegisteredModel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            models.Add(new RegisteredModel(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.IsDBNull(6) ? null : JsonSerializer.Deserialize<GateScores>(reader.GetString(6), Json),
                Enum.Parse<ModelStatus>(reader.GetString(7)), reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9))
            {
                Audience = Tokens(reader, 10),
                Endpoint = reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<ServedEndpoint>(reader.GetString(11), Json),
            });
        }

        return models;
    }

    private static IReadOnlyList<string> Tokens(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize<List<string>>(reader.GetString(ordinal), Json) ?? [];

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(Schema, cancellationToken);
        await Store.SqliteTables.AddColumnIfMissingAsync(connection, "retrain_decisions", "job", "TEXT", cancellationToken);
        await Store.SqliteTables.AddColumnIfMissingAsync(connection, "retrain_decisions", "requester", "TEXT", cancellationToken);
        await Store.SqliteTables.AddColumnIfMissingAsync(connection, "retrain_decisions", "audience", "TEXT", cancellationToken);
        await Store.SqliteTables.AddColumnIfMissingAsync(connection, "model_registry", "audience", "TEXT", cancellationToken);
        await Store.SqliteTables.AddColumnIfMissingAsync(connection, "model_registry", "endpoint", "TEXT", cancellationToken);
        await RegisterShippedModelAsync(connection, cancellationToken);
        return connection;
    }

    private const string Schema = """
            CREATE TABLE IF NOT EXISTS model_registry (
                id TEXT PRIMARY KEY, backend TEXT NOT NULL, base_model TEXT NOT NULL, location TEXT NOT NULL, dataset_hash TEXT NOT NULL,
                created_at TEXT NOT NULL, scores TEXT, status TEXT NOT NULL, parent TEXT, note TEXT, audience TEXT, endpoint TEXT);
            CREATE TABLE IF NOT EXISTS retrain_decisions (at TEXT NOT NULL, backend TEXT NOT NULL, due INTEGER NOT NULL, reason TEXT NOT NULL, job TEXT, requester TEXT, audience TEXT);
            """;
}
