using System.Numerics.Tensors;
using Npgsql;
using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>
/// Clause vectors on PostgreSQL (<c>clause_hashes</c>, <c>clause_vectors</c>, migration 0002), with
/// the SQLite store's contract: one vector per (model, text hash), values rounded to float16 as
/// SQLite keeps them, a cursor that follows commit order, and dense search over the current
/// clauses the caller may read, by cosine (the dot product of unit vectors), ties by clause row.
/// </summary>
/// <remarks>
/// Two ways to search, one contract. With pgvector installed (<see cref="PostgresDatabase.Pgvector"/>)
/// the ranking is one SQL statement over an HNSW index (<see cref="VectorExtension"/>), the access
/// filter inside it. Without it (Debian's PostgreSQL) the caller's readable vectors are streamed
/// out of one statement, row by row, and scored in .NET with <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>,
/// keeping the best k in a heap as they come. Why in .NET and not in SQL: the scores are then
/// the very numbers the SQLite store computes (same float16-rounded values, same float32 dot
/// product), so both stores rank near-ties alike, where a SQL <c>sum(x * y)</c> over
/// <c>unnest</c> rounds differently and is several times slower per row; memory stays bounded
/// either way (one row and a k-sized heap here). The cost is the vectors crossing the wire once
/// per search, which the server's in-memory index does not pay (it reads
/// <see cref="ReadVectorsAsync"/> once and then only what is new).
/// Saves hold a transaction-scoped advisory lock, so vector ids are assigned in commit order
/// across nodes and a reader polling <see cref="ReadVectorCursorAsync"/> never skips a vector
/// committed late under a lower id.
/// </remarks>
public sealed class PostgresClauseVectorStore : IClauseVectorStore
{
    /// <summary>The advisory lock every vector save holds until it commits.</summary>
    private const long SaveLock = 0x54414E44454D0003;

    /// <summary>The current clauses of unretired documents.</summary>
    private const string CurrentClauses = "FROM documents d JOIN clauses c ON c.version_id = d.current_version_id WHERE d.retired_at IS NULL";

    /// <summary>The current clauses of unretired documents with their text hash and no vector from @model.</summary>
    private const string Unembedded = """
        FROM documents d
        JOIN clauses c ON c.version_id = d.current_version_id
        JOIN clause_hashes h ON h.clause = c.id
        WHERE d.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM clause_vectors v WHERE v.model = @model AND v.hash = h.hash)
        """;

    /// <summary>The current clauses of unretired documents with a vector from @model of @dimensions values.</summary>
    private const string ReadableVectors = """
        FROM documents d
        JOIN clauses c ON c.version_id = d.current_version_id
        JOIN clause_hashes h ON h.clause = c.id
        JOIN clause_vectors v ON v.model = @model AND v.hash = h.hash
        WHERE d.retired_at IS NULL AND cardinality(v.vector) = @dimensions
        """;

    /// <summary>
    /// Gives every current clause without one the hash of its text: <see cref="ClauseText.HashOf"/>
    /// (the first 128 bits of SHA-256 of the UTF-8 bytes, lower-case hex) in SQL, so no text leaves the server.
    /// </summary>
    private const string HashNewClauses = $"""
        INSERT INTO clause_hashes (clause, hash)
        SELECT c.id, encode(substr(sha256(convert_to(c.text, 'UTF8')), 1, 16), 'hex')
        {CurrentClauses} AND NOT EXISTS (SELECT 1 FROM clause_hashes h WHERE h.clause = c.id)
        ON CONFLICT (clause) DO NOTHING;
        """;

    private readonly PostgresDatabase _database;
    private readonly IAccessPolicy _access;

    public PostgresClauseVectorStore(PostgresDatabase database, IAccessPolicy? access = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _access = access ?? AccessPolicy.Default;
    }

    /// <inheritdoc />
    public Task<int> CountUnembeddedAsync(string model, CancellationToken cancellationToken = default) =>
        _database.RunAsync(async connection =>
        {
            await using var command = Sql.Command(connection, null, $"{HashNewClauses} SELECT count(DISTINCT h.hash) {Unembedded}", ("model", model));
            return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ClauseText>> ReadUnembeddedAsync(string model, int limit, CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<ClauseText>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, $"{HashNewClauses} SELECT h.hash, min(c.text) {Unembedded} GROUP BY h.hash ORDER BY min(c.id) LIMIT @limit",
                ("model", model), ("limit", limit));
            var texts = new List<ClauseText>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                texts.Add(new ClauseText(reader.GetString(0), reader.GetString(1)));
            }

            return texts;
        }, cancellationToken);

    /// <inheritdoc />
    public Task SaveVectorsAsync(string model, IReadOnlyList<(string Hash, ReadOnlyMemory<float> Vector)> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(vectors);
        return _database.InTransactionAsync(async (connection, transaction) =>
        {
            await Sql.ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SaveLock})", cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var (hash, vector) in vectors)
            {
                var command = new NpgsqlBatchCommand("INSERT INTO clause_vectors (model, hash, vector) VALUES ($1, $2, $3) ON CONFLICT (model, hash) DO NOTHING");
                command.Parameters.Add(new NpgsqlParameter { Value = model });
                command.Parameters.Add(new NpgsqlParameter { Value = hash });
                command.Parameters.Add(new NpgsqlParameter { Value = AsStored(vector.Span) });
                batch.BatchCommands.Add(command);
            }

            if (_database.Pgvector is not null)
            {
                foreach (var dimensions in vectors.Select(v => v.Vector.Length).Distinct())
                {
                    await VectorExtension.EnsureIndexAsync(connection, transaction, model, dimensions, cancellationToken);
                }
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> ReadVectorCursorAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync(async connection =>
        {
            await using var command = Sql.Command(connection, null, "SELECT coalesce(max(id), 0) FROM clause_vectors");
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredVector>> ReadVectorsAsync(string model, long after, CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<StoredVector>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, "SELECT id, hash, vector FROM clause_vectors WHERE id > @after AND model = @model ORDER BY id",
                ("after", after), ("model", model));
            var vectors = new List<StoredVector>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                vectors.Add(new StoredVector(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<float[]>(2)));
            }

            return vectors;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<VectorSearchResult> SearchVectorsAsync(ReadOnlyMemory<float> query, string model, Principal caller, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _database.RunAsync(async connection =>
        {
            // One snapshot: the vectors, the counts and the passages agree with each other.
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            var filter = PostgresDocumentStore.AccessFilter("d.id", caller, _access, out var accessParameters);
            var (ranked, searched) = _database.Pgvector is { } version
                ? await RankInSqlAsync(connection, transaction, version, query, model, filter, accessParameters, limit, cancellationToken)
                : await RankByScanAsync(connection, transaction, query, model, filter, accessParameters, limit, cancellationToken);
            await using var count = Sql.Command(connection, transaction,
                $"SELECT coalesce(sum(z.clauses), 0) FROM documents d JOIN version_lengths z ON z.version_id = d.current_version_id WHERE d.retired_at IS NULL AND {filter}");
            Sql.Add(count, accessParameters);
            var readable = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            var passages = await ReadPassagesAsync(connection, transaction, ranked, filter, accessParameters, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new VectorSearchResult(passages, searched, (int)readable - searched);
        }, cancellationToken);
    }

    /// <summary>A vector as it is stored: each value rounded to float16 and back, as the SQLite store keeps it.</summary>
    private static float[] AsStored(ReadOnlySpan<float> vector)
    {
        var stored = new float[vector.Length];
        VectorBlob.Decode(VectorBlob.Encode(vector), stored);
        return stored;
    }

    /// <summary>The exact path: every readable current clause's vector of the query's length, scored here as it streams by.</summary>
    private static async Task<(IReadOnlyList<(long Row, double Score)> Ranked, int Searched)> RankByScanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        ReadOnlyMemory<float> query, string model, string filter, (string Name, object? Value)[] accessParameters, int limit, CancellationToken cancellationToken)
    {
        await using var scan = Sql.Command(connection, transaction, $"SELECT c.id, v.vector {ReadableVectors} AND {filter}", ("model", model), ("dimensions", query.Length));
        Sql.Add(scan, accessParameters);
        var best = new TopHits<long>(limit);
        var searched = 0;
        await using var reader = await scan.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            best.Add(reader.GetInt64(0), TensorPrimitives.Dot(query.Span, reader.GetFieldValue<float[]>(1)));
            searched++;
        }

        return (best.ToList(), searched);
    }

    /// <summary>The pgvector path: the index ranks, and one count says how many readable clauses had a vector to rank.</summary>
    private static async Task<(IReadOnlyList<(long Row, double Score)> Ranked, int Searched)> RankInSqlAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Version version, ReadOnlyMemory<float> query, string model, string filter, (string Name, object? Value)[] accessParameters, int limit, CancellationToken cancellationToken)
    {
        var depth = Math.Max(limit, HybridIndex.CandidateDepth);
        await Sql.ExecuteAsync(connection, transaction, VectorExtension.SearchSettings(version, depth), cancellationToken);
        await using var rank = Sql.Command(connection, transaction, VectorExtension.Ranked(model, query.Length, filter),
            ("query", query.ToArray()), ("depth", depth), ("limit", limit));
        Sql.Add(rank, accessParameters);
        var ranked = new List<(long Row, double Score)>();
        await using (var reader = await rank.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
        }

        await using var count = Sql.Command(connection, transaction, $"SELECT count(*) {ReadableVectors} AND {filter}", ("model", model), ("dimensions", query.Length));
        Sql.Add(count, accessParameters);
        return (ranked, (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    private static async Task<IReadOnlyList<Passage>> ReadPassagesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(long Row, double Score)> ranked,
        string filter, (string Name, object? Value)[] accessParameters, CancellationToken cancellationToken)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        await using var command = Sql.Command(connection, transaction, $"""
            SELECT c.id, d.id, d.title, d.current_version, c.clause_id, c.path, c.heading, c.start_offset, c.end_offset, c.text
            FROM clauses c JOIN documents d ON d.id = c.document_id AND d.current_version_id = c.version_id
            WHERE c.id = ANY(@rows) AND d.retired_at IS NULL AND {filter}
            """, ("rows", ranked.Select(r => r.Row).ToArray()));
        Sql.Add(command, accessParameters);
        var passages = new Dictionary<long, Passage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            passages[reader.GetInt64(0)] = new Passage(reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5),
                reader.TextOrNull(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetString(9), 0);
        }

        return ranked.Where(r => passages.ContainsKey(r.Row)).Select(r => passages[r.Row] with { Score = r.Score }).ToList();
    }
}
