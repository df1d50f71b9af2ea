using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>
/// The one way to open the Tandem SQLite file, used by the document store and every component
/// that keeps a table beside it (reports, examples, corrections, registry, ledger). On first open
/// in a process it creates the file readable and writable by its owner only (0600; SQLite gives
/// the WAL and shared-memory files the same mode), creates the folder only for the per-user
/// default location (an explicit <c>--db</c> in a missing folder is refused, not created), and
/// switches the file to WAL. Every connection waits <see cref="BusyTimeout"/> for another
/// writer, and every SQLite failure the user can act on becomes a one-line <see cref="TandemException"/>.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>
    /// How long a connection waits for another writer unless told otherwise: 30 s, or
    /// <c>$TANDEM_BUSY_TIMEOUT</c> seconds.
    /// </summary>
    public static TimeSpan DefaultBusyTimeout { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("TANDEM_BUSY_TIMEOUT"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(30);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _connectionString;
    private volatile bool _prepared;

    public SqliteDatabase(string databasePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Path = System.IO.Path.GetFullPath(databasePath);
        BusyTimeout = busyTimeout ?? DefaultBusyTimeout;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds)),
            Pooling = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>How long a statement waits for another process's write lock before giving up.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>
    /// Opens a connection with the busy timeout and foreign keys on, then runs
    /// <paramref name="setupSql"/> (a component's CREATE TABLE IF NOT EXISTS) when given.
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(string? setupSql = null, CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            if (!_prepared)
            {
                PrepareFile();
            }

            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;");
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (!_prepared)
            {
                await UseWalAsync(connection, cancellationToken);
                _prepared = true;
            }

            if (setupSql is not null)
            {
                command.CommandText = setupSql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw Explain(ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a connection, runs <paramref name="action"/> on it, and maps SQLite failures to one-line errors.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> action, string? setupSql = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var connection = await OpenAsync(setupSql, cancellationToken);
        try
        {
            return await action(connection);
        }
        catch (SqliteException ex)
        {
            var explained = Explain(ex);
            if (ReferenceEquals(explained, ex))
            {
                throw;
            }

            throw explained;
        }
    }

    /// <summary>
    /// What a SQLite failure means for the user, as a <see cref="TandemException"/> with a hint;
    /// failures that are Tandem's own bugs (SQL errors, constraint violations) come back unchanged
    /// so they surface as internal errors.
    /// </summary>
    public Exception Explain(SqliteException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var detail = ex.Message.Replace("SQLite Error ", "error ", StringComparison.Ordinal).TrimEnd('.');
        return (ex.SqliteErrorCode & 0xff) switch
        {
            5 or 6 => new TandemException(
                $"the database {Path} is locked by another process (waited {BusyTimeout.TotalSeconds:0} s)",
                "wait for the other tandem command to finish and run this one again (work already stored is kept; TANDEM_BUSY_TIMEOUT sets the wait in seconds)", ex),
            11 or 26 => new TandemException($"{Path} is not a Tandem database or is damaged",
                "point --db at another file, or move this one away", ex),
            13 => new TandemException($"the disk holding {Path} is full", "free some space and try again", ex),
            8 or 14 or 23 or 3 => new TandemException($"cannot open or write the database {Path} ({detail})",
                "check the file and folder permissions, or choose another path with --db or TANDEM_DB", ex),
            10 or 15 => new TandemException($"the database {Path} could not be read or written ({detail})",
                "check the disk and try again; if it persists, move the file away", ex),
            _ => ex,
        };
    }

    /// <summary>Whether <paramref name="databasePath"/> is the per-user default, whose folders Tandem may create.</summary>
    public static bool IsDefaultLocation(string databasePath) =>
        string.Equals(System.IO.Path.GetFullPath(databasePath), System.IO.Path.GetFullPath(SqliteStoreOptions.PerUserDatabasePath()), StringComparison.Ordinal);

    private void PrepareFile()
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(folder))
        {
            if (!IsDefaultLocation(Path))
            {
                throw new TandemException($"the folder {folder} for the database does not exist",
                    "create it first, or choose another path with --db or TANDEM_DB");
            }

            try
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new TandemException($"cannot create the folder for the database {Path} ({ex.Message.TrimEnd('.')})",
                    "choose another location with --db or TANDEM_DB", ex);
            }
        }

        if (File.Exists(Path) || Directory.Exists(Path))
        {
            return;
        }

        try
        {
            // An empty file is a valid empty SQLite database; creating it ourselves fixes its mode.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using var created = new FileStream(Path, options);
        }
        catch (IOException) when (File.Exists(Path))
        {
            // Another process created it first.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TandemException($"cannot create the database {Path} ({ex.Message.TrimEnd('.')})",
                "check the folder's permissions, or choose another path with --db or TANDEM_DB", ex);
        }
    }

    private static async Task UseWalAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        if (!string.Equals(await command.ExecuteScalarAsync(cancellationToken) as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
