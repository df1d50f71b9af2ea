namespace Tandem.Store;

/// <summary><see cref="IExclusiveWork"/> for a store one process serves (the SQLite file): entering always succeeds.</summary>
public sealed class InProcessExclusiveWork : IExclusiveWork
{
    /// <inheritdoc />
    public Task<IAsyncDisposable?> TryEnterAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable?>(new Held());

    private sealed class Held : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
