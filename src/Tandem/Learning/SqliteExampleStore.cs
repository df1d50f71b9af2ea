using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Learning;

/// <summary>The example store as a table in the Tandem SQLite database (created on first use).</summary>
public sealed class SqliteExampleStore(string databasePath) : IExampleStore
{
    private readonly SqliteDatabase _database = new(databasePath);

    /// <inheritdoc />
    public async Task<int> AddAsync(IReadOnlyList<TrainingExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var added = await InsertAsync(connection, transaction, examples, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Inserts examples inside a caller's transaction (exact duplicates skipped); returns how many were added.</summary>
    internal static async Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<TrainingExample> examples, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO examples (id, task, input, category, severity, rationale, provenance, sources, access, author, created_at, reviewed, near_duplicate_of, quote, side, favours)
            VALUES ($id, $task, $input, $category, $severity, $rationale, $provenance, $sources, $access, $author, $created, $reviewed, $near, $quote, $side, $favours)
            """;
        var parameters = new[] { "$id", "$task", "$input", "$category", "$severity", "$rationale", "$provenance", "$sources", "$access", "$author", "$created", "$reviewed", "$near", "$quote", "$side", "$favours" }
            .ToDictionary(n => n, n => command.Parameters.Add(n, SqliteType.Text));
        var added = 0;
        foreach (var e in examples)
        {
            // An empty list would read as nobody's; every example says who may read it ("public" for public data).
            if (e.Access.Count == 0)
            {
                throw new ArgumentException($"example {e.Id} has no access list", nameof(examples));
            }

            parameters["$id"].Value = e.Id;
            parameters["$task"].Value = e.Task;
            parameters["$input"].Value = e.Input;
            parameters["$category"].Value = e.Category;
            parameters["$severity"].Value = e.Severity;
            parameters["$rationale"].Value = e.Rationale;
            parameters["$provenance"].Value = e.Provenance;
            parameters["$sources"].Value = JsonSerializer.Serialize(e.SourceDocuments);
            parameters["$access"].Value = JsonSerializer.Serialize(e.Access);
            parameters["$author"].Value = e.Author;
            parameters["$created"].Value = e.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            parameters["$reviewed"].Value = e.Reviewed ? "1" : "0";
            parameters["$near"].Value = (object?)e.NearDuplicateOf ?? DBNull.Value;
            parameters["$quote"].Value = (object?)e.Quote ?? DBNull.Value;
            parameters["$side"].Value = (object?)e.Side ?? DBNull.Value;
            parameters["$favours"].Value = (object?)e.Favours ?? DBNull.Value;
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrainingExample>> ListAsync(string? category = null, string? provenance = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, task, input, category, severity, rationale, provenance, sources, access, author, created_at, reviewed, near_duplicate_of, quote, side, favours FROM examples
            WHERE ($category IS NULL OR category = $category) AND ($provenance IS NULL OR provenance = $provenance) ORDER BY rowid
            """;
        command.Parameters.AddWithValue("$category", (object?)category ?? DBNull.Value);
        command.Parameters.AddWithValue("$provenance", (object?)provenance ?? DBNull.Value);
        var examples = new List<TrainingExample>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            examples.Add(new TrainingExample(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), JsonSerializer.Deserialize<List<string>>(reader.GetString(7)) ?? [], JsonSerializer.Deserialize<List<string>>(reader.GetString(8)) ?? [],
                reader.GetString(9), DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(11) == "1",
                reader.IsDBNull(12) ? null : reader.GetString(12)) { Quote = reader.IsDBNull(13) ? null : reader.GetString(13), Side = reader.IsDBNull(14) ? null : reader.GetString(14), Favours = reader.IsDBNull(15) ? null : reader.GetString(15) });
        }

        return examples;
    }

    /// <inheritdoc />
    public async Task<bool> ReviewAsync(string id, bool accept, string reviewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = accept ? "UPDATE examples SET reviewed = '1' WHERE id = $id" : "DELETE FROM examples WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        command.CommandText = "INSERT INTO example_reviews (example_id, accepted, reviewer, at) VALUES ($id, $accepted, $reviewer, $at)";
        command.Parameters.AddWithValue("$accepted", accept ? 1 : 0);
        command.Parameters.AddWithValue("$reviewer", reviewer);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Makes the examples taken from a document carry its new access list, inside the caller's
    /// transaction (a narrowed list must not leave copies of its text readable by those removed).
    /// An example with several sources keeps only the tokens every source now shares. Only the
    /// examples recorded as corrections of the document follow it: an import may name any id as
    /// its source, and must neither be moved under the document's list nor learn, by vanishing,
    /// that a document it may not read exists and changed.
    /// </summary>
    internal static async Task FollowDocumentAccessAsync(SqliteConnection connection, string documentId, IReadOnlyList<string> access, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('examples', 'corrections')";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) < 2)
        {
            return;
        }

        command.CommandText = "SELECT id, sources, access FROM examples WHERE id IN (SELECT example_id FROM corrections WHERE document_id = $document)";
        command.Parameters.AddWithValue("$document", documentId);
        var changed = new List<(string Id, string Access)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var sources = JsonSerializer.Deserialize<List<string>>(reader.GetString(1)) ?? [];
                if (sources.Contains(documentId, StringComparer.Ordinal))
                {
                    var old = JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [];
                    var now = sources.Count == 1 ? access : old.Intersect(access, StringComparer.Ordinal).ToList();
                    changed.Add((reader.GetString(0), JsonSerializer.Serialize(now)));
                }
            }
        }

        command.CommandText = "UPDATE examples SET access = $access WHERE id = $id";
        command.Parameters.Clear();
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var list = command.Parameters.Add("$access", SqliteType.Text);
        foreach (var (exampleId, exampleAccess) in changed)
        {
            (id.Value, list.Value) = (exampleId, exampleAccess);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The table, created on first use; a database from before the quote column gets it added.</summary>
    internal const string Schema = """
            CREATE TABLE IF NOT EXISTS examples (
                id TEXT PRIMARY KEY, task TEXT NOT NULL, input TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL, rationale TEXT NOT NULL,
                provenance TEXT NOT NULL, sources TEXT NOT NULL, access TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL,
                reviewed TEXT NOT NULL, near_duplicate_of TEXT, quote TEXT, side TEXT, favours TEXT);
            CREATE INDEX IF NOT EXISTS examples_category ON examples (category);
            CREATE TABLE IF NOT EXISTS example_reviews (example_id TEXT NOT NULL, accepted INTEGER NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS example_reviews_example ON example_reviews (example_id);
            """;

    /// <summary>
    /// Brings a table an older version created up to date: the quote column, and the public token
    /// on examples stored with an empty access list, which used to mean public (an empty list now
    /// means nobody but admins, as it does for documents).
    /// </summary>
    internal static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await SqliteTables.AddColumnIfMissingAsync(connection, "examples", "quote", "TEXT", cancellationToken);
        await SqliteTables.AddColumnIfMissingAsync(connection, "examples", "side", "TEXT", cancellationToken);
        await SqliteTables.AddColumnIfMissingAsync(connection, "examples", "favours", "TEXT", cancellationToken);
        await using var command = connection.CreateCommand();
        // Looked for first, so that opening the store to read takes no write lock.
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM examples WHERE access = '[]')";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1)
        {
            command.CommandText = "UPDATE examples SET access = $public WHERE access = '[]'";
            command.Parameters.AddWithValue("$public", JsonSerializer.Serialize(new[] { AccessList.Public }));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(Schema, cancellationToken);
        await MigrateAsync(connection, cancellationToken);
        return connection;
    }
}
