namespace Tandem.Store;

/// <summary>What a folder sync did: one result or error per file, and the documents retired.</summary>
public sealed record SyncReport(IReadOnlyList<IngestResult> Ingested, IReadOnlyList<FileError> Failed, IReadOnlyList<string> Retired);
