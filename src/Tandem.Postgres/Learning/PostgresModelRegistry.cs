using System.Text.Json;
using Npgsql;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Store;

namespace Tandem.Postgres.Learning;

/// <summary>
/// The model registry as a table of Tandem's PostgreSQL database. As in the SQLite registry, while
/// there is no local champion the shipped model (<paramref name="shippedModelPath"/>, by default
/// the one next to the program) is registered as the champion. A partial unique index allows one
/// champion per backend, so two nodes promoting at once cannot leave two.
/// </summary>
public sealed class PostgresModelRegistry(PostgresDatabase database, string? shippedModelPath = null) : IModelRegistry
{
    private const string Columns = "id, backend, base_model, location, dataset_hash, created_at, scores::text, status, parent, note, audience, endpoint::text";

    private readonly string _shippedModelPath = Path.GetFullPath(shippedModelPath ?? LocalAnalyst.DefaultPath());

    /// <inheritdoc />
    public async Task RegisterAsync(RegisteredModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            await RunAsync(connection => InsertAsync(connection, model, onConflictNothing: false, cancellationToken), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw e.ConstraintName == "model_registry_pkey"
                ? new TandemException($"a model with id {model.Id} is already registered", "register it under a new id")
                : new TandemException($"the {model.Backend} backend already has a champion", "register the model as a candidate and promote it");
        }
    }

    private static Task<int> InsertAsync(NpgsqlConnection connection, RegisteredModel model, bool onConflictNothing, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, null, $"""
            INSERT INTO model_registry (id, backend, base_model, location, dataset_hash, created_at, scores, status, parent, note, audience, endpoint)
            VALUES (@id, @backend, @base, @location, @dataset, @created, @scores::jsonb, @status, @parent, @note, @audience, @endpoint::jsonb)
            {(onConflictNothing ? "ON CONFLICT DO NOTHING" : "")}
            """, cancellationToken, ("id", model.Id), ("backend", model.Backend), ("base", model.BaseModel), ("location", model.Location),
            ("dataset", model.DatasetHash), ("created", Sql.Time(model.CreatedAt)), ("scores", model.Scores is null ? null : JsonSerializer.Serialize(model.Scores, SqliteTables.Json)),
            ("status", model.Status.ToString()), ("parent", model.Parent), ("note", model.Note), ("audience", model.Audience.ToArray()),
            ("endpoint", model.Endpoint is null ? null : JsonSerializer.Serialize(model.Endpoint, SqliteTables.Json)));

    /// <inheritdoc />
    public async Task<RegisteredModel?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync("WHERE id = @id", id, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task SetScoresAsync(string id, GateScores scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var changed = await RunAsync(connection => Sql.ExecuteAsync(connection, null, "UPDATE model_registry SET scores = @scores::jsonb WHERE id = @id",
            cancellationToken, ("id", id), ("scores", JsonSerializer.Serialize(scores, SqliteTables.Json))), cancellationToken);
        if (changed == 0)
        {
            throw new TandemException($"no model {id} in the registry", "see 'tandem models registry'");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default) => QueryAsync(string.Empty, null, cancellationToken);

    /// <inheritdoc />
    public Task PromoteAsync(string id, string note, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            // The backend's rows are locked first, so concurrent promotions on it run one after the other.
            await Sql.ExecuteAsync(connection, transaction, """
                SELECT 1 FROM model_registry WHERE backend = (SELECT backend FROM model_registry WHERE id = @id) FOR UPDATE;
                UPDATE model_registry SET status = 'Retired', note = 'replaced by ' || @id
                WHERE status = 'Champion' AND backend = (SELECT backend FROM model_registry WHERE id = @id) AND id <> @id;
                UPDATE model_registry SET status = 'Champion', note = @note WHERE id = @id;
                """, cancellationToken, ("id", id), ("note", note));
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task RecordDecisionAsync(RetrainDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await RunAsync(connection => Sql.ExecuteAsync(connection, null, """
            INSERT INTO retrain_decisions (at, backend, due, reason, job, requester, audience) VALUES (@at, @backend, @due, @reason, @job, @requester, @audience)
            """, cancellationToken, ("at", Sql.Time(decision.At)), ("backend", decision.Backend), ("due", decision.Due), ("reason", decision.Reason),
            ("job", decision.Job), ("requester", decision.Requester), ("audience", decision.Audience.ToArray())), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RetrainDecision>> ListDecisionsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<RetrainDecision>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, "SELECT at, backend, due, reason, job, requester, audience FROM retrain_decisions ORDER BY at DESC, seq DESC");
            var decisions = new List<RetrainDecision>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                decisions.Add(new RetrainDecision(reader.GetTime(0), reader.GetString(1), reader.GetBoolean(2), reader.GetString(3))
                {
                    Job = reader.TextOrNull(4),
                    Requester = reader.TextOrNull(5),
                    Audience = reader.GetTokens(6),
                });
            }

            return decisions;
        }, cancellationToken);

    private Task<IReadOnlyList<RegisteredModel>> QueryAsync(string where, string? id, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<RegisteredModel>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM model_registry {where} ORDER BY created_at DESC, seq DESC");
            if (id is not null)
            {
                Sql.Add(command, [("id", id)]);
            }

            var models = new List<RegisteredModel>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                models.Add(new RegisteredModel(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetTime(5),
                    reader.TextOrNull(6) is { } scores ? JsonSerializer.Deserialize<GateScores>(scores, SqliteTables.Json) : null,
                    Enum.Parse<ModelStatus>(reader.GetString(7)), reader.TextOrNull(8), reader.TextOrNull(9))
                {
                    Audience = reader.GetTokens(10),
                    Endpoint = reader.TextOrNull(11) is { } endpoint ? JsonSerializer.Deserialize<ServedEndpoint>(endpoint, SqliteTables.Json) : null,
                });
            }

            return models;
        }, cancellationToken);

    /// <summary>Runs <paramref name="action"/> after registering the shipped model as the local champion when there is none.</summary>
    private Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var check = Sql.Command(connection, null, "SELECT EXISTS (SELECT 1 FROM model_registry WHERE backend = @backend AND status = 'Champion')",
                ("backend", LocalFineTuneBackend.BackendName));
            // A shipped model registered once and retired since stays retired: its id conflicts and nothing is inserted.
            if (!(bool)(await check.ExecuteScalarAsync(cancellationToken))! && ShippedModel.Entry(_shippedModelPath) is { } shipped)
            {
                await InsertAsync(connection, shipped, onConflictNothing: true, cancellationToken);
            }

            return await action(connection);
        }, cancellationToken);
}
