namespace Tandem.Store;

/// <summary>A retrieved clause with everything needed to cite it exactly.</summary>
/// <param name="DocumentId">Stable document id.</param>
/// <param name="DocumentTitle">Human title of the document.</param>
/// <param name="Version">The document version the clause belongs to (always the newest).</param>
/// <param name="ClauseId">Stable clause id (content hash).</param>
/// <param name="Path">Clause path, e.g. "12.3(b)".</param>
/// <param name="Heading">Governing heading, if any.</param>
/// <param name="Start">Start offset in the version's normalised text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The clause text.</param>
/// <param name="Score">Relevance; higher is better.</param>
public sealed record Passage(string DocumentId, string DocumentTitle, int Version, string ClauseId, string Path, string? Heading, int Start, int End, string Text, double Score);
