using System.Diagnostics;
using Microsoft.Extensions.AI;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Evaluation;

/// <summary>
/// Ranks the ACORD corpus for each query with each retrieval configuration and scores NDCG@5,
/// NDCG@10 (linear gains) and the share of 3-, 4- and 5-star clauses in the top 5, both within
/// each query's judged pool and over the whole corpus (unjudged clauses count as 0).
/// Configurations: <c>bm25</c> (SQLite FTS5), <c>dense</c> (cosine of <see cref="Embeddings"/>'
/// vectors, all-MiniLM-L6-v2 by default), <c>hybrid[:w]</c> (reciprocal rank fusion, BM25 weight 1,
/// dense weight w, default 1) and <c>rerank</c> (a learned reranker over the BM25 and dense
/// candidates; see <see cref="RerankerTrainingQueries"/>).
/// </summary>
public sealed class AcordEvaluator
{
    /// <summary>The dense model; the corpus's vectors are read from <see cref="Vectors"/> when stored there, else embedded (and stored).</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    /// <summary>Where the corpus's vectors are kept between runs; null embeds the corpus on every run.</summary>
    public IClauseVectorStore? Vectors { get; init; }

    /// <summary>Judged queries the <c>rerank</c> configuration learns from (the train split); cross-validated when they are the ones evaluated.</summary>
    public IReadOnlyList<AcordQuery> RerankerTrainingQueries { get; init; } = [];

    /// <summary>
    /// The clause-category model (the local analyst) that gives the <c>rerank</c> configuration its
    /// category-feedback feature; without it the reranker uses only its keyword, dense and length features.
    /// </summary>
    public Analysis.LocalAnalyst? CategoryModel { get; init; }

    /// <summary>
    /// Reassigns the train split's queries to cross-validation folds (empty: the standard assignment).
    /// With 51 queries one 5-fold split is noisy; scoring a change over several salts shows whether
    /// it helps beyond that noise.
    /// </summary>
    public string FoldSalt { get; init; } = "";

    /// <summary>The CUAD folder (master_clauses.csv, category_descriptions.csv) the <c>adapter</c> feature group learns from.</summary>
    public string? AdapterData { get; init; }

    /// <summary>A CUAD folder whose annotated clauses the <c>tuned</c> configurations also learn from (null: ACORD's train judgements only).</summary>
    public string? TuningData { get; init; }

    /// <summary>Feature groups the <c>rerank</c> configuration adds to its own (for measuring; none by default).</summary>
    public AcordExtraFeatures RerankExtras { get; init; } = AcordExtraFeatures.None;

    public async Task<AcordEvaluation> EvaluateAsync(AcordDataset data, IReadOnlyList<string> configs, IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = configs.Select(c => Learned.Contains(c) ? new RetrievalConfig(c, 0, 1) : RetrievalConfig.Parse(c)).ToList();
        if (configs.Any(Learned.Contains) && RerankerTrainingQueries.Count == 0)
        {
            throw new TandemException($"the {string.Join(" and ", configs.Where(Learned.Contains))} configuration needs judged training queries", "evaluate with the train split's judgements available (qrels/train.tsv)");
        }

        if (configs.Contains("rerank") && RerankExtras.Has(AcordExtraFeatures.Adapter) && AdapterData is null)
        {
            throw new TandemException("the adapter feature learns from CUAD's annotated clauses, and no CUAD folder was given",
                "add --adapter-data <CUAD folder>, e.g. ../shared/data/cuad-dev");
        }

        var watch = Stopwatch.StartNew();
        using var keyword = new PassageIndex(data.Corpus.Select(kv => (kv.Key, kv.Value)));
        var embeddingWatch = Stopwatch.StartNew();
        DenseIndex? dense = null;
        Dictionary<string, float[]>? queryVectors = null;
        Dictionary<string, float[]>? vectorsById = null;
        if (parsed.Any(c => c.UsesDense))
        {
            var generator = Embeddings ?? throw new TandemException("the dense, hybrid and rerank configurations need an embedding model", "evaluate bm25 only, or give the evaluator an embedding model");
            var ids = data.Corpus.Keys.ToList();
            var corpus = await new StoredEmbeddings(generator, Vectors).GetAsync(ids.Select(id => data.Corpus[id]).ToList(), progress, cancellationToken);
            dense = new DenseIndex(ids.Select((id, i) => (id, corpus[i])).ToList());
            vectorsById = ids.Select((id, i) => (id, corpus[i])).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);
            var queryTexts = QueryTexts(data, RerankExtras.NeedsQualifierVector);
            // One query per call, embedded as a search embeds it (a short query takes MiniLM's bfloat16 pass).
            var queries = MiniLmEmbeddingGenerator.ForQueries(generator);
            queryVectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (var text in queryTexts)
            {
                queryVectors[text] = (await queries.GenerateVectorAsync(text, cancellationToken: cancellationToken)).ToArray();
            }
        }

        AcordExtraScorer.ClauseAndQueryVectors? tokens = null;
        if (configs.Contains("rerank") && RerankExtras.NeedsTokens)
        {
            tokens = await TokenVectorsAsync(data, progress, cancellationToken);
        }

        AcordExtraScorer.ClauseAndQueryVectors? adapted = null;
        if (configs.Contains("rerank") && RerankExtras.Has(AcordExtraFeatures.Adapter))
        {
            adapted = await AdaptedAsync(vectorsById!, queryVectors!, progress, cancellationToken);
        }

        // MiniLM with its last layer fine-tuned on the training queries' judgements (each query ranked by a model that never saw it).
        var miniLm = Embeddings?.GetService<MiniLmEmbeddingGenerator>();
        if (configs.Any(c => c is Tuned or RerankTuned) && miniLm is null)
        {
            throw new TandemException("the tuned configurations fine-tune the local MiniLM model, and another embedding model is configured", "leave out tuned and rerank-tuned, or use the default embedding model");
        }

        var tuned = configs.Any(c => c is Tuned or RerankTuned) ? AcordTunedDense.Build(data, RerankerTrainingQueries, FoldSalt, TuningData, miniLm!, progress, cancellationToken) : null;
        embeddingWatch.Stop();
        var extras = RerankExtras.Groups.Count == 0 || dense is null ? null : new AcordExtraScorer(RerankExtras, data, keyword, dense, queryVectors!, tokens) { Adapted = adapted };
        var reranker = configs.Contains("rerank") ? new AcordRerankRanker(data, RerankerTrainingQueries, keyword, dense!, queryVectors!, CategoryModel, vectorsById, FoldSalt, extras) : null;
        var tunedReranker = configs.Contains(RerankTuned)
            ? new AcordRerankRanker(data, RerankerTrainingQueries, keyword, dense!, queryVectors!, CategoryModel, vectorsById, FoldSalt, viewOf: tuned!.ViewFor)
            : null;

        var scores = new List<AcordScore>();
        foreach (var config in parsed)
        {
            foreach (var scope in new[] { "judged pool", "whole corpus" })
            {
                var perQuery = data.Queries.Select(q =>
                {
                    IReadOnlyCollection<string>? candidates = scope == "judged pool" ? q.Judgements.Keys.ToList() : null;
                    var ranking = config.Name switch
                    {
                        "rerank" => reranker!.Rank(q, candidates),
                        RerankTuned => tunedReranker!.Rank(q, candidates),
                        Tuned when tuned!.ViewFor(q.Id) is var view => Rank(config, q.Text, candidates, keyword, view.Dense, view.QueryVectors, data.Corpus.Count),
                        _ => Rank(config, q.Text, candidates, keyword, dense, queryVectors, data.Corpus.Count),
                    };
                    return (
                        Ndcg5: RankingMetrics.Ndcg(ranking, q.Judgements, 5),
                        Ndcg10: RankingMetrics.Ndcg(ranking, q.Judgements, 10),
                        Star3: RankingMetrics.PrecisionAt(ranking, q.Judgements, 5, 2),
                        Star4: RankingMetrics.PrecisionAt(ranking, q.Judgements, 5, 3),
                        Star5: RankingMetrics.PrecisionAt(ranking, q.Judgements, 5, 4));
                }).ToList();
                scores.Add(new AcordScore(config.Name, scope, Mean(perQuery.Select(p => p.Ndcg5)), Mean(perQuery.Select(p => p.Ndcg10)),
                    Mean(perQuery.Select(p => p.Star3)), Mean(perQuery.Select(p => p.Star4)), Mean(perQuery.Select(p => p.Star5))));
            }
        }

        return new AcordEvaluation(data.Queries.FirstOrDefault()?.Split ?? "", data.Queries.Count, data.Corpus.Count, scores, embeddingWatch.Elapsed, watch.Elapsed);
    }

    /// <summary>MiniLM with a fine-tuned last layer, dense alone (<see cref="AcordTunedDense"/>).</summary>
    public const string Tuned = "tuned";

    /// <summary>The reranker over the tuned model's vectors instead of MiniLM's own.</summary>
    public const string RerankTuned = "rerank-tuned";

    /// <summary>The configurations that learn from the training queries' judgements.</summary>
    private static readonly HashSet<string> Learned = new(StringComparer.Ordinal) { "rerank", Tuned, RerankTuned };

    /// <summary>Whether a configuration learns from the train split's judgements (so the caller must load them).</summary>
    public static bool LearnsFromJudgements(string config) => Learned.Contains(config);

    /// <summary>The query texts to embed: every evaluated and training query, and with <paramref name="qualifiers"/> their qualifiers too.</summary>
    private List<string> QueryTexts(AcordDataset data, bool qualifiers) =>
        data.Queries.Concat(RerankerTrainingQueries).SelectMany(q => qualifiers ? (string[])[q.Text, AcordExtraScorer.QualifierOf(q)] : [q.Text])
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// MiniLM token vectors of every clause (kept in <see cref="Vectors"/> under their own model id,
    /// so only the first run computes them) and of every query text and qualifier.
    /// </summary>
    private async Task<AcordExtraScorer.ClauseAndQueryVectors> TokenVectorsAsync(AcordDataset data, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        if (Embeddings?.GetService<MiniLmEmbeddingGenerator>() is null)
        {
            throw new TandemException("the late-interaction reranker features need the local MiniLM model's token vectors", "leave out maxsim and qualifier-maxsim, or use the default embedding model");
        }

        var generator = new MiniLmEmbeddingGenerator { PerToken = true };
        var ids = data.Corpus.Keys.ToList();
        var clauses = await new StoredEmbeddings(generator, Vectors).GetAsync(ids.Select(id => data.Corpus[id]).ToList(), progress, cancellationToken);
        var texts = QueryTexts(data, qualifiers: true);
        var queries = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        return new AcordExtraScorer.ClauseAndQueryVectors(
            ids.Select((id, i) => (id, clauses[i])).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal),
            texts.Select((t, i) => (t, queries[i].Vector.ToArray())).ToDictionary(x => x.t, x => x.Item2, StringComparer.Ordinal));
    }

    /// <summary>
    /// Unit vectors of the corpus and the queries after a <see cref="CategoryAdapter"/> learned on the
    /// annotated clauses of the CUAD folder <see cref="AdapterData"/> (their MiniLM vectors are kept in
    /// <see cref="Vectors"/> like the corpus's; the training itself takes about 2 s).
    /// </summary>
    private async Task<AcordExtraScorer.ClauseAndQueryVectors> AdaptedAsync(Dictionary<string, float[]> clauses, Dictionary<string, float[]> queries,
        IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var folder = AdapterData!; // checked before anything was loaded
        var cuad = CuadDataset.Load(folder);
        var descriptions = CuadRetrievalEvaluator.CategoryQueries(folder);
        var names = descriptions.Keys.Order(StringComparer.Ordinal).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var snippets = cuad.Contracts.SelectMany(c => c.Gold.Where(g => index.ContainsKey(g.Key)).SelectMany(g => g.Value.Select(t => (Category: index[g.Key], Text: t))))
            .Where(x => x.Text.Length > 0).ToList();
        var vectors = await new StoredEmbeddings(Embeddings!, Vectors).GetAsync(snippets.Select(x => x.Text).ToList(), progress, cancellationToken);
        var categoryVectors = new List<float[]>();
        foreach (var name in names)
        {
            categoryVectors.Add((await Embeddings!.GenerateVectorAsync(descriptions[name], cancellationToken: cancellationToken)).ToArray());
        }

        var adapter = CategoryAdapter.Train(categoryVectors, snippets.Select((x, i) => (x.Category, vectors[i])).ToList());
        return new AcordExtraScorer.ClauseAndQueryVectors(
            clauses.ToDictionary(kv => kv.Key, kv => adapter.Map(kv.Value), StringComparer.Ordinal),
            queries.ToDictionary(kv => kv.Key, kv => adapter.Map(kv.Value), StringComparer.Ordinal));
    }

    /// <summary>The top 10 of <paramref name="candidates"/> (the whole corpus when null) for a configuration.</summary>
    private static List<string> Rank(RetrievalConfig config, string query, IReadOnlyCollection<string>? candidates, PassageIndex keyword,
        DenseIndex? dense, IReadOnlyDictionary<string, float[]>? queryVectors, int corpusSize)
    {
        const int depth = 100;
        var allowed = candidates?.ToHashSet(StringComparer.Ordinal);
        // BM25 ranks only clauses sharing a word with the query; the rest of a pool follows in id order.
        var keywordRanking = config.Bm25Weight > 0
            ? keyword.Search(query, corpusSize).Select(h => h.Id).Where(id => allowed is null || allowed.Contains(id)).Take(depth).ToList()
            : null;
        var denseRanking = config.UsesDense && dense is not null && queryVectors is not null
            ? dense.Search(queryVectors[query], depth, candidates).Select(h => h.Id).ToList()
            : null;
        var result = config.Combine(keywordRanking, denseRanking).Take(10).ToList();
        if (result.Count < 10 && allowed is not null)
        {
            result.AddRange(allowed.Except(result).Order(StringComparer.Ordinal).Take(10 - result.Count));
        }

        return result;
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}
