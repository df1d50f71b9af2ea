using Tandem.Documents;

namespace Tandem.Store;

/// <summary>A clause as stored: the segmenter's clause plus its stable id.</summary>
public sealed record StoredClause(string ClauseId, Clause Clause);
