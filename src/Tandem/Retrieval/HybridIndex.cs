using Microsoft.Extensions.AI;

namespace Tandem.Retrieval;

/// <summary>
/// Hybrid retrieval over one set of passages: an in-memory BM25 index and a vector index of the
/// passages' embeddings, fused by weighted reciprocal rank fusion (<see cref="RetrievalConfig"/>).
/// Any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> embeds the queries (the local MiniLM
/// or a remote model); it must be the one that embedded the passages. The filter runs inside
/// both first stages, so a top k is made only of passages it accepts, and BM25 then counts only
/// those. Used for evaluation corpora and benchmarks; the knowledge base is searched by
/// <see cref="RetrievalIndex"/> (server) and <see cref="KnowledgeBaseSearch"/> (CLI).
/// </summary>
public sealed class HybridIndex
{
    /// <summary>Candidates each first stage passes to fusion.</summary>
    public const int CandidateDepth = 100;

    private readonly Bm25Index _keyword;
    private readonly VectorIndex _vectors;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;

    /// <summary>
    /// Indexes passages whose embeddings are already computed (item i is texts[i] and
    /// vectors[i]). Without an embedding model (and vectors) only <c>bm25</c> can be searched.
    /// </summary>
    public HybridIndex(IReadOnlyList<string> texts, IReadOnlyList<float[]>? vectors, IEmbeddingGenerator<string, Embedding<float>>? embeddings, int partitions = 0)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if ((embeddings is null) != (vectors is null) || (vectors is not null && texts.Count != vectors.Count))
        {
            throw new ArgumentException($"give one vector per text ({texts.Count}) and the embedding model that made them, or neither", nameof(vectors));
        }

        _keyword = new Bm25Index(texts);
        _vectors = new VectorIndex(vectors ?? [], partitions);
        _embeddings = embeddings;
    }

    public int Count => _keyword.Count;

    /// <summary>IVF partitions scanned per query when the vector index is partitioned.</summary>
    public int Probes { get; init; } = 16;

    /// <summary>
    /// Embeds and indexes passages. Collections of 20,000 passages or more get an IVF vector
    /// index with about √n partitions; smaller ones are scanned exactly.
    /// </summary>
    public static async Task<HybridIndex> BuildAsync(IReadOnlyList<string> texts, IEmbeddingGenerator<string, Embedding<float>> embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(embeddings);
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(256))
        {
            var generated = await embeddings.GenerateAsync(batch, cancellationToken: cancellationToken);
            vectors.AddRange(generated.Select(e => e.Vector.ToArray()));
        }

        var partitions = texts.Count >= 20_000 ? (int)Math.Sqrt(texts.Count) : 0;
        return new HybridIndex(texts, vectors, embeddings, partitions);
    }

    /// <summary>
    /// The best <paramref name="limit"/> passages (item numbers, best first) for a query under a
    /// configuration, among those <paramref name="allowed"/> accepts (all when null). The score
    /// is BM25 for <c>bm25</c>, cosine for <c>dense</c> and the fused RRF score for hybrids.
    /// </summary>
    public async Task<IReadOnlyList<(int Item, double Score)>> SearchAsync(string query, RetrievalConfig config, int limit, Func<int, bool>? allowed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(config);
        var depth = Math.Max(limit, CandidateDepth);
        var keyword = config.Bm25Weight > 0 ? _keyword.Search(query, depth, allowed) : null;
        IReadOnlyList<(int Item, double Score)>? dense = null;
        if (config.UsesDense)
        {
            if (_embeddings is null)
            {
                throw new InvalidOperationException($"the '{config.Name}' configuration needs an embedding model, and this index has none");
            }

            var vector = await MiniLmEmbeddingGenerator.ForQueries(_embeddings).GenerateVectorAsync(query, cancellationToken: cancellationToken);
            dense = _vectors.Search(vector.Span, depth, allowed, Probes);
        }

        if (keyword is null || dense is null)
        {
            return (keyword ?? dense ?? []).Take(limit).ToList();
        }

        return ReciprocalRankFusion.Fuse(
            [(keyword.Select(h => h.Item).ToList(), config.Bm25Weight), (dense.Select(h => h.Item).ToList(), config.DenseWeight)])
            .Take(limit).Select(f => (f.Id, f.Score)).ToList();
    }
}
