namespace Tandem.Store;

/// <summary>A file sent over the network: the name its sender gave it and its bytes.</summary>
/// <param name="FileName">The sender's file name; only its last segment counts, and its extension picks the reader.</param>
/// <param name="Content">The bytes, read once.</param>
public sealed record UploadedFile(string FileName, Stream Content);
