namespace Tandem.Store;

/// <summary>The newest version of a document the caller may read, with its clauses.</summary>
public sealed record StoredDocument(string DocumentId, string Title, string Source, string MediaType, int Version, string ContentHash, string Text, IReadOnlyList<StoredClause> Clauses)
{
    /// <summary>Who may read it: access tokens (user:x, group:y). Training data taken from it carries these.</summary>
    public IReadOnlyList<string> Access { get; init; } = [];
}
