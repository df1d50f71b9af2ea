using Microsoft.Extensions.AI;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// Hybrid search over the knowledge base as one caller sees it: the current clauses of every
/// document the caller may read, read through the store (which applies the access list), in a
/// <see cref="HybridIndex"/>. Without a remote embedding model, the LSA embedding is learned from
/// those same clauses, so neither the index nor the embedding holds anything of documents the
/// caller may not read.
/// </summary>
public sealed class KnowledgeBaseIndex
{
    private readonly IReadOnlyList<Passage> _passages;
    private readonly HybridIndex? _index; // null when the caller can read nothing

    private KnowledgeBaseIndex(IReadOnlyList<Passage> passages, HybridIndex? index)
    {
        _passages = passages;
        _index = index;
    }

    /// <summary>Number of clauses indexed.</summary>
    public int Count => _passages.Count;

    /// <summary>Reads what <paramref name="caller"/> may read and indexes it.</summary>
    /// <param name="store">The document store.</param>
    /// <param name="caller">Whose view of the knowledge base to index.</param>
    /// <param name="embeddings">An embedding model; null learns a local LSA embedding from the caller's clauses.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task<KnowledgeBaseIndex> BuildAsync(IDocumentStore store, Principal caller, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        var passages = new List<Passage>();
        foreach (var summary in await store.ListDocumentsAsync(caller, cancellationToken: cancellationToken))
        {
            var document = await store.GetDocumentAsync(summary.DocumentId, caller, cancellationToken);
            if (document is null)
            {
                continue; // retired or access withdrawn since the listing
            }

            passages.AddRange(document.Clauses.Select(c => new Passage(document.DocumentId, document.Title, document.Version, c.ClauseId,
                c.Clause.Path, c.Clause.Heading, c.Clause.Start, c.Clause.End, c.Clause.Text, 0)));
        }

        if (passages.Count == 0)
        {
            return new KnowledgeBaseIndex(passages, null);
        }

        var texts = passages.Select(p => p.Text).ToList();
        var generator = embeddings ?? LsaEmbeddingGenerator.Train(texts, dimensions: 128);
        return new KnowledgeBaseIndex(passages, await HybridIndex.BuildAsync(texts, generator, cancellationToken));
    }

    /// <summary>The best <paramref name="limit"/> clauses for a query under a configuration, each with its score.</summary>
    public async Task<IReadOnlyList<Passage>> SearchAsync(string query, RetrievalConfig config, int limit = 10, CancellationToken cancellationToken = default)
    {
        if (_index is null)
        {
            return [];
        }

        var hits = await _index.SearchAsync(query, config, limit, cancellationToken: cancellationToken);
        return hits.Select(h => _passages[h.Item] with { Score = h.Score }).ToList();
    }
}
