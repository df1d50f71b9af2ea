using Tandem.Access;

namespace Tandem.Store;

/// <summary>
/// What happens to a stored document besides ingesting it: retiring it, changing who may read
/// it, and its versions. Every member answers a document the caller may not read exactly as one
/// that does not exist, and lets only its owner or an admin change it.
/// </summary>
public interface IDocumentLifecycle
{
    /// <summary>Retires a document (kept with its versions, out of lists and search); its owner or an admin.</summary>
    Task<DocumentChange> RetireAsync(string documentId, Principal caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a document's access list (its owner always stays on it), records the change, and
    /// makes the training examples taken from it follow; its owner or an admin.
    /// </summary>
    Task<DocumentChange> SetAccessAsync(string documentId, AccessList access, Principal caller, CancellationToken cancellationToken = default);

    /// <summary>A readable document's versions, oldest first; null when it does not exist or the caller may not read it.</summary>
    Task<DocumentVersions?> GetVersionsAsync(string documentId, Principal caller, CancellationToken cancellationToken = default);
}
