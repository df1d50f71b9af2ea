using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Retrieval;

namespace Tandem.Store;

/// <summary>
/// Clause vectors in the store's file (<see cref="SqliteSchema.Vectors"/>). Dense search streams
/// the caller's readable current clauses' vectors out of SQLite and keeps the best k as it goes,
/// so a fresh process (the CLI) needs no index in memory and no more memory than one vector; the
/// access filter is the same SQL clause keyword search uses.
/// </summary>
public sealed partial class SqliteDocumentStore : IClauseVectorStore
{
    /// <summary>The current clauses of unretired documents.</summary>
    private const string CurrentClauses = "FROM documents d JOIN clauses c ON c.version_id = d.current_version_id WHERE d.retired_at IS NULL";

    /// <summary>The current clauses of unretired documents that have their text hash.</summary>
    private const string HashedClauses = """
        FROM documents d
        JOIN clauses c ON c.version_id = d.current_version_id
        JOIN clause_hashes h ON h.clause = c.id
        WHERE d.retired_at IS NULL
        """;

    private const string WithoutVector = "NOT EXISTS (SELECT 1 FROM clause_vectors v WHERE v.model = $model AND v.hash = h.hash)";

    /// <inheritdoc />
    public Task<int> CountUnembeddedAsync(string model, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            await HashNewClausesAsync(connection, cancellationToken);
            using var command = Command(connection, $"SELECT count(DISTINCT h.hash) {HashedClauses} AND {WithoutVector}", ("$model", model));
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ClauseText>> ReadUnembeddedAsync(string model, int limit, CancellationToken cancellationToken = default) =>
        WithConnectionAsync<IReadOnlyList<ClauseText>>(async connection =>
        {
            await HashNewClausesAsync(connection, cancellationToken);
            using var command = Command(connection, $"SELECT h.hash, min(c.text) {HashedClauses} AND {WithoutVector} GROUP BY h.hash ORDER BY min(c.id) LIMIT $limit",
                ("$model", model), ("$limit", limit));
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
        return WithConnectionAsync(connection => InTransactionAsync(connection, async () =>
        {
            using var insert = Command(connection, "INSERT OR IGNORE INTO clause_vectors (model, hash, vector) VALUES ($model, $hash, $vector)");
            foreach (var (hash, vector) in vectors)
            {
                SetParameters(insert, ("$model", model), ("$hash", hash), ("$vector", VectorBlob.Encode(vector.Span)));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> ReadVectorCursorAsync(CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            using var command = Command(connection, "SELECT coalesce(max(id), 0) FROM clause_vectors");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredVector>> ReadVectorsAsync(string model, long after, CancellationToken cancellationToken = default) =>
        WithConnectionAsync<IReadOnlyList<StoredVector>>(async connection =>
        {
            using var command = Command(connection, "SELECT id, hash, vector FROM clause_vectors WHERE id > $after AND model = $model ORDER BY id",
                ("$after", after), ("$model", model));
            var vectors = new List<StoredVector>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var blob = (byte[])reader.GetValue(2);
                var vector = new float[VectorBlob.Dimensions(blob.Length)];
                VectorBlob.Decode(blob, vector);
                vectors.Add(new StoredVector(reader.GetInt64(0), reader.GetString(1), vector));
            }

            return vectors;
        }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The vectors are scanned from the store's vector file (<see cref="ClauseVectorFile"/>), one
    /// sequential read; the first search after vectors or versions were added rewrites it from the
    /// store, which costs what every search cost before the file (a join per clause).
    /// </remarks>
    public Task<VectorSearchResult> SearchVectorsAsync(ReadOnlyMemory<float> query, string model, Principal caller, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var path = ClauseVectorFile.PathOf(_database.Path, model);
        return WithConnectionAsync(async connection =>
        {
            var (versions, readable, cursor) = await ReadReadableVersionsAsync(connection, caller, cancellationToken);
            var best = new TopHits<long>(limit);
            var searched = ClauseVectorFile.Scan(path, model, cursor, versions, query.Span, best);
            for (var attempt = 0; searched is null; attempt++)
            {
                if (attempt == 3)
                {
                    throw new TandemException("the knowledge base kept changing during the search", "search again once the ingest or embedding pass has finished");
                }

                var (written, inMemory) = await WriteVectorFileAsync(connection, path, model, cancellationToken);
                (versions, readable, _) = await ReadReadableVersionsAsync(connection, caller, cancellationToken);
                best = new TopHits<long>(limit);
                using (inMemory)
                {
                    // Null only when a version was written meanwhile.
                    searched = inMemory is null
                        ? ClauseVectorFile.Scan(path, model, written, versions, query.Span, best)
                        : ClauseVectorFile.Scan(inMemory, model, written, versions, query.Span, best);
                }
            }

            // A passage whose version was replaced or retired since the versions were read is dropped here, as everywhere.
            var passages = await ReadPassagesAsync(connection, best.ToList(), caller, cancellationToken);
            return new VectorSearchResult(passages, searched.Value, (int)Math.Max(0, readable - searched.Value));
        }, cancellationToken);
    }

    /// <summary>
    /// What a vector file must have been written at to be used: the last vector stored and the last
    /// clause hashed. A search writes nothing to the store, so the clauses the embedding pass has not
    /// hashed yet have no rows in the file, and the pass's hashing them (even when their texts'
    /// vectors all exist already, so no vector is added) moves this cursor.
    /// </summary>
    private static async Task<(long Vector, long Hash)> ReadVectorFileCursorAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Command(connection, "SELECT (SELECT coalesce(max(id), 0) FROM clause_vectors), (SELECT coalesce(max(clause), 0) FROM clause_hashes)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The caller's readable current versions, how many clauses they hold, and the vector file's cursor, read in one transaction.</summary>
    private async Task<(HashSet<long> Versions, long Clauses, (long Vector, long Hash) Cursor)> ReadReadableVersionsAsync(SqliteConnection connection, Principal caller,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "BEGIN", cancellationToken);
        try
        {
            using var command = Command(connection, $"""
                SELECT d.current_version_id, coalesce(z.clauses, 0)
                FROM documents d LEFT JOIN version_lengths z ON z.version_id = d.current_version_id
                WHERE d.retired_at IS NULL AND {AccessFilter("d.id", caller, out var accessParameters)}
                """);
            AddParameters(command, accessParameters);
            var versions = new HashSet<long>();
            long clauses = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(reader.GetInt64(0));
                clauses += reader.GetInt64(1);
            }

            return (versions, clauses, await ReadVectorFileCursorAsync(connection, cancellationToken));
        }
        finally
        {
            await ExecuteAsync(connection, "COMMIT", CancellationToken.None);
        }
    }

    /// <summary>
    /// Rewrites the vector file: every current clause of an unretired document that has a vector
    /// of the model, in one read transaction; returns the vector cursor it covers, and the content
    /// in memory when the file could not be written.
    /// </summary>
    private static async Task<((long Vector, long Hash) Cursor, MemoryStream? InMemory)> WriteVectorFileAsync(SqliteConnection connection, string path, string model, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "BEGIN", cancellationToken);
        try
        {
            var cursor = await ReadVectorFileCursorAsync(connection, cancellationToken);
            var versions = new List<long>();
            using (var versionCommand = Command(connection, "SELECT current_version_id FROM documents WHERE retired_at IS NULL AND current_version_id IS NOT NULL"))
            {
                await using var reader = await versionCommand.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    versions.Add(reader.GetInt64(0));
                }
            }

            var rows = new List<(long, long, byte[])>();
            var dimensions = 0;
            using (var scan = Command(connection, $"""
                SELECT c.id, c.version_id, v.vector
                FROM documents d
                JOIN clauses c ON c.version_id = d.current_version_id
                JOIN clause_hashes h ON h.clause = c.id
                JOIN clause_vectors v ON v.model = $model AND v.hash = h.hash
                WHERE d.retired_at IS NULL
                ORDER BY c.id
                """, ("$model", model)))
            {
                await using var reader = await scan.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var blob = (byte[])reader.GetValue(2);
                    dimensions = dimensions == 0 ? VectorBlob.Dimensions(blob.Length) : dimensions;
                    if (VectorBlob.Dimensions(blob.Length) == dimensions)
                    {
                        rows.Add((reader.GetInt64(0), reader.GetInt64(1), blob));
                    }
                }
            }

            return (cursor, ClauseVectorFile.Write(path, model, cursor, versions, rows, dimensions));
        }
        finally
        {
            await ExecuteAsync(connection, "COMMIT", CancellationToken.None);
        }
    }

    /// <summary>
    /// Gives every current clause without one its text hash, in one write transaction; cheap when
    /// all have one. Hashing here, not at ingest, keeps the ingest transaction as it was.
    /// </summary>
    private static async Task HashNewClausesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const string Missing = $"SELECT c.id, c.text {CurrentClauses} AND NOT EXISTS (SELECT 1 FROM clause_hashes h WHERE h.clause = c.id)";
        using (var probe = Command(connection, $"SELECT EXISTS ({Missing})"))
        {
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
        }

        await InTransactionAsync(connection, async () =>
        {
            var rows = new List<(long Id, string Hash)>();
            using (var select = Command(connection, Missing))
            {
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), ClauseText.HashOf(reader.GetString(1))));
                }
            }

            using var insert = Command(connection, "INSERT OR IGNORE INTO clause_hashes (clause, hash) VALUES ($clause, $hash)");
            foreach (var (id, hash) in rows)
            {
                SetParameters(insert, ("$clause", id), ("$hash", hash));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);
    }
}
