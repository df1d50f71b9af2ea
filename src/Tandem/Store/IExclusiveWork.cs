namespace Tandem.Store;

/// <summary>
/// Work that one process of a deployment does at a time (e.g. the background embedding pass): every
/// API node of a PostgreSQL deployment would otherwise embed the same new clauses at once. On the
/// SQLite file one process serves, and entering always succeeds.
/// </summary>
public interface IExclusiveWork
{
    /// <summary>Holds the named work for this process until the handle is disposed; null when another process holds it.</summary>
    Task<IAsyncDisposable?> TryEnterAsync(string name, CancellationToken cancellationToken = default);
}
