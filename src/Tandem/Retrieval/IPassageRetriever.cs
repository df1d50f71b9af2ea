using Tandem.Access;
using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// Where a grounded answer finds its passages: the best clauses the caller may read for a
/// question. The server's in-memory <see cref="RetrievalIndex"/> and the CLI's
/// <see cref="KnowledgeBaseSearch"/> over stored vectors both answer it, with the same hybrid
/// configuration, so <c>tandem ask</c> and <c>/v1/chat/completions</c> read the same passages.
/// </summary>
public interface IPassageRetriever
{
    /// <summary>The best <paramref name="limit"/> clauses <paramref name="caller"/> may read for <paramref name="question"/>, best first.</summary>
    Task<IReadOnlyList<Passage>> RetrieveAsync(string question, Principal caller, int limit, CancellationToken cancellationToken = default);
}
