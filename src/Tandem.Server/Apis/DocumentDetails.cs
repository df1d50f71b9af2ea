using Tandem.Store;

namespace Tandem.Server.Apis;

/// <summary>A readable document: its newest version's clauses, who may read it, and every version.</summary>
public sealed record DocumentDetails(
    string DocumentId, string Title, string Source, string MediaType, int Version, string ContentHash, string Owner,
    IReadOnlyList<string> Access, DateTimeOffset? RetiredAt, IReadOnlyList<DocumentVersion> Versions, IReadOnlyList<StoredClause> Clauses);
