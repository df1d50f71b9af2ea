namespace Tandem.Store;

/// <summary>One line of a document listing.</summary>
public sealed record DocumentSummary(string DocumentId, string Title, string Source, int Version, int ClauseCount, DateTimeOffset UpdatedAt, bool Retired);
