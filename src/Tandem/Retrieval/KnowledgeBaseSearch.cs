using Microsoft.Extensions.AI;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// Search over the stored knowledge base without an index in memory, for a short-lived process
/// (the CLI): BM25 from the store's FTS5 index, dense by scanning the stored vectors of the
/// clauses the caller may read (<see cref="IClauseVectorStore.SearchVectorsAsync"/>), fused by
/// RRF as the server's <see cref="RetrievalIndex"/> fuses them. Only the query is embedded; a
/// clause without a stored vector is found by BM25 only, and the result says how many there were.
/// </summary>
public sealed class KnowledgeBaseSearch
{
    private readonly IDocumentStore _store;
    private readonly IClauseVectorStore _vectors;

    public KnowledgeBaseSearch(IDocumentStore store, IClauseVectorStore vectors)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(vectors);
        _store = store;
        _vectors = vectors;
    }

    /// <summary>The best <paramref name="limit"/> clauses the caller may read under a configuration.</summary>
    /// <param name="query">The words to look for.</param>
    /// <param name="caller">Whose access applies.</param>
    /// <param name="config">bm25, dense or hybrid[:w].</param>
    /// <param name="embeddings">The model that embeds the query; its stored vectors are the ones searched.</param>
    /// <param name="limit">How many clauses.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async Task<KnowledgeBaseHits> SearchAsync(string query, Principal caller, RetrievalConfig config, IEmbeddingGenerator<string, Embedding<float>> embeddings,
        int limit = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (KeywordQuery.Terms(query).Count == 0)
        {
            throw new TandemException($"the query '{query}' has no searchable words", "use a few content words, e.g. \"limitation of liability\"");
        }

        var depth = Math.Max(limit, HybridIndex.CandidateDepth);

        // The query is embedded (the model loading on first use) while the store runs BM25: they need neither each other nor the same core.
        var embedding = config.UsesDense ? MiniLmEmbeddingGenerator.ForQueries(embeddings).GenerateVectorAsync(query, cancellationToken: cancellationToken) : null;
        try
        {
            var keyword = config.Bm25Weight > 0 ? await _store.SearchAsync(query, caller, depth, cancellationToken) : null;
            IReadOnlyList<Passage>? dense = null;
            var unembedded = 0;
            if (embedding is not null)
            {
                var found = await _vectors.SearchVectorsAsync(await embedding, ClauseEmbedder.ModelIdOf(embeddings), caller, depth, cancellationToken);
                (dense, unembedded) = (found.Passages, found.Unembedded);
            }

            return new KnowledgeBaseHits(ReciprocalRankFusion.FusePassages(keyword, dense, config, limit), unembedded);
        }
        catch when (embedding is { IsCompleted: false })
        {
            // Failed before the vector was awaited: nobody else will observe the embedding's own outcome.
            _ = embedding.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>This search as an <see cref="IPassageRetriever"/>: hybrid, queries embedded by <paramref name="embeddings"/>.</summary>
    public IPassageRetriever Hybrid(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return new HybridRetriever(this, embeddings);
    }

    private sealed class HybridRetriever(KnowledgeBaseSearch search, IEmbeddingGenerator<string, Embedding<float>> embeddings) : IPassageRetriever
    {
        public async Task<IReadOnlyList<Passage>> RetrieveAsync(string question, Principal caller, int limit, CancellationToken cancellationToken = default) =>
            (await search.SearchAsync(question, caller, RetrievalConfig.Parse("hybrid"), embeddings, limit, cancellationToken)).Passages;
    }
}
