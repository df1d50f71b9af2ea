namespace Tandem.Store;

/// <summary>One stored version of a document.</summary>
/// <param name="Version">Its number, from 1.</param>
/// <param name="ContentHash">The hash of its normalised text.</param>
/// <param name="ByteSize">The size of the file it was read from.</param>
/// <param name="IngestedBy">The user who stored it (the owner, or an admin).</param>
/// <param name="IngestedAt">When.</param>
/// <param name="ClauseCount">How many clauses it was segmented into.</param>
public sealed record DocumentVersion(int Version, string ContentHash, long ByteSize, string IngestedBy, DateTimeOffset IngestedAt, int ClauseCount);
