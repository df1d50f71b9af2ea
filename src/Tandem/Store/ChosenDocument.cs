using Tandem.Access;

namespace Tandem.Store;

/// <summary>
/// The rule for a document an ingest names to update (<see cref="IngestRequest.DocumentId"/>), the
/// same in every store: it must be readable (else "not found", as for a missing id), stored from
/// the same path, and the caller must be its owner or an admin.
/// </summary>
internal static class ChosenDocument
{
    /// <summary>Throws the one-line error when the caller may not update the document; <paramref name="access"/> is null when it does not exist.</summary>
    public static void Check(IAccessPolicy policy, Principal caller, string documentId, string source, IReadOnlyList<string>? access, string storedSource, string owner)
    {
        if (access is null || !policy.CanRead(caller, access))
        {
            throw StoredDocument.NotFound(documentId, caller);
        }

        if (storedSource != source)
        {
            throw new TandemException($"document {documentId} was stored from {storedSource}, not from {source}", "give the file the document was stored from");
        }

        if (!policy.CanChange(caller, owner))
        {
            throw new TandemException($"you ({caller.UserId}) may read {documentId} but only its owner ({owner}) or an admin may change it or who may read it",
                $"ask {owner} to ingest the new version or change the access list");
        }
    }
}
