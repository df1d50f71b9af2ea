namespace Tandem.Store;

/// <summary>A readable document's owner, retirement and versions.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Owner">The user who created it.</param>
/// <param name="RetiredAt">When it was retired; null while it is live.</param>
/// <param name="Versions">Its versions, oldest first.</param>
public sealed record DocumentVersions(string DocumentId, string Owner, DateTimeOffset? RetiredAt, IReadOnlyList<DocumentVersion> Versions);
