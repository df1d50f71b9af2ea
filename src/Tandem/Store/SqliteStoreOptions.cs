namespace Tandem.Store;

/// <summary>Where the embedded store lives and how patient it is with other writers.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Path of the SQLite file; created with its folder if missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long to wait for another process's write lock.</summary>
    public TimeSpan BusyTimeout { get; init; } = SqliteDatabase.DefaultBusyTimeout;

    /// <summary>
    /// The per-user default: <c>$TANDEM_DB</c>, else <c>~/.local/share/tandem/tandem.db</c>
    /// (the platform's local application data folder).
    /// </summary>
    public static string DefaultDatabasePath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TANDEM_DB");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? PerUserDatabasePath() : fromEnvironment;
    }

    /// <summary>
    /// <c>~/.local/share/tandem/tandem.db</c> (the platform's local application data folder): the
    /// only location whose missing folders Tandem creates.
    /// </summary>
    public static string PerUserDatabasePath()
    {
        return Path.Combine(PerUserFolder.Path(), "tandem.db");
    }
}
