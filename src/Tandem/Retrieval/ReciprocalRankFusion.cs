namespace Tandem.Retrieval;

/// <summary>
/// Weighted reciprocal rank fusion (Cormack et al. 2009): score(d) = Σ wᵢ / (k + rankᵢ(d)),
/// ranks from 1. Rank-based, so BM25 and cosine scores need no calibration against each other.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<(string Id, double Score)> Fuse(IReadOnlyList<(IReadOnlyList<string> Ranking, double Weight)> rankings, int k = DefaultK)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (ranking, weight) in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                scores[ranking[i]] = scores.GetValueOrDefault(ranking[i]) + weight / (k + i + 1);
            }
        }

        return scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();
    }
}
