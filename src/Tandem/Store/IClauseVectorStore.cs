using Tandem.Access;

namespace Tandem.Store;

/// <summary>
/// Clause embeddings kept with the clauses: one vector per (embedding model, clause text hash),
/// written by an embedding pass (<see cref="Retrieval.ClauseEmbedder"/>) and read by every
/// dense search, so a clause is embedded once, whoever searches and however often.
/// </summary>
public interface IClauseVectorStore
{
    /// <summary>How many distinct texts of current clauses of unretired documents have no vector from <paramref name="model"/>.</summary>
    Task<int> CountUnembeddedAsync(string model, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> distinct texts of current clauses of unretired documents that have no vector from <paramref name="model"/>.</summary>
    Task<IReadOnlyList<ClauseText>> ReadUnembeddedAsync(string model, int limit, CancellationToken cancellationToken = default);

    /// <summary>Stores vectors of texts (by <see cref="ClauseText.HashOf"/>) in one transaction; a vector already stored is kept.</summary>
    Task SaveVectorsAsync(string model, IReadOnlyList<(string Hash, ReadOnlyMemory<float> Vector)> vectors, CancellationToken cancellationToken = default);

    /// <summary>The number of the last vector stored, of any model (0 when none): a cheap cursor to poll.</summary>
    Task<long> ReadVectorCursorAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Every vector of <paramref name="model"/> stored after the one numbered <paramref name="after"/>
    /// (all when 0), in the order they were stored. It reads past the access lists: for an index
    /// that applies them itself in every query.
    /// </summary>
    Task<IReadOnlyList<StoredVector>> ReadVectorsAsync(string model, long after, CancellationToken cancellationToken = default);

    /// <summary>
    /// The best <paramref name="limit"/> current clauses the caller may read by cosine with
    /// <paramref name="query"/> (a unit vector from <paramref name="model"/>), scanning the stored
    /// vectors; clauses without a vector yet are counted, not searched.
    /// </summary>
    Task<VectorSearchResult> SearchVectorsAsync(ReadOnlyMemory<float> query, string model, Principal caller, int limit, CancellationToken cancellationToken = default);
}
