using System.Globalization;
using Npgsql;

namespace Tandem.Postgres.Store;

/// <summary>
/// pgvector, where the server has it: the extension is created by the migration step (it needs
/// its files on the server, which Debian's postgresql package lacks, and the right to create it),
/// one HNSW index per (model, dimensions) is built over <c>clause_vectors.vector</c> cast to
/// <c>vector(n)</c> when that model's first vectors are saved, and dense search ranks in SQL
/// through it. Inner product on the stored unit vectors (<c>vector_ip_ops</c>, <c>&lt;#&gt;</c>)
/// is the cosine the SQLite store and the exact path compute, on the same float16-rounded values.
/// The statements are kept small: this path cannot run on a server without the extension.
/// </summary>
internal static class VectorExtension
{
    /// <summary>pgvector's HNSW index takes vectors of at most this many dimensions; longer ones are searched without an index.</summary>
    private const int MaxIndexedDimensions = 2000;

    /// <summary>pgvector's version from which a filtered HNSW scan goes on until it has enough rows (<c>hnsw.iterative_scan</c>).</summary>
    private static readonly Version IterativeScan = new(0, 8, 0);

    /// <summary>Creates the extension when the server offers it and the user may; its version, or null when vectors are scored without it.</summary>
    public static async Task<Version?> EnableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var available = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')", connection))
        {
            if (!(bool)(await available.ExecuteScalarAsync(cancellationToken))!)
            {
                return null;
            }
        }

        try
        {
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == "42501")
        {
            // Not allowed to create it: an administrator may; until then vectors are scored exactly without it.
        }

        await using var installed = new NpgsqlCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'", connection);
        return await installed.ExecuteScalarAsync(cancellationToken) is string text && Version.TryParse(text.Split('-')[0], out var version) ? version : null;
    }

    /// <summary>The HNSW index over one model's vectors of one length, built if missing (in the saving transaction, under the vector lock).</summary>
    public static Task EnsureIndexAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string model, int dimensions, CancellationToken cancellationToken) =>
        dimensions is < 1 or > MaxIndexedDimensions
            ? Task.CompletedTask
            : Sql.ExecuteAsync(connection, transaction,
                $"CREATE INDEX IF NOT EXISTS ix_clause_vectors_{Tandem.Store.ClauseText.HashOf($"{model}\n{dimensions}")} ON clause_vectors USING hnsw ({Cast("vector", dimensions)} vector_ip_ops) WHERE {Rows("model", "vector", model, dimensions)}",
                cancellationToken);

    /// <summary>
    /// The settings of one search's transaction: a candidate list as deep as the search, and on
    /// pgvector 0.8 or later a scan that goes on past rows the access filter drops.
    /// </summary>
    public static string SearchSettings(Version version, int depth) =>
        $"SET LOCAL hnsw.ef_search = {Math.Clamp(depth, 40, 1000).ToString(CultureInfo.InvariantCulture)};"
        + (version >= IterativeScan ? " SET LOCAL hnsw.iterative_scan = strict_order;" : string.Empty);

    /// <summary>
    /// The best <c>@depth</c> readable clauses by the index (inner product, <c>@query</c>), re-sorted
    /// with ties by clause row as the exact path breaks them. The model and the length are literals,
    /// not parameters, so the planner matches the partial index.
    /// </summary>
    public static string Ranked(string model, int dimensions, string accessFilter) => $"""
        SELECT k.id, -k.distance FROM (
            SELECT c.id, {Cast("v.vector", dimensions)} <#> @query::vector({Length(dimensions)}) AS distance
            FROM clause_vectors v
            JOIN clause_hashes h ON h.hash = v.hash
            JOIN clauses c ON c.id = h.clause
            JOIN documents d ON d.current_version_id = c.version_id
            WHERE {Rows("v.model", "v.vector", model, dimensions)} AND d.retired_at IS NULL AND {accessFilter}
            ORDER BY distance
            LIMIT @depth
        ) k
        ORDER BY k.distance, k.id
        LIMIT @limit
        """;

    private static string Cast(string column, int dimensions) => $"({column}::vector({Length(dimensions)}))";

    private static string Length(int dimensions) => dimensions.ToString(CultureInfo.InvariantCulture);

    private static string Rows(string modelColumn, string vectorColumn, string model, int dimensions) =>
        $"{modelColumn} = '{model.Replace("'", "''", StringComparison.Ordinal)}' AND cardinality({vectorColumn}) = {Length(dimensions)}";
}
