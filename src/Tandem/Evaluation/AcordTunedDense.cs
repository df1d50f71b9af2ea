using System.Collections.Concurrent;
using Tandem.Retrieval;

namespace Tandem.Evaluation;

/// <summary>
/// The <c>tuned</c> dense model of the ACORD evaluation: MiniLM with its last layer fine-tuned
/// (<see cref="LastLayerTuning"/>) on the training queries' graded judgements. A query is always
/// ranked by a model that never saw its judgements: a training query by the model of the other four
/// folds (the same folds as the reranker's), any other query by the model of all training queries.
/// Each list a model learns from is a query, every clause it graded 1 or more (target = grade), 64
/// of the clauses it graded 0 and 32 clauses outside its pool, the negatives drawn again each epoch.
/// With a CUAD folder, each epoch also holds one list per CUAD category: its description as the query,
/// 12 of its annotated clauses as positives and 48 of other categories' as negatives (from up to 40
/// clauses kept per category), which reaches categories the ACORD train queries barely hold.
/// </summary>
internal sealed class AcordTunedDense
{
    private const int Folds = 5;
    private const int JudgedNegatives = 64;
    private const int UnjudgedNegatives = 32;
    private const int CategoryClauses = 40;
    private const int CategoryPositives = 12;
    private const int CategoryNegatives = 48;

    private readonly List<string> _ids;
    private readonly LastLayerParts[] _clauses;
    private readonly Dictionary<string, LastLayerParts> _queries;
    private readonly Dictionary<string, AcordDenseView> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _modelOfQuery = new(StringComparer.Ordinal);
    private List<(LastLayerParts Query, LastLayerParts[] Clauses)> _categories = [];

    private AcordTunedDense(List<string> ids, LastLayerParts[] clauses, Dictionary<string, LastLayerParts> queries)
    {
        _ids = ids;
        _clauses = clauses;
        _queries = queries;
    }

    /// <summary>How the models learn (the options measured in docs/quality.md).</summary>
    internal static TuningOptions Options { get; } = new() { Rank = 8, Epochs = 8 };

    /// <summary>
    /// Computes every clause's and query's last-layer activations (MiniLM's own pass over the texts as
    /// <paramref name="tokenizer"/>, the evaluator's model, cuts them; about 3 minutes for ACORD's 3,931 clauses on
    /// two cores), then trains one model per fold and one on all training queries.
    /// </summary>
    public static AcordTunedDense Build(AcordDataset data, IReadOnlyList<AcordQuery> training, string foldSalt, string? cuadFolder, MiniLmEmbeddingGenerator tokenizer,
        IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        if (training.Count == 0)
        {
            throw new TandemException("the tuned configurations learn from judged training queries, and there are none", "evaluate with the train split's judgements available (qrels/train.tsv)");
        }

        var encoder = MiniLmEmbeddingGenerator.SharedEncoder;
        var ids = data.Corpus.Keys.ToList();
        var clauses = new LastLayerParts[ids.Count];
        var done = 0;
        Parallel.For(0, ids.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            clauses[i] = encoder.LastLayer(tokenizer.Tokenize(data.Corpus[ids[i]]), cancellationToken);
            var count = Interlocked.Increment(ref done);
            if (count % 256 == 0 || count == ids.Count)
            {
                progress?.Report(new WorkProgress("last-layer activations", count, ids.Count));
            }
        });

        var queries = new ConcurrentDictionary<string, LastLayerParts>(StringComparer.Ordinal);
        Parallel.ForEach(data.Queries.Concat(training).Select(q => q.Text).Distinct(StringComparer.Ordinal), new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            text => queries[text] = encoder.LastLayer(tokenizer.Tokenize(text), cancellationToken));
        var tuned = new AcordTunedDense(ids, clauses, new Dictionary<string, LastLayerParts>(queries, StringComparer.Ordinal));
        if (cuadFolder is not null)
        {
            progress?.Report(new WorkProgress("last-layer activations of CUAD's annotated clauses"));
            tuned._categories = Categories(cuadFolder, text => encoder.LastLayer(tokenizer.Tokenize(text), cancellationToken));
        }

        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var groups = training.GroupBy(q => AcordRerankRanker.FoldOf(q.Id, foldSalt)).ToDictionary(g => g.Key, g => g.ToList());
        var models = new List<(string Key, List<AcordQuery> Learns)> { ("all", training.ToList()) };
        for (var fold = 0; fold < Folds; fold++)
        {
            models.Add(($"fold {fold}", training.Where(q => AcordRerankRanker.FoldOf(q.Id, foldSalt) != fold).ToList()));
            foreach (var q in groups.GetValueOrDefault(fold) ?? [])
            {
                tuned._modelOfQuery[q.Id] = $"fold {fold}";
            }
        }

        foreach (var (key, learns) in models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new WorkProgress($"tuning MiniLM's last layer ({key})", 0, Options.Epochs));
            var model = learns.Count == 0 ? null : LastLayerTuning.Train(encoder.LastNorm, epoch => tuned.Lists(learns, position, epoch), Options, cancellationToken: cancellationToken);
            tuned._views[key] = tuned.View(model ?? LastLayerTuning.Untuned(encoder.LastNorm, clauses[0].Wide.Length / clauses[0].Tokens, Options.Rank, Options.Seed));
        }

        return tuned;
    }

    /// <summary>Each CUAD category's description and up to 40 of its annotated clauses (40 characters or more), as activations.</summary>
    private static List<(LastLayerParts Query, LastLayerParts[] Clauses)> Categories(string folder, Func<string, LastLayerParts> activations)
    {
        var cuad = CuadDataset.Load(folder);
        var random = new Random(5);
        var categories = new List<(LastLayerParts, LastLayerParts[])>();
        foreach (var (category, description) in CuadRetrievalEvaluator.CategoryQueries(folder).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var texts = cuad.Contracts.SelectMany(c => c.Gold.GetValueOrDefault(category) ?? []).Where(t => t.Length >= 40).Distinct(StringComparer.Ordinal).ToArray();
            random.Shuffle(texts);
            var kept = texts.Take(CategoryClauses).ToArray();
            if (kept.Length >= 8)
            {
                var clauses = new LastLayerParts[kept.Length];
                Parallel.For(0, kept.Length, LastLayerTuning.Cores, i => clauses[i] = activations(kept[i]));
                categories.Add((activations(description), clauses));
            }
        }

        return categories;
    }

    /// <summary>The vectors a query is ranked with: from the model that never saw its judgements.</summary>
    public AcordDenseView ViewFor(string queryId) => _views[_modelOfQuery.GetValueOrDefault(queryId) ?? "all"];

    private AcordDenseView View(LastLayerTuning model)
    {
        var vectors = new float[_ids.Count][];
        Parallel.For(0, _ids.Count, LastLayerTuning.Cores, i => vectors[i] = model.Embed(_clauses[i]));
        var byId = _ids.Select((id, i) => (id, vectors[i])).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);
        var queries = _queries.ToDictionary(kv => kv.Key, kv => model.Embed(kv.Value), StringComparer.Ordinal);
        return new AcordDenseView(new DenseIndex(_ids.Select((id, i) => (id, vectors[i])).ToList()), queries, byId);
    }

    private List<LastLayerTuning.TrainingList> Lists(List<AcordQuery> learns, Dictionary<string, int> position, int epoch)
    {
        var random = new Random((epoch * 7919) + learns.Count);
        var lists = new List<LastLayerTuning.TrainingList>();
        for (var c = 0; c < _categories.Count; c++)
        {
            var items = _categories[c].Clauses.OrderBy(_ => random.Next()).Take(CategoryPositives).Select(p => (p, 1f)).ToList();
            for (var k = 0; k < CategoryNegatives; k++)
            {
                var other = random.Next(_categories.Count - 1);
                other += other >= c ? 1 : 0;
                var pool = _categories[other].Clauses;
                items.Add((pool[random.Next(pool.Length)], 0f));
            }

            lists.Add(new LastLayerTuning.TrainingList(_categories[c].Query, items));
        }

        foreach (var query in learns.OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            var judged = query.Judgements.Where(kv => position.ContainsKey(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var items = judged.Where(kv => kv.Value > 0).Select(kv => (_clauses[position[kv.Key]], (float)kv.Value)).ToList();
            var zeros = judged.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToArray();
            random.Shuffle(zeros);
            items.AddRange(zeros.Take(JudgedNegatives).Select(id => (_clauses[position[id]], 0f)));
            var outside = _ids.Count - judged.Count;
            for (var added = 0; added < Math.Min(UnjudgedNegatives, outside);)
            {
                var id = _ids[random.Next(_ids.Count)];
                if (!query.Judgements.ContainsKey(id))
                {
                    items.Add((_clauses[position[id]], 0f));
                    added++;
                }
            }

            lists.Add(new LastLayerTuning.TrainingList(_queries[query.Text], items));
        }

        return lists;
    }
}

/// <summary>One dense model's view of the ACORD corpus: its index, its query vectors by text, its clause vectors by id.</summary>
internal sealed record AcordDenseView(DenseIndex Dense, IReadOnlyDictionary<string, float[]> QueryVectors, IReadOnlyDictionary<string, float[]>? Vectors);
