using Tandem.Retrieval;

namespace Tandem.Evaluation;

/// <summary>
/// The features of <see cref="AcordExtraFeatures"/>, appended to the ACORD reranker's own: what the
/// query asks beyond its category (<see cref="QueryQualifier"/>), how its terms weigh among its own
/// candidates, which way it points on exceptions (<see cref="ExceptionCues"/>), and late interaction
/// over MiniLM token vectors (<see cref="LateInteraction"/>). Nothing here reads a judgement.
/// </summary>
internal sealed class AcordExtraScorer
{
    private readonly AcordExtraFeatures _groups;
    private readonly AcordDataset _data;
    private readonly PassageIndex _keyword;
    private readonly DenseIndex _dense;
    private readonly IReadOnlyDictionary<string, float[]> _queryVectors;
    private readonly ClauseAndQueryVectors? _tokens;
    private readonly Dictionary<string, int> _cues = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Text, string Id), float> _maxSim = [];

    /// <summary>A scorer of <paramref name="groups"/> over the corpus of <paramref name="data"/>, its BM25 and MiniLM indexes.</summary>
    /// <param name="groups">The feature groups to append.</param>
    /// <param name="data">The corpus (and the queries' categories).</param>
    /// <param name="keyword">BM25 over the corpus.</param>
    /// <param name="dense">MiniLM vectors of the corpus.</param>
    /// <param name="queryVectors">MiniLM vectors of the query texts and, for <see cref="AcordExtraFeatures.QualifierCosine"/>, of their qualifiers.</param>
    /// <param name="tokens">Token vectors of every clause and every query text and qualifier, for the late-interaction groups.</param>
    public AcordExtraScorer(AcordExtraFeatures groups, AcordDataset data, PassageIndex keyword, DenseIndex dense,
        IReadOnlyDictionary<string, float[]> queryVectors, ClauseAndQueryVectors? tokens)
    {
        if (groups.NeedsTokens && tokens is null)
        {
            throw new ArgumentException("the late-interaction features need token vectors", nameof(tokens));
        }

        _groups = groups;
        _data = data;
        _keyword = keyword;
        _dense = dense;
        _queryVectors = queryVectors;
        _tokens = tokens;
    }

    /// <summary>Adapted (<see cref="CategoryAdapter"/>) unit vectors of the clauses by id and of the query texts, for <see cref="AcordExtraFeatures.Adapter"/>.</summary>
    public ClauseAndQueryVectors? Adapted { get; init; }

    /// <summary>The query's qualifier, or the query itself when it says nothing beyond its category.</summary>
    public static string QualifierOf(AcordQuery query) => QueryQualifier.Of(query.Text, query.Category) is { Length: > 0 } qualifier ? qualifier : query.Text;

    /// <summary>What the features of one query's candidates share; <paramref name="firstStage"/> are its first-stage candidates.</summary>
    public Query Prepare(AcordQuery asked, IReadOnlyList<string> terms, IReadOnlyCollection<string> firstStage, IReadOnlyDictionary<string, HashSet<string>> clauseTerms)
    {
        var qualifier = QualifierOf(asked);
        var bm25 = _groups.Has(AcordExtraFeatures.Qualifier) ? AcordRerankRanker.Ranked(_keyword.Search(qualifier, _data.Corpus.Count)) : [];
        var cosines = _groups.NeedsQualifierVector
            ? _dense.Search(_queryVectors[qualifier], _data.Corpus.Count).ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal)
            : [];

        // A term every candidate has (the category's words) weighs nothing here, a term few have (the qualifier) weighs most.
        var local = terms.ToDictionary(t => t, t =>
        {
            var df = firstStage.Count(id => clauseTerms[id].Contains(t));
            return Math.Max(0, Math.Log((firstStage.Count - df + 0.5) / (df + 0.5)));
        }, StringComparer.Ordinal);
        return new Query(asked.Text, qualifier, TextTerms.Tokens(qualifier).Distinct(StringComparer.Ordinal).ToList(), bm25, cosines, local,
            ExceptionCues.NegatedTerms(asked.Text), ExceptionCues.CarveoutPolarity(asked.Text));
    }

    /// <summary>The features with this scorer's groups appended, in <see cref="AcordExtraFeatures.Names"/> order.</summary>
    public float[] Append(float[] features, Query query, string id, IReadOnlySet<string> clause)
    {
        var extra = new List<float>();
        if (_groups.Has(AcordExtraFeatures.Qualifier))
        {
            var (score, rank) = query.Bm25.GetValueOrDefault(id);
            extra.AddRange([(float)score, rank > 0 ? 1f / rank : 0f, Share(query.QualifierTerms, clause)]);
        }

        if (_groups.Has(AcordExtraFeatures.QualifierCosine))
        {
            extra.Add((float)query.Cosines[id]);
        }

        if (_groups.Has(AcordExtraFeatures.LocalIdf))
        {
            var total = query.LocalWeights.Values.Sum();
            extra.Add(total > 0 ? (float)(query.LocalWeights.Where(kv => clause.Contains(kv.Key)).Sum(kv => kv.Value) / total) : 0f);
        }

        if (_groups.Has(AcordExtraFeatures.Cues))
        {
            var cues = Cues(id);
            extra.AddRange([ExceptionCues.AsksWithout(query.Text) ? 1f : 0f, ExceptionCues.AsksException(query.Text) ? 1f : 0f, cues, cues > 0 ? 1f : 0f]);
        }

        if (_groups.Has(AcordExtraFeatures.Polarity))
        {
            // Signed so that higher is better for every query: a clause holding what the query asks to be absent scores below zero.
            extra.AddRange([-Share(query.Negated, clause), query.CarveoutPolarity * Math.Min(Cues(id), 3) / 3f]);
        }

        if (_groups.Has(AcordExtraFeatures.MaxSim))
        {
            extra.Add(MaxSim(query.Text, id));
        }

        if (_groups.Has(AcordExtraFeatures.QualifierMaxSim))
        {
            extra.Add(MaxSim(query.Qualifier, id));
        }

        if (_groups.Has(AcordExtraFeatures.Adapter))
        {
            var adapted = Adapted ?? throw new InvalidOperationException("the adapter feature needs the adapted vectors");
            extra.Add(System.Numerics.Tensors.TensorPrimitives.Dot(adapted.Queries[query.Text], adapted.Clauses[id]));
        }

        return extra.Count == 0 ? features : [.. features, .. extra];
    }

    private static float Share(IReadOnlyList<string> terms, IReadOnlySet<string> clause) =>
        terms.Count == 0 ? 0f : terms.Count(clause.Contains) / (float)terms.Count;

    private int Cues(string id)
    {
        if (!_cues.TryGetValue(id, out var count))
        {
            _cues[id] = count = ExceptionCues.Count(_data.Corpus[id]);
        }

        return count;
    }

    // Each (text, clause) pair is scored once: training meets a query once per fold.
    private float MaxSim(string text, string id)
    {
        if (!_maxSim.TryGetValue((text, id), out var score))
        {
            _maxSim[(text, id)] = score = LateInteraction.MaxSim(_tokens!.Queries[text], _tokens.Clauses[id], MiniLmEmbeddingGenerator.Dimensions);
        }

        return score;
    }

    /// <summary>Vectors of the clauses by id and of query texts (and qualifiers) by text: MiniLM token vectors (<see cref="MiniLmEmbeddingGenerator.PerToken"/>) or adapted ones.</summary>
    public sealed record ClauseAndQueryVectors(IReadOnlyDictionary<string, float[]> Clauses, IReadOnlyDictionary<string, float[]> Queries);

    /// <summary>One query's shared inputs.</summary>
    public sealed record Query(string Text, string Qualifier, IReadOnlyList<string> QualifierTerms, Dictionary<string, (double Score, int Rank)> Bm25,
        Dictionary<string, double> Cosines, Dictionary<string, double> LocalWeights, IReadOnlyList<string> Negated, int CarveoutPolarity);
}
