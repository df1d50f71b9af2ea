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
            Add(scores, ranking.Count, i => ranking[i], weight, k);
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
    }

    /// <summary>
    /// <see cref="FusePassages"/> over item numbers, for an index that holds its clauses as items:
    /// the same passages in the same order (ties by the same key), but only the <paramref name="limit"/>
    /// kept are made into passages, by <paramref name="passageOf"/>.
    /// </summary>
    public static IReadOnlyList<Passage> FuseItems(IReadOnlyList<(int Item, double Score)>? keyword, IReadOnlyList<(int Item, double Score)>? dense,
        RetrievalConfig config, int limit, Func<int, Passage> passageOf)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(passageOf);
        var kept = new List<Passage>(limit);
        if (keyword is null || dense is null)
        {
            foreach (var (item, score) in keyword ?? dense ?? [])
            {
                if (kept.Count == limit)
                {
                    break;
                }

                kept.Add(passageOf(item) with { Score = score });
            }

            return kept;
        }

        var scores = new Dictionary<int, double>(keyword.Count + dense.Count);
        Add(scores, keyword.Count, i => keyword[i].Item, config.Bm25Weight, DefaultK);
        Add(scores, dense.Count, i => dense[i].Item, config.DenseWeight, DefaultK);
        var fused = new List<(int Item, double Score)>(scores.Count);
        foreach (var (item, score) in scores)
        {
            fused.Add((item, score));
        }

        // Equal scores are common (the same ranks in the two lists): they fall back on the passage key, as in FusePassages.
        fused.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(Key(passageOf(a.Item)), Key(passageOf(b.Item))));
        for (var i = 0; i < fused.Count && i < limit; i++)
        {
            kept.Add(passageOf(fused[i].Item) with { Score = fused[i].Score });
        }

        return kept;
    }

    private static void Add<TId>(Dictionary<TId, double> scores, int count, Func<int, TId> idAt, double weight, int k)
        where TId : notnull
    {
        for (var i = 0; i < count; i++)
        {
            var id = idAt(i);
            scores[id] = scores.GetValueOrDefault(id) + weight / (k + i + 1);
        }
    }

    private static string Key(Passage passage) => $"{passage.DocumentId}\n{passage.Version}\n{passage.Start}\n{passage.End}";
}
