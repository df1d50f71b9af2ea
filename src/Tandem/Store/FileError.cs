namespace Tandem.Store;

/// <summary>A file that could not be ingested, and why (a one-line user message).</summary>
public sealed record FileError(string Path, string Message);
