using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// The server's hybrid index (BM25 + dense, fused by RRF), kept in memory and brought up to date
/// from the store's change feed before every query: one cheap cursor read, and when the cursor
/// moved, only the changed documents are read and applied (new versions appended, retirements
/// and access changes recorded). Writes by other processes sharing the store are caught the same
/// way. Nothing is rebuilt per query. Access filtering is inside the query: each clause's
/// document carries its access list, and BM25 and the vector scan score only clauses the caller
/// may read, with BM25's statistics over those clauses alone.
/// </summary>
/// <remarks>
/// The dense side reads the vectors the embedding pass stored (<see cref="IClauseVectorStore"/>,
/// <see cref="ClauseEmbedder"/>): the index never embeds a clause, only queries. Vectors stored
/// after a clause was read are picked up by the next query (one indexed read of the vectors added
/// since the last one). A clause whose vector does not exist yet is found by BM25 only until it
/// does. The embedding model is pretrained, so a clause's vector, and a query's, depend on that
/// text alone, never on other users' documents; one set of vectors serves every caller. The
/// vectors sit contiguously in an <see cref="IncrementalVectorIndex"/> (IVF partitions plus an
/// exactly scanned tail of the newest); when the tail outgrows its share the partitions are
/// rebuilt in the background and swapped in, so no query waits for a k-means.
/// </remarks>
public sealed partial class RetrievalIndex : IPassageRetriever
{
    private readonly IKnowledgeBaseFeed _feed;
    private readonly IAccessPolicy _policy;
    private readonly IClauseVectorStore? _vectors;
    private readonly ILogger<RetrievalIndex> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Dictionary<string, Half[]> _vectorOf = new(StringComparer.Ordinal); // by text hash, in half precision as stored (half of float32's memory); under _refresh
    private long _vectorCursor; // the last of this model's vectors read; under _refresh
    private long _vectorsSeen; // the store's vector cursor that reading covered
    private volatile RetrievalSnapshot _snapshot;
    private Task _rebuild = Task.CompletedTask; // the background rebuild of the vector partitions; under _refresh

    /// <param name="feed">The store's change feed.</param>
    /// <param name="policy">The one access policy.</param>
    /// <param name="embeddings">The dense model (the local MiniLM by default); null makes the index BM25 only.</param>
    /// <param name="vectors">Where the embedding pass stores the clauses' vectors; required with <paramref name="embeddings"/>.</param>
    /// <param name="logger">Logs each refresh.</param>
    /// <param name="denseSettings">How the vector index trades recall for speed; <see cref="VectorIndexSettings.Default"/> when null.</param>
    public RetrievalIndex(IKnowledgeBaseFeed feed, IAccessPolicy policy, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null,
        IClauseVectorStore? vectors = null, ILogger<RetrievalIndex>? logger = null, VectorIndexSettings? denseSettings = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(policy);
        if ((embeddings is null) != (vectors is null))
        {
            throw new ArgumentException("give the embedding model and the store of its vectors, or neither", nameof(vectors));
        }

        _feed = feed;
        _policy = policy;
        Embeddings = embeddings;
        EmbeddingModel = embeddings is null ? null : ClauseEmbedder.ModelIdOf(embeddings);
        _vectors = vectors;
        _logger = logger ?? NullLogger<RetrievalIndex>.Instance;
        _snapshot = RetrievalSnapshot.Empty(denseSettings ?? VectorIndexSettings.Default);
    }

    /// <summary>The model that embeds queries (and made the stored vectors); null when the index is BM25 only.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; }

    /// <summary>The id of <see cref="Embeddings"/>' model, under which the vectors are stored.</summary>
    public string? EmbeddingModel { get; }

    /// <summary>Clauses held, including replaced and retired ones not yet compacted away.</summary>
    public int Items => _snapshot.Items;

    /// <summary>Clauses of current versions of unretired documents.</summary>
    public int LiveItems => _snapshot.LiveItems;

    /// <summary>Live clauses that have a vector: the ones dense search can find.</summary>
    public int EmbeddedItems => _snapshot.EmbeddedLiveItems;

    /// <summary>IVF partitions of the vector index (0 while it is scanned exactly).</summary>
    public int DensePartitions => _snapshot.Dense.Partitions;

    /// <summary>The background rebuild of the vector index's partitions that is running, or a completed task.</summary>
    public Task PendingRebuild => Volatile.Read(ref _rebuild);

    /// <summary>Reads the store's changes since the last refresh and applies them; a no-op when nothing changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default) => await CurrentAsync(cancellationToken);

    /// <summary>
    /// The best <paramref name="limit"/> clauses the caller may read for a query under a
    /// configuration (bm25, dense, hybrid), each with its score: BM25, cosine, or the fused RRF score.
    /// </summary>
    public async Task<IReadOnlyList<Passage>> SearchAsync(string query, Principal caller, RetrievalConfig config, int limit = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (KeywordQuery.Terms(query).Count == 0)
        {
            throw new TandemException($"the query '{Preview(query)}' has no searchable words", "use a few content words, e.g. \"limitation of liability\"");
        }

        // The query is embedded (on another thread) while the index refreshes and BM25 runs: on two cores they overlap.
        var embedding = config.UsesDense && Embeddings is not null ? MiniLmEmbeddingGenerator.ForQueries(Embeddings).GenerateVectorAsync(query, cancellationToken: cancellationToken) : null;
        try
        {
            var snapshot = await CurrentAsync(cancellationToken);
            var readable = snapshot.ReadableBy(caller, _policy);
            var depth = Math.Max(limit, HybridIndex.CandidateDepth);
            var keyword = config.Bm25Weight > 0 ? snapshot.Keyword.Search(query, depth, readable.Keyword) : null;

            if (config.UsesDense && embedding is null && keyword is null)
            {
                throw new TandemException("dense search needs an embedding model, and this index has none", "search with mode=bm25, or configure the server's embedding model");
            }

            // Without an embedding model a hybrid search is its keyword half.
            var dense = embedding is null ? null : DenseSearch(await embedding, snapshot, readable, depth);
            return ReciprocalRankFusion.FuseItems(keyword, dense, config, limit, snapshot.Passage);
        }
        catch when (embedding is { IsCompleted: false })
        {
            // Failed before the vector was awaited: nobody else will observe the embedding's own outcome.
            _ = embedding.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Hybrid search (<see cref="IPassageRetriever"/>): what a grounded answer reads.</summary>
    public Task<IReadOnlyList<Passage>> RetrieveAsync(string question, Principal caller, int limit, CancellationToken cancellationToken = default) =>
        SearchAsync(question, caller, RetrievalConfig.Parse("hybrid"), limit, cancellationToken);

    private static Half[] ToHalf(float[] vector)
    {
        var half = new Half[vector.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(vector, half);
        return half;
    }

    private static string Preview(string query) => query.Length <= 80 ? query : query[..80] + "…";

    private static IReadOnlyList<(int Item, double Score)> DenseSearch(ReadOnlyMemory<float> vector, RetrievalSnapshot snapshot, ReadableItems readable, int depth)
    {
        var dense = snapshot.Dense;
        if (dense.Count == 0 || dense.Dimensions != vector.Length)
        {
            return [];
        }

        return dense.Search(vector.Span, depth, readable.Filter, dense.Settings.ProbesFor(readable.Share));
    }

    /// <summary>Starts rebuilding the vector partitions in the background when the tail has outgrown them; the caller holds the refresh lock.</summary>
    private void RebuildWhenDue(RetrievalSnapshot snapshot)
    {
        var dense = snapshot.Dense;
        if (_rebuild.IsCompleted && dense.NeedsRebuild)
        {
            Volatile.Write(ref _rebuild, Task.Run(() => RebuildAsync(dense)));
        }
    }

    private async Task RebuildAsync(IncrementalVectorIndex from)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var rebuilt = from.Rebuilt();
            await _refresh.WaitAsync();
            try
            {
                // A compaction meanwhile renumbered the items: this build is of the old numbers, and the next refresh starts another.
                if (ReferenceEquals(_snapshot.Dense, from))
                {
                    rebuilt.CatchUp();
                    _snapshot.Dense = rebuilt;
                    LogRebuilt(rebuilt.Count, rebuilt.Partitions, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else if (_snapshot.Dense.NeedsRebuild)
                {
                    Volatile.Write(ref _rebuild, Task.Run(() => RebuildAsync(_snapshot.Dense)));
                }
            }
            finally
            {
                _refresh.Release();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Searches stay correct on the unrebuilt index (its tail is scanned exactly), only slower.
            LogRebuildFailed(e);
        }
    }

    /// <summary>The current state, after applying whatever the store's feed says changed and attaching the vectors stored since.</summary>
    private async Task<RetrievalSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var cursor = await _feed.ReadCursorAsync(cancellationToken);
        var vectorsAt = _vectors is null ? 0 : await _vectors.ReadVectorCursorAsync(cancellationToken);
        if (_snapshot.Cursor == cursor && vectorsAt == Interlocked.Read(ref _vectorsSeen))
        {
            return _snapshot;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var snapshot = _snapshot;
            if (snapshot.Cursor != cursor)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                // The cursor was read first, so every change it covers is in this read (some later ones may be too, and are read again next time).
                var changed = await _feed.ReadChangedDocumentsAsync(snapshot.Cursor, cancellationToken);
                var clauses = new Dictionary<string, IReadOnlyList<StoredClause>>(StringComparer.Ordinal);
                foreach (var state in changed.Where(snapshot.NeedsClauses))
                {
                    clauses[state.DocumentId] = await _feed.ReadClausesAsync(state.DocumentId, state.Version, cancellationToken);
                }

                _snapshot = snapshot = snapshot.Apply(changed, clauses, cursor, _vectorOf.GetValueOrDefault);
                LogRefreshed(changed.Count, clauses.Count, snapshot.LiveItems, snapshot.Items, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (_vectors is not null && EmbeddingModel is not null && vectorsAt != Interlocked.Read(ref _vectorsSeen))
            {
                var added = await _vectors.ReadVectorsAsync(EmbeddingModel, _vectorCursor, cancellationToken);
                if (added.Count > 0)
                {
                    foreach (var v in added)
                    {
                        _vectorOf[v.Hash] = ToHalf(v.Vector);
                    }

                    _vectorCursor = added[^1].Id;
                    snapshot.AttachVectors(_vectorOf.GetValueOrDefault);
                }

                Interlocked.Exchange(ref _vectorsSeen, vectorsAt); // what was read covers at least this far
            }

            RebuildWhenDue(snapshot);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrieval index refreshed: {Changed} documents changed, {Read} read; {Live} live clauses of {Items} held ({Milliseconds:0} ms)")]
    private partial void LogRefreshed(int changed, int read, int live, int items, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrieval index: vector partitions rebuilt, {Vectors} vectors in {Partitions} partitions ({Milliseconds:0} ms)")]
    private partial void LogRebuilt(int vectors, int partitions, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retrieval index: rebuilding the vector partitions failed; searches scan the unpartitioned vectors exactly meanwhile")]
    private partial void LogRebuildFailed(Exception exception);
}
