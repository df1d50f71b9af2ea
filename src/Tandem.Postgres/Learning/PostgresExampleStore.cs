using Npgsql;
using Tandem.Learning;

namespace Tandem.Postgres.Learning;

/// <summary>The example store as a table of Tandem's PostgreSQL database, with the review log beside it.</summary>
public sealed class PostgresExampleStore(PostgresDatabase database, TimeProvider? time = null) : IExampleStore
{
    private const string Columns = "id, task, input, category, severity, rationale, provenance, sources, access, author, created_at, reviewed, near_duplicate_of, quote, side, favours";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<int> AddAsync(IReadOnlyList<TrainingExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return database.InTransactionAsync((connection, transaction) => InsertAsync(connection, transaction, examples, cancellationToken), cancellationToken);
    }

    /// <summary>Inserts examples inside a caller's transaction (exact duplicates skipped); returns how many were added.</summary>
    internal static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TrainingExample> examples, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO examples ({Columns})
            VALUES (@id, @task, @input, @category, @severity, @rationale, @provenance, @sources, @access, @author, @created, @reviewed, @near, @quote, @side, @favours)
            ON CONFLICT (id) DO NOTHING
            """);
        var added = 0;
        foreach (var e in examples)
        {
            // An empty list would read as nobody's; every example says who may read it ("public" for public data).
            if (e.Access.Count == 0)
            {
                throw new ArgumentException($"example {e.Id} has no access list", nameof(examples));
            }

            command.Parameters.Clear();
            Sql.Add(command, [("id", e.Id), ("task", e.Task), ("input", e.Input), ("category", e.Category), ("severity", e.Severity), ("rationale", e.Rationale),
                ("provenance", e.Provenance), ("sources", e.SourceDocuments.ToArray()), ("access", e.Access.ToArray()), ("author", e.Author),
                ("created", Sql.Time(e.CreatedAt)), ("reviewed", e.Reviewed), ("near", e.NearDuplicateOf), ("quote", e.Quote), ("side", e.Side), ("favours", e.Favours)]);
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrainingExample>> ListAsync(string? category = null, string? provenance = null, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<TrainingExample>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, $"""
                SELECT {Columns} FROM examples
                WHERE (@category::text IS NULL OR category = @category) AND (@provenance::text IS NULL OR provenance = @provenance) ORDER BY seq
                """, ("category", category), ("provenance", provenance));
            var examples = new List<TrainingExample>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                examples.Add(new TrainingExample(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), reader.GetTokens(7), reader.GetTokens(8), reader.GetString(9), reader.GetTime(10), reader.GetBoolean(11), reader.TextOrNull(12))
                {
                    Quote = reader.TextOrNull(13),
                    Side = reader.TextOrNull(14),
                    Favours = reader.TextOrNull(15),
                });
            }

            return examples;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ReviewAsync(string id, bool accept, string reviewer, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var sql = accept ? "UPDATE examples SET reviewed = TRUE WHERE id = @id" : "DELETE FROM examples WHERE id = @id";
            if (await Sql.ExecuteAsync(connection, transaction, sql, cancellationToken, ("id", id)) == 0)
            {
                return false;
            }

            await Sql.ExecuteAsync(connection, transaction, "INSERT INTO example_reviews (example_id, accepted, reviewer, at) VALUES (@id, @accepted, @reviewer, @at)",
                cancellationToken, ("id", id), ("accepted", accept), ("reviewer", reviewer), ("at", Sql.Time(_time.GetUtcNow())));
            return true;
        }, cancellationToken);

    /// <summary>
    /// Makes the examples recorded as corrections of a document carry its new access list, inside
    /// the caller's transaction, with the SQLite store's rule (see SqliteExampleStore.FollowDocumentAccessAsync):
    /// a single-source example takes the list, a multi-source one keeps the tokens every source shares.
    /// </summary>
    internal static async Task FollowDocumentAccessAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, IReadOnlyList<string> access,
        CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            UPDATE examples e
            SET access = CASE WHEN cardinality(e.sources) = 1 THEN @access
                              ELSE ARRAY(SELECT x.t FROM unnest(e.access) WITH ORDINALITY AS x(t, n) WHERE x.t = ANY(@access) GROUP BY x.t ORDER BY min(x.n)) END
            WHERE e.id IN (SELECT c.example_id FROM corrections c WHERE c.document_id = @document) AND @document = ANY(e.sources)
            """, cancellationToken, ("document", documentId), ("access", access.ToArray()));
    }
}
