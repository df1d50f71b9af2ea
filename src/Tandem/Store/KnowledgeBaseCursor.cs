namespace Tandem.Store;

/// <summary>
/// How far a reader of <see cref="IKnowledgeBaseFeed"/> has read: the latest document change time
/// and the latest access-list change it has seen. Any ingest, new version, retirement, restore or
/// access change, by any process, moves one of them.
/// </summary>
/// <param name="LastUpdate">The greatest document update time seen (ISO 8601, UTC, so it sorts as text); empty for an empty store.</param>
/// <param name="LastAccessEvent">The greatest access event number seen; 0 for none.</param>
public sealed record KnowledgeBaseCursor(string LastUpdate, long LastAccessEvent);
