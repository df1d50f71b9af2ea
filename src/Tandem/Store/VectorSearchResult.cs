namespace Tandem.Store;

/// <summary>A dense search over stored vectors.</summary>
/// <param name="Passages">The best clauses, best first, each scored by cosine.</param>
/// <param name="Searched">Readable current clauses that had a vector and were scored.</param>
/// <param name="Unembedded">Readable current clauses without a vector yet: not searched densely.</param>
public sealed record VectorSearchResult(IReadOnlyList<Passage> Passages, int Searched, int Unembedded);
