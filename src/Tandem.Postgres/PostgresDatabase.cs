using System.Net.Sockets;
using DbUp;
using Npgsql;

namespace Tandem.Postgres;

/// <summary>
/// The one way to reach Tandem's PostgreSQL database, shared by every store on it: one pooled
/// <see cref="NpgsqlDataSource"/> for the process, the schema brought up to date with DbUp before
/// the first command (once per process; nodes starting together wait for each other on an
/// advisory lock), and every failure the user can act on (no server, bad password, no such
/// database) turned into one line with a hint.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The advisory lock that serializes schema migrations between nodes.</summary>
    private const long MigrationLock = 0x54414E44454D0001;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migrating = new(1, 1);
    private volatile bool _migrated;

    /// <param name="connectionString">An Npgsql connection string, e.g. "Host=db;Database=tandem;Username=tandem;Password=...".</param>
    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new TandemException($"invalid PostgreSQL connection string ({ex.Message.TrimEnd('.')})",
                "give one like \"Host=localhost;Database=tandem;Username=tandem;Password=...\"", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new TandemException("the PostgreSQL connection string names no host", "add Host=..., e.g. \"Host=localhost;Database=tandem;Username=tandem\"");
        }

        ConnectionString = builder.ConnectionString;
        Display = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The connection string, as given.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the database is, for messages (host:port/database, never the password).</summary>
    public string Display { get; }

    /// <summary>
    /// The version of the pgvector extension in the database, or null without it (clause vectors
    /// are then scored exactly, without an index); known once <see cref="MigrateAsync"/> has run.
    /// </summary>
    public Version? Pgvector { get; private set; }

    /// <summary>Applies the schema migrations that have not run yet; the first command does it anyway.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migrating.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await OpenRawAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            try
            {
                // DbUp is synchronous; it opens its own connection and records each script in its journal table.
                var result = await Task.Run(() => DeployChanges.To.PostgresqlDatabase(ConnectionString)
                    .WithScriptsEmbeddedInAssembly(typeof(PostgresDatabase).Assembly, name => name.StartsWith("Tandem.Postgres.Migrations.", StringComparison.Ordinal))
                    .WithTransactionPerScript()
                    .LogToNowhere()
                    .Build()
                    .PerformUpgrade(), cancellationToken);
                if (!result.Successful)
                {
                    throw result.Error is NpgsqlException npgsql
                        ? Explain(npgsql)
                        : new InvalidOperationException($"schema migration {result.ErrorScript?.Name} failed", result.Error);
                }

                // Not a DbUp script: pgvector is optional, may be installed later, and is looked for at every start.
                Pgvector = await Store.VectorExtension.EnableAsync(connection, cancellationToken);
            }
            finally
            {
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }

            _migrated = true;
        }
        finally
        {
            _migrating.Release();
        }
    }

    /// <summary>Opens a pooled connection on the migrated schema.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Opens a connection, runs <paramref name="action"/> on it, and maps failures the user can act on to one line.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await action(connection);
        }
        catch (NpgsqlException ex) when (Explain(ex) is TandemException explained)
        {
            throw explained;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> in one transaction on its own connection: committed when it
    /// returns, rolled back when it throws.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> body, CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await body(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken);

    /// <summary>
    /// What a PostgreSQL failure means for the user, as a <see cref="TandemException"/> with a hint;
    /// failures that are Tandem's own bugs (SQL errors, constraint violations) come back unchanged
    /// so they surface as internal errors.
    /// </summary>
    public Exception Explain(NpgsqlException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var state = (ex as PostgresException)?.SqlState;
        return state switch
        {
            "28P01" or "28000" => new TandemException($"PostgreSQL at {Display} refused the login ({((PostgresException)ex).MessageText})",
                "check Username and Password in the connection string", ex),
            "3D000" => new TandemException($"the PostgreSQL database {Display} does not exist", "create it first (createdb), or name another with Database=...", ex),
            "42501" => new TandemException($"the PostgreSQL user may not use {Display} ({((PostgresException)ex).MessageText})",
                "grant the user the rights to create tables in the database, or use its owner", ex),
            "53100" => new TandemException($"the disk of the PostgreSQL server at {Display} is full", "free some space on the server and try again", ex),
            "53300" or "57P03" => new TandemException($"PostgreSQL at {Display} accepts no more connections now ({((PostgresException)ex).MessageText})",
                "try again shortly, or raise max_connections / lower Maximum Pool Size", ex),
            null when ex.InnerException is SocketException or TimeoutException || ex is NpgsqlException { IsTransient: true } =>
                new TandemException($"cannot connect to PostgreSQL at {Display} ({ex.InnerException?.Message.TrimEnd('.') ?? ex.Message.TrimEnd('.')})",
                    "check that the server runs and the Host and Port of the connection string", ex),
            _ => ex,
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _migrating.Dispose();
    }

    private async Task<NpgsqlConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException ex) when (Explain(ex) is TandemException explained)
        {
            throw explained;
        }
    }
}
