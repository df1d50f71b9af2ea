using Npgsql;

namespace Tandem.Postgres;

/// <summary>Commands with named parameters (<c>@name</c>), the one shape every store here uses.</summary>
internal static class Sql
{
    /// <summary>A command on <paramref name="connection"/> (in <paramref name="transaction"/> when given) with its parameters; null values are sent as SQL NULL.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        Add(command, parameters);
        return command;
    }

    /// <summary>Adds parameters to a command.</summary>
    public static void Add(NpgsqlCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter typed)
            {
                // A parameter whose type cannot be inferred from its value (an array holding nulls).
                typed.ParameterName = name;
                command.Parameters.Add(typed);
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A time as PostgreSQL keeps it: UTC, to the microsecond (timestamptz's resolution), so a
    /// value written and the value read back are equal.
    /// </summary>
    public static DateTimeOffset Time(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    /// <summary>Reads a nullable text column.</summary>
    public static string? TextOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a timestamptz column as UTC.</summary>
    public static DateTimeOffset GetTime(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Reads a nullable timestamptz column as UTC.</summary>
    public static DateTimeOffset? TimeOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Reads a text[] column (null as empty).</summary>
    public static string[] GetTokens(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? [] : reader.GetFieldValue<string[]>(ordinal);
}
