using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Tandem.Analysis;
using Tandem.Learning;

namespace Tandem.Evaluation;

/// <summary>
/// Runs the local analyst over a CUAD-style data set and scores it the CUAD way. In-sample mode
/// scores a given model (dishonest when that model was trained on the same data, and labelled
/// so); k-fold mode trains on k-1 folds of contracts and scores the held-out fold, so every
/// contract is scored by a model that never saw it.
/// </summary>
public sealed class CuadEvaluator(CuadTrainingSet trainingSet)
{
    /// <summary>Clauses kept per contract and category as predictions (the most confident ones).</summary>
    public int PredictionsPerQuestion { get; init; } = 10;

    public async Task<CuadEvaluation> EvaluateAsync(CuadDataset data, LocalAnalyst? model, int folds, LocalAnalystTrainingOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (model is null && folds < 2)
        {
            throw new TandemException($"--folds must be 2 or more, not {folds}", "e.g. --folds 5");
        }

        var watch = Stopwatch.StartNew();
        progress?.Report($"reading and segmenting {data.Contracts.Count} contracts");
        var labelling = await trainingSet.BuildAsync(data, cancellationToken: cancellationToken);
        var byContract = labelling.Clauses.GroupBy(c => c.Contract, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var scores = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        if (model is not null)
        {
            foreach (var (contract, rows) in byContract)
            {
                scores[contract] = model.ScoreRows(rows.Select(r => r.Row).ToList());
            }
        }
        else
        {
            for (var fold = 0; fold < folds; fold++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var test = byContract.Keys.Where(c => FoldOf(c, folds) == fold).ToHashSet(StringComparer.Ordinal);
                var train = labelling.Clauses.Where(c => !test.Contains(c.Contract)).ToList();
                progress?.Report($"fold {fold + 1}/{folds}: training on {byContract.Count - test.Count} contracts, scoring {test.Count}");
                var analyst = new LocalAnalyst(new LocalAnalystTrainer().TrainSinglePass(train, options));
                foreach (var contract in test)
                {
                    scores[contract] = analyst.ScoreRows(byContract[contract].Select(r => r.Row).ToList());
                }
            }
        }

        var questions = new List<CuadQuestion>();
        var categories = ClauseCategories.All;
        foreach (var contract in data.Contracts)
        {
            var rows = byContract.GetValueOrDefault(contract.Name) ?? [];
            var contractScores = scores.GetValueOrDefault(contract.Name) ?? [];
            for (var k = 0; k < categories.Count; k++)
            {
                var predictions = Enumerable.Range(0, rows.Count)
                    .OrderByDescending(i => contractScores[i][k])
                    .Take(PredictionsPerQuestion)
                    .Select(i => new CuadPrediction(rows[i].Row.Text, contractScores[i][k]))
                    .ToList();
                questions.Add(new CuadQuestion(contract.Name, categories[k], contract.Gold.GetValueOrDefault(categories[k]) ?? [], predictions));
            }
        }

        var perCategory = categories.Select(c => CuadScore.Of(c, questions.Where(q => q.Category == c).ToList())).ToList();
        var withGold = perCategory.Where(c => c.GoldSpans > 0).ToList();
        var mode = model is null ? $"{folds}-fold cross-validation by contract" : "in-sample: the given model scores contracts it may have been trained on";
        var curve = CuadScoring.Curve(questions);
        var step = Math.Max(1, curve.Count / 200);
        return new CuadEvaluation(mode, data.Contracts.Count, CuadScore.Of("overall", questions),
            withGold.Count == 0 ? 0 : withGold.Average(c => c.Aupr), perCategory, watch.Elapsed)
        {
            OverallCurve = curve.Where((_, i) => i % step == 0 || i == curve.Count - 1).ToList(),
        };
    }

    /// <summary>A stable fold assignment by contract name.</summary>
    public static int FoldOf(string contract, int folds) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(contract)), 4) % (uint)folds);
}
