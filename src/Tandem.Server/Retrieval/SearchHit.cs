namespace Tandem.Server.Retrieval;

/// <summary>One clause found by <c>GET /api/search</c>, with everything needed to cite it exactly.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Title">Its title.</param>
/// <param name="Version">The version the clause belongs to (always the current one).</param>
/// <param name="ClauseId">The clause's stable id.</param>
/// <param name="Path">The clause path, e.g. "12.3(b)".</param>
/// <param name="Heading">The governing heading, if any.</param>
/// <param name="Start">Start offset in the version's normalised text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The clause text.</param>
/// <param name="Score">BM25, cosine or fused RRF score; higher is better.</param>
public sealed record SearchHit(string DocumentId, string Title, int Version, string ClauseId, string Path, string? Heading, int Start, int End, string Text, double Score);
