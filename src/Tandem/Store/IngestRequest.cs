using Tandem.Access;
using Tandem.Documents;

namespace Tandem.Store;

/// <summary>A read and segmented document to store for <see cref="Owner"/>.</summary>
public sealed record IngestRequest
{
    public required ReadDocument Document { get; init; }

    public required DocumentStructure Structure { get; init; }

    /// <summary>The principal ingesting: the owner of a new document; only the owner or an admin may change an existing one.</summary>
    public required Principal Owner { get; init; }

    /// <summary>Who may read it (the document's owner is always added); null keeps an existing document's list, or the owner only for a new one.</summary>
    public AccessList? Access { get; init; }

    /// <summary>
    /// The stored document to update, named explicitly (its owner or an admin; it must come from
    /// the same path). Null: the caller's own document from the path, or a new one; never anyone
    /// else's.
    /// </summary>
    public string? DocumentId { get; init; }
}
