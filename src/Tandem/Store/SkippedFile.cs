namespace Tandem.Store;

/// <summary>A file a folder ingest left out on purpose, and why (one line for the user).</summary>
public sealed record SkippedFile(string Path, string Reason);
