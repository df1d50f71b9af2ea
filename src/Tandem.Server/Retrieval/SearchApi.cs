using Microsoft.AspNetCore.Http.HttpResults;
using Tandem.Retrieval;
using Tandem.Server.Identity;

namespace Tandem.Server.Retrieval;

/// <summary><c>GET /api/search</c>: BM25, dense or hybrid search over the clauses the caller may read.</summary>
public static class SearchApi
{
    /// <summary>The longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 2000;

    /// <summary>The most hits one request may ask for.</summary>
    public const int MaxK = 100;

    /// <summary>Maps the search endpoint; it requires an authenticated caller.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/search", SearchAsync)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Search the clauses you may read")
            .WithDescription("mode: bm25 (keywords), dense (cosine over the clauses' stored all-MiniLM-L6-v2 vectors), hybrid (both, fused by RRF) or hybrid:<dense weight>. "
                + "A clause uploaded in the last seconds may have no vector yet: it is found by BM25 only until the background embedding pass has stored it.")
            .RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(HttpContext http, RetrievalIndex index,
        string? q, string? k, string? mode, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(http.User);
        var limit = 10;
        var name = string.IsNullOrWhiteSpace(mode) ? "hybrid" : mode.Trim();
        try
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                throw new TandemException("the query parameter q is missing or empty", "give the words to look for, e.g. ?q=limitation%20of%20liability");
            }

            if (q.Length > MaxQueryLength)
            {
                throw new TandemException($"the query is {q.Length} characters long; at most {MaxQueryLength} are accepted", "shorten it to the words that matter");
            }

            if ((k is not null && !int.TryParse(k, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit)) || limit is < 1 or > MaxK)
            {
                throw new TandemException($"k must be a whole number from 1 to {MaxK}, not '{k}'", "e.g. k=10");
            }

            var config = RetrievalConfig.Parse(name);
            var hits = await index.SearchAsync(q, caller, config, limit, cancellationToken);
            return TypedResults.Ok(new SearchResponse(q, config.Name, limit,
                hits.Select(p => new SearchHit(p.DocumentId, p.DocumentTitle, p.Version, p.ClauseId, p.Path, p.Heading, p.Start, p.End, p.Text, p.Score)).ToList()));
        }
        catch (TandemException e)
        {
            return TypedResults.Problem(e.ToUserMessage(), statusCode: StatusCodes.Status400BadRequest, title: "Bad search request");
        }
    }
}
