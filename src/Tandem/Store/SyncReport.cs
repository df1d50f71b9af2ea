namespace Tandem.Store;

/// <summary>What a folder sync did: one result or error per file, and the documents retired.</summary>
public sealed record SyncReport(IReadOnlyList<IngestResult> Ingested, IReadOnlyList<FileError> Failed, IReadOnlyList<string> Retired)
{
    /// <summary>Files left out on purpose (project documentation such as a README), with the reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];
}
