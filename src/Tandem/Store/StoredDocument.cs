namespace Tandem.Store;

/// <summary>The newest version of a document the caller may read, with its clauses.</summary>
public sealed record StoredDocument(string DocumentId, string Title, string Source, string MediaType, int Version, string ContentHash, string Text, IReadOnlyList<StoredClause> Clauses)
{
    /// <summary>Who may read it: access tokens (user:x, group:y). Training data taken from it carries these.</summary>
    public IReadOnlyList<string> Access { get; init; } = [];

    /// <summary>The user who created it: with admins, the only one who may change it or its access list.</summary>
    public string Owner { get; init; } = string.Empty;

    /// <summary>Every change of its access list, oldest first; empty unless the caller is its owner or an admin.</summary>
    public IReadOnlyList<AccessEvent> AccessHistory { get; init; } = [];

    /// <summary>The one answer for a document id the caller may not read, word for word the answer for one that does not exist.</summary>
    public static TandemException NotFound(string documentId, Access.Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new TandemException($"document {documentId} does not exist or you ({caller.UserId}) may not read it", "check the id with 'tandem documents'");
    }
}
