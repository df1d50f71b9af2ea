namespace Tandem.Store;

/// <summary>The result of ingesting one file.</summary>
public sealed record IngestResult(string DocumentId, string Source, string Title, int Version, int ClauseCount, IngestOutcome Outcome);
