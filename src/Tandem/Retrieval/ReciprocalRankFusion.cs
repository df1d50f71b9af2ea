using Tandem.Store;

namespace Tandem.Retrieval;

/// <summary>
/// Weighted reciprocal rank fusion (Cormack et al. 2009): score(d) = Σ wᵢ / (k + rankᵢ(d)),
/// ranks from 1. Rank-based, so BM25 and cosine scores need no calibration against each other.
/// Ties are broken by id order, so fusion is deterministic.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<(TId Id, double Score)> Fuse<TId>(IReadOnlyList<(IReadOnlyList<TId> Ranking, double Weight)> rankings, int k = DefaultK)
        where TId : notnull
    {
        var scores = new Dictionary<TId, double>();
        foreach (var (ranking, weight) in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                scores[ranking[i]] = scores.GetValueOrDefault(ranking[i]) + weight / (k + i + 1);
            }
        }

        var order = typeof(TId) == typeof(string) ? (IComparer<TId>)StringComparer.Ordinal : Comparer<TId>.Default;
        return scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, order).Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>
    /// The best <paramref name="limit"/> passages under a configuration from its keyword and dense
    /// lists (either may be null when the configuration does not use it): one list as it is, with its
    /// own scores; two fused, scored by RRF. A clause is the same in both lists when its document,
    /// version and span are.
    /// </summary>
    public static IReadOnlyList<Passage> FusePassages(IReadOnlyList<Passage>? keyword, IReadOnlyList<Passage>? dense, RetrievalConfig config, int limit)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (keyword is null || dense is null)
        {
            return (keyword ?? dense ?? []).Take(limit).ToList();
        }

        var byKey = keyword.Concat(dense).DistinctBy(Key).ToDictionary(Key, StringComparer.Ordinal);
        return Fuse<string>([(keyword.Select(Key).ToList(), config.Bm25Weight), (dense.Select(Key).ToList(), config.DenseWeight)])
            .Take(limit).Select(f => byKey[f.Id] with { Score = f.Score }).ToList();

        static string Key(Passage passage) => $"{passage.DocumentId}\n{passage.Version}\n{passage.Start}\n{passage.End}";
    }
}
