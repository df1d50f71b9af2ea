using Tandem.Access;
using Tandem.Economics;

namespace Tandem.Store;

/// <summary>
/// The knowledge base: versioned documents, their clauses, access lists and a keyword index.
/// Every read takes the caller and filters by access inside the query; every write is one
/// transaction.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores a document: new, new version, unchanged, or restored. One transaction.</summary>
    Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Retires the caller's documents whose source lies under <paramref name="folder"/> but is not in
    /// <paramref name="presentSources"/>. Returns the retired document ids.
    /// </summary>
    Task<IReadOnlyList<string>> RetireMissingAsync(string folder, IReadOnlySet<string> presentSources, Principal caller, CancellationToken cancellationToken = default);

    /// <summary>BM25 keyword search over the newest versions of documents the caller may read.</summary>
    Task<IReadOnlyList<Passage>> SearchAsync(string query, Principal caller, int limit = 10, CancellationToken cancellationToken = default);

    /// <summary>The newest version of a document with its clauses, or null if absent or not readable.</summary>
    Task<StoredDocument?> GetDocumentAsync(string documentId, Principal caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// How much the caller's knowledge base changed in the last <paramref name="window"/>: new
    /// versions, retirements, and documents added after the first day of its history (the
    /// initial load is not change).
    /// </summary>
    Task<KnowledgeBaseActivity> GetActivityAsync(Principal caller, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Documents the caller may read.</summary>
    Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(Principal caller, bool includeRetired = false, CancellationToken cancellationToken = default);
}
