using System.Globalization;
using Microsoft.Data.Sqlite;
using Tandem.Access;

namespace Tandem.Economics;

/// <summary>
/// The usage ledger as a table in the Tandem SQLite database (created on first use), as
/// <paramref name="caller"/> sees it: each entry is recorded with the caller's user, and the caller
/// lists only their own calls; admins (<paramref name="policy"/>) list everyone's, and alone the
/// entries recorded before users were.
/// </summary>
public sealed class SqliteUsageLedger(string databasePath, Principal caller, IAccessPolicy policy) : IUsageLedger
{
    private readonly Store.SqliteDatabase _database = new(databasePath);

    /// <inheritdoc />
    public async Task RecordAsync(UsageEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO usage_ledger (at, model_name, model_id, operation, input_tokens, cached_input_tokens, output_tokens, latency_ms, cost_usd, succeeded, strategy, example_tokens, user_id)
            VALUES ($at, $name, $id, $operation, $input, $cached, $output, $latency, $cost, $ok, $strategy, $examples, $user)
            """;
        command.Parameters.AddWithValue("$user", entry.User ?? caller.UserId);
        command.Parameters.AddWithValue("$at", entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$name", entry.ModelName);
        command.Parameters.AddWithValue("$id", entry.ModelId);
        command.Parameters.AddWithValue("$operation", entry.Operation);
        command.Parameters.AddWithValue("$input", entry.InputTokens);
        command.Parameters.AddWithValue("$cached", entry.CachedInputTokens);
        command.Parameters.AddWithValue("$output", entry.OutputTokens);
        command.Parameters.AddWithValue("$latency", entry.Latency.TotalMilliseconds);
        command.Parameters.AddWithValue("$cost", entry.CostUsd is { } cost ? cost.ToString(CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$ok", entry.Succeeded ? 1 : 0);
        command.Parameters.AddWithValue("$strategy", (object?)entry.Strategy ?? DBNull.Value);
        command.Parameters.AddWithValue("$examples", entry.ExampleTokens);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageEntry>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT at, model_name, model_id, operation, input_tokens, cached_input_tokens, output_tokens, latency_ms, cost_usd, succeeded, strategy, example_tokens, user_id
            FROM usage_ledger WHERE at >= $since AND ($all = 1 OR user_id = $user) ORDER BY at, rowid
            """;
        command.Parameters.AddWithValue("$since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$all", policy.IsAdmin(caller) ? 1 : 0);
        command.Parameters.AddWithValue("$user", caller.UserId);
        var entries = new List<UsageEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new UsageEntry(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
                TimeSpan.FromMilliseconds(reader.GetDouble(7)),
                reader.IsDBNull(8) ? null : decimal.Parse(reader.GetString(8), CultureInfo.InvariantCulture),
                reader.GetInt64(9) == 1,
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetInt64(11)) { User = reader.IsDBNull(12) ? null : reader.GetString(12) });
        }

        return entries;
    }

    // Costs are kept as decimal text so sums are exact.
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync("""
            CREATE TABLE IF NOT EXISTS usage_ledger (
                at TEXT NOT NULL, model_name TEXT NOT NULL, model_id TEXT NOT NULL, operation TEXT NOT NULL,
                input_tokens INTEGER NOT NULL, cached_input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
                latency_ms REAL NOT NULL, cost_usd TEXT, succeeded INTEGER NOT NULL,
                strategy TEXT, example_tokens INTEGER NOT NULL DEFAULT 0, user_id TEXT);
            CREATE INDEX IF NOT EXISTS usage_ledger_at ON usage_ledger (at);
            """, cancellationToken);
        await Store.SqliteTables.AddColumnIfMissingAsync(connection, "usage_ledger", "user_id", "TEXT", cancellationToken);
        return connection;
    }
}
