using System.Security.Cryptography;
using System.Text;
using Tandem.Retrieval;

namespace Tandem.Evaluation;

/// <summary>
/// The <c>rerank</c> configuration of the ACORD evaluation: candidates from BM25 and the dense
/// index, reordered by a <see cref="LearnedReranker"/>. Evaluated on its own training split it
/// cross-validates by query (5 folds), so no query is scored by a model trained on it.
/// </summary>
internal sealed class AcordRerankRanker
{
    private const int Folds = 5;
    private readonly AcordDataset _data;
    private readonly PassageIndex _keyword;
    private readonly DenseIndex _dense;
    private readonly LsaEmbeddingGenerator _generator;
    private readonly Dictionary<string, HashSet<string>> _terms;
    private readonly Dictionary<string, LearnedReranker> _byFold = new(StringComparer.Ordinal);

    public AcordRerankRanker(AcordDataset data, IReadOnlyList<AcordQuery> trainingQueries, PassageIndex keyword, DenseIndex dense, LsaEmbeddingGenerator generator)
    {
        _data = data;
        _keyword = keyword;
        _dense = dense;
        _generator = generator;
        _terms = data.Corpus.ToDictionary(kv => kv.Key, kv => TermVectorizer.Tokens(kv.Value).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var evaluatedIds = data.Queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var crossValidate = trainingQueries.Any(q => evaluatedIds.Contains(q.Id));
        if (crossValidate)
        {
            for (var fold = 0; fold < Folds; fold++)
            {
                var train = trainingQueries.Where(q => FoldOf(q.Id) != fold).ToList();
                _byFold[fold.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Train(train);
            }
        }
        else
        {
            _byFold["all"] = Train(trainingQueries);
        }
    }

    /// <summary>The top 10 of the candidates (the whole corpus when null) for a query.</summary>
    public List<string> Rank(AcordQuery query, IReadOnlyCollection<string>? candidates)
    {
        var model = _byFold.TryGetValue("all", out var all) ? all : _byFold[FoldOf(query.Id).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var bm25 = Bm25(query.Text);
        var vector = _generator.Embed(query.Text);
        var pool = candidates?.ToList()
            ?? bm25.OrderBy(kv => kv.Value.Rank).Take(100).Select(kv => kv.Key)
                .Union(_dense.Search(vector, 100).Select(h => h.Id)).ToList();
        var cosines = _dense.Search(vector, pool.Count, pool).ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        var terms = TermVectorizer.Tokens(query.Text).Distinct(StringComparer.Ordinal).ToList();
        var features = pool.Select(id => Features(terms, id, bm25, cosines.GetValueOrDefault(id))).ToList();
        var scores = model.Score(features);
        return pool.Select((id, i) => (id, scores[i])).OrderByDescending(x => x.Item2).ThenBy(x => x.id, StringComparer.Ordinal)
            .Take(10).Select(x => x.id).ToList();
    }

    private LearnedReranker Train(IReadOnlyList<AcordQuery> queries)
    {
        var rows = new List<(int, float[], int)>();
        for (var g = 0; g < queries.Count; g++)
        {
            var q = queries[g];
            var bm25 = Bm25(q.Text);
            var judged = q.Judgements.Keys.Where(_terms.ContainsKey).ToList();
            var cosines = _dense.Search(_generator.Embed(q.Text), judged.Count, judged).ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
            var terms = TermVectorizer.Tokens(q.Text).Distinct(StringComparer.Ordinal).ToList();
            rows.AddRange(judged.Select(id => (g, Features(terms, id, bm25, cosines.GetValueOrDefault(id)), q.Judgements[id])));
        }

        return LearnedReranker.Train(rows);
    }

    private float[] Features(IReadOnlyList<string> queryTerms, string id, Dictionary<string, (double Score, int Rank)> bm25, double cosine)
    {
        var hit = bm25.GetValueOrDefault(id);
        return LearnedReranker.Features(queryTerms, _terms[id], _data.Corpus[id].Length, hit.Score, hit.Rank, cosine);
    }

    private Dictionary<string, (double Score, int Rank)> Bm25(string query) =>
        _keyword.Search(query, _data.Corpus.Count).Select((h, i) => (h.Id, h.Score, Rank: i + 1))
            .ToDictionary(x => x.Id, x => (x.Score, x.Rank), StringComparer.Ordinal);

    private static int FoldOf(string queryId) => (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(queryId)), 0) % Folds);
}
