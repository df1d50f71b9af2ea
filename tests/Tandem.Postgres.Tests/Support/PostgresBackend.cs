using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tandem.Hosting;
using Tandem.Postgres.Hosting;

namespace Tandem.Postgres.Tests.Support;

/// <summary>
/// PostgreSQL for one test class: a fresh database <c>tandem_&lt;guid&gt;</c> on the server
/// <c>TANDEM_TEST_POSTGRES</c> names (test.sh starts a throwaway cluster), migrated once, emptied
/// before each test, dropped after the class. Without the variable the tests skip, except with
/// CI=true, where they fail: there PostgreSQL must be tested.
/// </summary>
public sealed class PostgresBackend : IStoreBackend, IAsyncLifetime
{
    public const string Variable = "TANDEM_TEST_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _name = "tandem_" + Guid.NewGuid().ToString("N");
    private bool _created;

    /// <summary>The test database's connection string.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public string? Unavailable => _server is null
        ? IsCi
            ? throw new InvalidOperationException($"{Variable} is not set, and with CI=true the PostgreSQL tests must run: start them with ./test.sh, which starts a cluster")
            : $"{Variable} is not set; ./test.sh starts a throwaway PostgreSQL cluster and sets it"
        : null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await create.ExecuteNonQueryAsync();
        _created = true;
    }

    public async Task<StoreServices> OpenAsync(TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddTandem(new ConfigurationBuilder().Build()).UsePostgres(ConnectionString);
        var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<PostgresDatabase>();
        await EmptyAsync(database);
        return new StoreServices(provider, database.DisposeAsync);
    }

    /// <summary>Migrates the schema (the first time) and empties every table, so each test starts from nothing.</summary>
    private static async Task EmptyAsync(PostgresDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schemaversions'", connection);
        var list = (string)(await tables.ExecuteScalarAsync())!;
        await using var truncate = new NpgsqlCommand($"TRUNCATE {list} RESTART IDENTITY", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
