namespace Tandem.Server.Retrieval;

/// <summary>The answer of <c>GET /api/search</c>: the query as understood and the hits, best first.</summary>
public sealed record SearchResponse(string Query, string Mode, int K, IReadOnlyList<SearchHit> Hits);
