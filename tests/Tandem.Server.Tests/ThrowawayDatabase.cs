using Npgsql;

namespace Tandem.Server.Tests;

/// <summary>
/// A fresh PostgreSQL database for one test on the server TANDEM_TEST_POSTGRES names (test.sh
/// starts a throwaway cluster), dropped on dispose. Without the variable the test skips, except
/// with CI=true, where it fails: there PostgreSQL must be tested.
/// </summary>
internal sealed class ThrowawayDatabase(string prefix) : IAsyncDisposable
{
    private readonly string _name = prefix + Guid.NewGuid().ToString("N");
    private bool _created;

    /// <summary>The server's connection string, or null when none is given.</summary>
    public string? Server { get; } = Environment.GetEnvironmentVariable("TANDEM_TEST_POSTGRES");

    /// <summary>This database's connection string.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    /// <summary>Creates the database when there is a server.</summary>
    public async Task CreateAsync()
    {
        if (Server is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await create.ExecuteNonQueryAsync();
        _created = true;
    }

    /// <summary>Skips the test when there is no server (fails it with CI=true).</summary>
    public void SkipWithoutServer()
    {
        if (Server is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "TANDEM_TEST_POSTGRES is not set, and with CI=true the PostgreSQL tests must run: start them with ./test.sh, which starts a cluster");
            Assert.Skip("TANDEM_TEST_POSTGRES is not set; ./test.sh starts a throwaway PostgreSQL cluster and sets it");
        }
    }

    /// <summary>The single number a query on this database returns.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every row a query returns, one line each with its columns joined by " | " (for a failing test's message).</summary>
    public async Task<string> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join('\n', rows);
    }

    public async ValueTask DisposeAsync()
    {
        if (_created)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
