using Tandem.Access;

namespace Tandem.Retrieval;

/// <summary>The dense views: learned per readable set, one at a time in the background, a few kept.</summary>
public sealed partial class RetrievalIndex
{
    /// <summary>Views kept in memory; the least recently used beyond this are dropped.</summary>
    private const int MaxViews = 8;

    private readonly Lock _viewsLock = new();
    private readonly Dictionary<string, (Task<DenseView?> Build, long LastUse)> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DenseView> _lastViewOf = new(StringComparer.Ordinal); // by caller
    private readonly SemaphoreSlim _fitting = new(1, 1); // LSA fits are CPU-bound: one at a time
    private long _uses;

    /// <summary>
    /// The caller's view for the current state, or, while it is being learned, their previous view
    /// when they may still read every document it was learned from; null when they may read no clause.
    /// </summary>
    private async Task<DenseView?> ViewAsync(Principal caller, RetrievalSnapshot snapshot, bool[] readable, CancellationToken cancellationToken)
    {
        var documents = snapshot.CurrentDocuments(readable);
        if (documents.Count == 0)
        {
            return null;
        }

        var key = DenseView.KeyFor(documents);
        var who = string.Join('\n', caller.AccessTokens);
        Task<DenseView?> build;
        lock (_viewsLock)
        {
            if (!_views.TryGetValue(key, out var entry))
            {
                entry = (Task.Run(() => FitAsync(snapshot, documents, key)), 0);
                EvictLocked();
            }

            _views[key] = (entry.Build, ++_uses);
            build = entry.Build;
            if (!build.IsCompletedSuccessfully && _lastViewOf.TryGetValue(who, out var previous) && previous.Documents.All(d => d < readable.Length && readable[d]))
            {
                return previous;
            }
        }

        var view = await build.WaitAsync(cancellationToken);
        if (view is not null)
        {
            lock (_viewsLock)
            {
                if (_lastViewOf.Count >= 256 && !_lastViewOf.ContainsKey(who))
                {
                    _lastViewOf.Clear(); // only a fallback while refitting: forgetting it costs one wait
                }

                _lastViewOf[who] = view;
            }
        }

        return view;
    }

    private async Task<DenseView?> FitAsync(RetrievalSnapshot snapshot, IReadOnlyList<(int Ordinal, int Version)> documents, string key)
    {
        await _fitting.WaitAsync();
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var view = DenseView.Build(snapshot, documents, CancellationToken.None);
            LogFitted(documents.Count, view?.Vectors.Count ?? 0, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return view;
        }
        catch
        {
            lock (_viewsLock)
            {
                _views.Remove(key); // the next query tries again
            }

            throw;
        }
        finally
        {
            _fitting.Release();
        }
    }

    private void EvictLocked()
    {
        foreach (var (key, _) in _views.Where(v => v.Value.Build.IsCompleted).OrderBy(v => v.Value.LastUse).Take(Math.Max(0, _views.Count + 1 - MaxViews)).ToList())
        {
            _views.Remove(key);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "Dense view learned: {Documents} documents, {Clauses} clauses ({Milliseconds:0} ms)")]
    private partial void LogFitted(int documents, int clauses, double milliseconds);
}
