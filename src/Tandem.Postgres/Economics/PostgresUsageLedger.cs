using Tandem.Access;
using Tandem.Economics;

namespace Tandem.Postgres.Economics;

/// <summary>
/// The usage ledger as a table of Tandem's PostgreSQL database, as <paramref name="caller"/> sees
/// it: each entry is recorded with the caller's user, and the caller lists only their own calls;
/// admins (<paramref name="policy"/>) list everyone's, and alone the entries recorded without a user.
/// </summary>
public sealed class PostgresUsageLedger(PostgresDatabase database, Principal caller, IAccessPolicy policy) : IUsageLedger
{
    /// <inheritdoc />
    public async Task RecordAsync(UsageEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await database.RunAsync(connection => Sql.ExecuteAsync(connection, null, """
            INSERT INTO usage_ledger (at, model_name, model_id, operation, input_tokens, cached_input_tokens, output_tokens, latency_ms, cost_usd, succeeded, strategy, example_tokens, user_id)
            VALUES (@at, @name, @id, @operation, @input, @cached, @output, @latency, @cost, @ok, @strategy, @examples, @user)
            """, cancellationToken, ("at", Sql.Time(entry.At)), ("name", entry.ModelName), ("id", entry.ModelId), ("operation", entry.Operation),
            ("input", entry.InputTokens), ("cached", entry.CachedInputTokens), ("output", entry.OutputTokens), ("latency", entry.Latency.TotalMilliseconds),
            ("cost", entry.CostUsd), ("ok", entry.Succeeded), ("strategy", entry.Strategy), ("examples", entry.ExampleTokens), ("user", entry.User ?? caller.UserId)), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks><paramref name="since"/> is compared at the microsecond the table keeps, so an entry listed from its own time is included.</remarks>
    public Task<IReadOnlyList<UsageEntry>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<UsageEntry>>(async connection =>
        {
            await using var command = Sql.Command(connection, null, """
                SELECT at, model_name, model_id, operation, input_tokens, cached_input_tokens, output_tokens, latency_ms, cost_usd, succeeded, strategy, example_tokens, user_id
                FROM usage_ledger WHERE at >= @since AND (@all OR user_id = @user) ORDER BY at, seq
                """, ("since", Sql.Time(since)), ("all", policy.IsAdmin(caller)), ("user", caller.UserId));
            var entries = new List<UsageEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new UsageEntry(reader.GetTime(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5),
                    reader.GetInt64(6), TimeSpan.FromMilliseconds(reader.GetDouble(7)), reader.IsDBNull(8) ? null : reader.GetDecimal(8), reader.GetBoolean(9),
                    reader.TextOrNull(10), reader.GetInt64(11)) { User = reader.TextOrNull(12) });
            }

            return entries;
        }, cancellationToken);
}
