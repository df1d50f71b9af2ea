namespace Tandem.Store;

/// <summary>
/// The knowledge base's changes, for an index kept in memory beside the store (the server's
/// <see cref="Retrieval.RetrievalIndex"/>): a cheap cursor to poll, the documents changed since a
/// cursor, and the clauses of a version. It reads past the access lists, because the index
/// applies them itself inside every query; nothing read here may be returned to a caller
/// without that check.
/// </summary>
public interface IKnowledgeBaseFeed
{
    /// <summary>Where the knowledge base stands now; equal cursors mean nothing changed in between.</summary>
    Task<KnowledgeBaseCursor> ReadCursorAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Every document changed since <paramref name="since"/> (every document when null), as it
    /// stands now. A document changed at the cursor's own instant is returned again, so a change
    /// committed in the same clock tick is never missed; readers apply changes idempotently.
    /// </summary>
    Task<IReadOnlyList<DocumentState>> ReadChangedDocumentsAsync(KnowledgeBaseCursor? since, CancellationToken cancellationToken = default);

    /// <summary>The clauses of one version of a document, in order; empty when that version does not exist.</summary>
    Task<IReadOnlyList<StoredClause>> ReadClausesAsync(string documentId, int version, CancellationToken cancellationToken = default);
}
