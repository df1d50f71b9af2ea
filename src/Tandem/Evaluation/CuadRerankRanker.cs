using System.Numerics.Tensors;
using Tandem.Documents;
using Tandem.Retrieval;

namespace Tandem.Evaluation;

/// <summary>
/// The <c>rerank</c> configuration of the CUAD retrieval evaluation: candidates from the hybrid
/// first stage and from a category prototype, reordered by a <see cref="LearnedReranker"/> trained
/// on the annotated clauses of other contracts. Contracts are split into five folds; a contract is
/// ranked by the model (and the prototypes) of the folds it is not in, so no contract is ranked by
/// anything learned from its own annotations.
/// </summary>
/// <remarks>
/// The prototype of a category is the normalised mean MiniLM vector of the training contracts'
/// clauses that overlap that category's annotations: the query is a category, and what its clauses
/// look like is better evidence than its description's words. Features per candidate: the
/// reranker's seven (BM25 score and rank, query cosine, query-term coverage, length), the dense and
/// hybrid ranks, the prototype cosine and rank, and the clause's place in the contract (names and
/// dates open a contract; governing law and notices close it). Depths are chosen a priori.
/// </remarks>
internal sealed class CuadRerankRanker
{
    /// <summary>The configuration's name.</summary>
    public const string Name = "rerank";

    private const int Folds = 5;
    private const int HybridDepth = 32;
    private const int PrototypeDepth = 16;

    private readonly IReadOnlyList<CuadRetrievalContract> _contracts;
    private readonly IReadOnlyDictionary<string, string> _queries;

    public CuadRerankRanker(IReadOnlyList<CuadRetrievalContract> contracts, IReadOnlyDictionary<string, string> queries)
    {
        _contracts = contracts;
        _queries = queries;
    }

    /// <summary>Every (contract, category) pair's ranking of clause indexes, best first.</summary>
    public async Task<Dictionary<(int Contract, string Category), IReadOnlyList<int>>> RankAsync(IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var prototypes = Enumerable.Range(0, Folds).Select(Prototypes).ToList();
        var pairs = new List<Pair>();
        for (var c = 0; c < _contracts.Count; c++)
        {
            progress?.Report(new WorkProgress("reranking: candidates and features", c, _contracts.Count));
            foreach (var category in _contracts[c].Gold.Keys)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pairs.Add(await CandidatesAsync(c, category, prototypes[FoldOf(c)].GetValueOrDefault(category), cancellationToken));
            }
        }

        var rankings = new Dictionary<(int, string), IReadOnlyList<int>>();
        for (var fold = 0; fold < Folds; fold++)
        {
            progress?.Report(new WorkProgress("reranking: training by contract folds", fold, Folds));
            var train = pairs.Where(p => FoldOf(p.Contract) != fold).SelectMany((p, group) => p.Rows.Select(r => (group, r.Features, r.Grade))).ToList();
            var reranker = LearnedReranker.Train(train);
            var tested = pairs.Where(p => FoldOf(p.Contract) == fold).ToList();
            var scores = reranker.Score(tested.SelectMany(p => p.Rows.Select(r => r.Features)).ToList());
            var at = 0;
            foreach (var pair in tested)
            {
                var scored = pair.Rows.Select((r, i) => (r.Clause, Score: scores[at + i])).OrderByDescending(x => x.Score).ThenBy(x => x.Clause).Select(x => x.Clause).ToList();
                at += pair.Rows.Count;
                rankings[(pair.Contract, pair.Category)] = scored;
            }
        }

        return rankings;
    }

    private static int FoldOf(int contract) => contract % Folds;

    /// <summary>Per category, the normalised mean vector of the annotated clauses of the contracts outside <paramref name="fold"/>.</summary>
    private Dictionary<string, float[]> Prototypes(int fold)
    {
        var sums = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var c = 0; c < _contracts.Count; c++)
        {
            if (FoldOf(c) == fold)
            {
                continue;
            }

            var contract = _contracts[c];
            foreach (var (category, spans) in contract.Gold)
            {
                for (var i = 0; i < contract.Clauses.Count; i++)
                {
                    if (Grade(contract.Clauses[i], spans) > 0)
                    {
                        var sum = sums.TryGetValue(category, out var s) ? s : sums[category] = new float[contract.Vectors[i].Length];
                        TensorPrimitives.Add(sum, contract.Vectors[i], sum);
                    }
                }
            }
        }

        foreach (var sum in sums.Values)
        {
            var norm = TensorPrimitives.Norm(sum);
            if (norm > 0)
            {
                TensorPrimitives.Divide(sum, norm, sum);
            }
        }

        return sums;
    }

    private async Task<Pair> CandidatesAsync(int c, string category, float[]? prototype, CancellationToken cancellationToken)
    {
        var contract = _contracts[c];
        var query = _queries.GetValueOrDefault(category, category);
        var n = contract.Clauses.Count;
        var bm25 = Ranks(await contract.Index.SearchAsync(query, RetrievalConfig.Parse("bm25"), n, cancellationToken: cancellationToken));
        var dense = Ranks(await contract.Index.SearchAsync(query, RetrievalConfig.Parse("dense"), n, cancellationToken: cancellationToken));
        var hybrid = Ranks(await contract.Index.SearchAsync(query, RetrievalConfig.Parse("hybrid"), HybridDepth, cancellationToken: cancellationToken));
        var closeness = prototype is null ? new float[n] : contract.Vectors.Select(v => TensorPrimitives.Dot(v, prototype)).ToArray();
        var byPrototype = Enumerable.Range(0, n).OrderByDescending(i => closeness[i]).ThenBy(i => i).ToList();
        var prototypeRank = new int[n];
        for (var r = 0; r < n; r++)
        {
            prototypeRank[byPrototype[r]] = r + 1;
        }

        var queryTerms = TextTerms.Tokens(query).Distinct(StringComparer.Ordinal).ToList();
        var candidates = hybrid.Keys.Concat(prototype is null ? [] : byPrototype.Take(PrototypeDepth)).Distinct().Order().ToList();
        var rows = new List<(int Clause, float[] Features, int Grade)>(candidates.Count);
        foreach (var i in candidates)
        {
            var clause = contract.Clauses[i];
            var (bm25Score, bm25Rank) = bm25.GetValueOrDefault(i);
            var (cosine, denseRank) = dense.GetValueOrDefault(i);
            var features = LearnedReranker.Features(queryTerms, TextTerms.Tokens(clause.Text).ToHashSet(StringComparer.Ordinal), clause.Text.Length, bm25Score, bm25Rank, cosine);
            float[] extra =
            [
                denseRank > 0 ? 1f / denseRank : 0f,
                hybrid.TryGetValue(i, out var h) ? 1f / h.Rank : 0f,
                closeness[i],
                prototype is null ? 0f : 1f / prototypeRank[i],
                n <= 1 ? 0f : i / (float)(n - 1),
                MathF.Log(1 + n),
            ];
            rows.Add((i, [.. features, .. extra], Grade(clause, contract.Gold[category])));
        }

        return new Pair(c, category, rows);
    }

    /// <summary>Item → (score, 1-based rank) of a ranking.</summary>
    private static Dictionary<int, (double Score, int Rank)> Ranks(IReadOnlyList<(int Item, double Score)> hits) =>
        hits.Select((h, r) => (h.Item, h.Score, Rank: r + 1)).ToDictionary(x => x.Item, x => (x.Score, x.Rank));

    /// <summary>2 when most of the clause is annotated or it holds most of an annotation, 1 when it touches one, else 0.</summary>
    private static int Grade(Clause clause, IReadOnlyList<(int Start, int End)> spans)
    {
        var length = Math.Max(1, clause.End - clause.Start);
        var best = 0;
        foreach (var (start, end) in spans)
        {
            var overlap = Math.Max(0, Math.Min(clause.End, end) - Math.Max(clause.Start, start));
            if (overlap > 0)
            {
                best = Math.Max(best, overlap * 2 >= length || overlap * 2 >= end - start ? 2 : 1);
            }
        }

        return best;
    }

    private sealed record Pair(int Contract, string Category, List<(int Clause, float[] Features, int Grade)> Rows);
}
