using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>What <see cref="KnowledgeBaseSearch"/> found.</summary>
/// <param name="Passages">The clauses, best first.</param>
/// <param name="Unembedded">Readable clauses that had no stored vector, so dense search could not find them (0 for bm25).</param>
public sealed record KnowledgeBaseHits(IReadOnlyList<Passage> Passages, int Unembedded);
