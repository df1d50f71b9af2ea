using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Retrieval;

namespace Tandem.Evaluation;

/// <summary>
/// Runs the local analyst over a CUAD-style data set and scores it the CUAD way. In-sample mode
/// scores a given model (dishonest when that model was trained on the same data, and labelled
/// so); k-fold mode trains on k-1 folds of contracts and scores the held-out fold, so every
/// contract is scored by a model that never saw it.
/// </summary>
public sealed class CuadEvaluator(CuadTrainingSet trainingSet)
{
    /// <summary>Whether date categories answer with the dates found in their clauses (see <see cref="DateAnswers"/>).</summary>
    public bool AnswerDates { get; init; } = true;

    /// <summary>
    /// Scores each configuration on the same labelled clauses: <c>local</c> (the model at
    /// <paramref name="defaultModelPath"/> in-sample, or, with <paramref name="folds"/> ≥ 2, a
    /// model trained per fold), <c>local:&lt;model file&gt;</c> (that model, in-sample) and
    /// <c>keyword</c> (no model: BM25 of the category's name and description within the
    /// contract, the baseline retrieval alone gives).
    /// </summary>
    public async Task<IReadOnlyList<CuadEvaluation>> EvaluateAsync(CuadDataset data, IReadOnlyList<string> configs, int folds, string defaultModelPath,
        LocalAnalystTrainingOptions options, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configs);
        if (folds is 1 or < 0)
        {
            throw new TandemException($"--folds must be 2 or more, not {folds}", "e.g. --folds 5");
        }

        // Check every configuration (and load its model) before the slow part.
        var models = new Dictionary<string, LocalAnalyst?>(StringComparer.Ordinal);
        foreach (var config in configs.Distinct(StringComparer.Ordinal))
        {
            models[config] = config switch
            {
                "local" => folds >= 2 ? null : LocalAnalyst.Load(defaultModelPath),
                "keyword" => null,
                _ when config.StartsWith("local:", StringComparison.Ordinal) => LocalAnalyst.Load(config["local:".Length..]),
                _ => throw new TandemException($"unknown extraction configuration '{config}'", "use local, local:<model file> or keyword, e.g. --compare keyword,local"),
            };
        }

        var labelling = await trainingSet.BuildAsync(data, progress, cancellationToken);
        var byContract = labelling.Clauses.GroupBy(c => c.Contract, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var results = new List<CuadEvaluation>();
        foreach (var (config, model) in models)
        {
            var watch = Stopwatch.StartNew();
            var scores = config switch
            {
                "keyword" => KeywordScores(byContract, CuadRetrievalEvaluator.CategoryQueries(data.Folder)),
                _ when model is not null => byContract.ToDictionary(kv => kv.Key, kv => model.ScoreRows(kv.Value.Select(r => r.Row).ToList()), StringComparer.Ordinal),
                _ => CrossValidatedScores(labelling.Clauses, byContract, folds, options, progress, cancellationToken),
            };
            var mode = config switch
            {
                "keyword" => "no model: BM25 of the category description within each contract",
                _ when model is null => $"{folds}-fold cross-validation by contract",
                _ => "in-sample: the given model scores contracts it may have been trained on",
            };
            results.Add(Score(data, byContract, scores, mode, watch.Elapsed) with { Config = config });
        }

        return results;
    }

    private static Dictionary<string, float[][]> CrossValidatedScores(IReadOnlyList<LabelledClause> clauses, Dictionary<string, List<LabelledClause>> byContract,
        int folds, LocalAnalystTrainingOptions options, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var test = byContract.Keys.Where(c => FoldOf(c, folds) == fold).ToHashSet(StringComparer.Ordinal);
            var train = clauses.Where(c => !test.Contains(c.Contract)).ToList();
            var analyst = new LocalAnalyst(new LocalAnalystTrainer().TrainSinglePass(train, options, progress,
                $"fold {fold + 1}/{folds}: training on {byContract.Count - test.Count} contracts (categories)"));
            foreach (var contract in test)
            {
                scores[contract] = analyst.ScoreRows(byContract[contract].Select(r => r.Row).ToList());
            }
        }

        return scores;
    }

    /// <summary>Per clause and category, the clause's BM25 score for the category's query within its contract.</summary>
    private static Dictionary<string, float[][]> KeywordScores(Dictionary<string, List<LabelledClause>> byContract, Dictionary<string, string> queries)
    {
        var categories = ClauseCategories.All;
        var scores = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        foreach (var (contract, rows) in byContract)
        {
            var index = new Bm25Index(rows.Select(r => r.Row.Text).ToList());
            var matrix = rows.Select(_ => new float[categories.Count]).ToArray();
            for (var k = 0; k < categories.Count; k++)
            {
                foreach (var (item, score) in index.Search(queries.GetValueOrDefault(categories[k], categories[k]), rows.Count))
                {
                    matrix[item][k] = (float)score;
                }
            }

            scores[contract] = matrix;
        }

        return scores;
    }

    private CuadEvaluation Score(CuadDataset data, Dictionary<string, List<LabelledClause>> byContract, Dictionary<string, float[][]> scores, string mode, TimeSpan elapsed)
    {
        var questions = new List<CuadQuestion>();
        var categories = ClauseCategories.All;
        foreach (var contract in data.Contracts)
        {
            var rows = byContract.GetValueOrDefault(contract.Name) ?? [];
            var contractScores = scores.GetValueOrDefault(contract.Name) ?? [];
            for (var k = 0; k < categories.Count; k++)
            {
                var dated = AnswerDates && DateAnswers.Categories.Contains(categories[k]);
                var predictions = RankedPredictions(Enumerable.Range(0, rows.Count).Select(i => (rows[i].Row.Text, (double)contractScores[i][k])), dated);
                questions.Add(new CuadQuestion(contract.Name, categories[k], contract.Gold.GetValueOrDefault(categories[k]) ?? [], predictions));
            }
        }

        var perCategory = categories.Select(c => CuadScore.Of(c, questions.Where(q => q.Category == c).ToList())).ToList();
        var withGold = perCategory.Where(c => c.GoldSpans > 0).ToList();
        var curve = CuadScoring.Curve(questions);
        var step = Math.Max(1, curve.Count / 200);
        return new CuadEvaluation(mode, data.Contracts.Count, CuadScore.Of("overall", questions.Sum(q => q.Gold.Count), curve),
            withGold.Count == 0 ? 0 : withGold.Average(c => c.Aupr), perCategory, elapsed)
        {
            OverallCurve = curve.Where((_, i) => i % step == 0 || i == curve.Count - 1).Select(p => new CurvePoint(p.Threshold, p.Precision, p.Recall)).ToList(),
        };
    }

    /// <summary>
    /// The ranked list a contract's question is scored on: every piece with a positive score for
    /// the category, most confident first. The ten most confident alone capped pooled recall below
    /// 80% in cross-validation (a held-out model ranks many gold clauses below ten others of their
    /// contract), so precision at 80% and 90% recall was 0 whatever the model; a low-scored piece
    /// enters the curve only at its own, low threshold. A piece scored 0 is one the configuration
    /// did not retrieve (BM25 without a query word) and is no prediction at all. The analyzer's
    /// findings keep their own thresholds; this is the evaluation's list only.
    /// </summary>
    /// <param name="pieces">Each clause piece's text and its score for the category.</param>
    /// <param name="answerDates">Whether pieces answer with the dates in them (see <see cref="DatePredictions"/>).</param>
    public static IReadOnlyList<CuadPrediction> RankedPredictions(IEnumerable<(string Text, double Score)> pieces, bool answerDates) =>
        pieces.Where(p => p.Score > 0)
            .SelectMany(p => answerDates ? DatePredictions(p.Text, p.Score) : [new CuadPrediction(p.Text, p.Score)])
            .OrderByDescending(p => p.Confidence)
            .ToList();

    /// <summary>
    /// A clause predicted for a date category answers with the dates in it, the first with the
    /// clause's confidence and each later one a little less; a clause without a date stays whole.
    /// </summary>
    internal static IEnumerable<CuadPrediction> DatePredictions(string text, double confidence)
    {
        var dates = DateAnswers.Find(text);
        return dates.Count == 0
            ? [new CuadPrediction(text, confidence)]
            : dates.Select((d, j) => new CuadPrediction(text[d.Start..d.End], confidence * Math.Pow(0.9, j)));
    }

    /// <summary>A stable fold assignment by contract name.</summary>
    public static int FoldOf(string contract, int folds) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(contract)), 4) % (uint)folds);
}
