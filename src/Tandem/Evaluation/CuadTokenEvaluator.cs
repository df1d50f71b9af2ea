using System.Diagnostics;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Prompting;
using Tandem.Store;

namespace Tandem.Evaluation;

/// <summary>
/// Measures the prompt each strategy would send to review every contract of a CUAD-style folder,
/// without calling a model: the local analyst ranks a contract's clauses (the retrieved context,
/// shared by all strategies), its likely categories choose the few-shot examples, and the
/// examples are gold clauses of <em>other</em> contracts. Tokens are counted with o200k.
/// </summary>
public sealed class CuadTokenEvaluator(CuadTrainingSet trainingSet, LocalAnalyst analyst, TokenCounter tokens)
{
    /// <summary>Examples kept per category in the pool (the first by a stable order), to bound the search.</summary>
    public int PoolPerCategory { get; init; } = 200;

    public async Task<TokenEvaluation> EvaluateAsync(CuadDataset data, IReadOnlyList<PromptStrategy> strategies, IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        var watch = Stopwatch.StartNew();
        var labelling = await trainingSet.BuildAsync(data, progress, cancellationToken);
        var categories = ClauseCategories.All;
        var pool = new List<(string Contract, ReviewExample Example)>();
        for (var k = 0; k < categories.Count; k++)
        {
            var category = categories[k];
            pool.AddRange(labelling.Clauses.Where(c => c.Labels[k])
                .OrderBy(c => CuadEvaluator.FoldOf(c.Contract + "\n" + c.Row.Text, int.MaxValue))
                .Take(PoolPerCategory)
                .Select(c => (c.Contract, new ReviewExample(category, c.Row.Text, "medium", $"The clause is a {category} clause."))));
        }

        var builder = new ReviewPromptBuilder(tokens);
        var sizes = strategies.ToDictionary(s => s.Name, _ => new List<(int Tokens, int Examples, int Passages)>(), StringComparer.Ordinal);
        var contracts = 0;
        foreach (var group in labelling.Clauses.GroupBy(c => c.Contract, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new WorkProgress("ranking context and building prompts", contracts, data.Contracts.Count));
            contracts++;
            var rows = group.ToList();
            var scores = analyst.ScoreRows(rows.Select(r => r.Row).ToList());
            var ranked = Enumerable.Range(0, rows.Count).OrderByDescending(i => scores[i].Max()).ThenBy(i => i).ToList();
            var context = ranked.Select(i => new Passage(group.Key, group.Key, 1, i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), rows[i].Row.Heading.Length == 0 ? null : rows[i].Row.Heading,
                0, rows[i].Row.Text.Length, rows[i].Row.Text, scores[i].Max())).ToList();
            var likely = ranked.Where(i => scores[i].Max() >= 0.3f).Select(i => categories[Array.IndexOf(scores[i], scores[i].Max())]).ToList();
            var examples = pool.Where(p => p.Contract != group.Key).Select(p => p.Example).ToList();
            foreach (var strategy in strategies)
            {
                var prompt = builder.Build(strategy, context, likely, examples);
                sizes[strategy.Name].Add((prompt.PromptTokens, prompt.Examples, prompt.Context.Count));
            }
        }

        var result = strategies.Select(s =>
        {
            var list = sizes[s.Name];
            var sorted = list.Select(x => x.Tokens).Order().ToList();
            return new TokenScore(s.Name, list.Count == 0 ? 0 : list.Average(x => x.Tokens), Percentile(sorted, 0.5), Percentile(sorted, 0.95),
                list.Count == 0 ? 0 : list.Average(x => x.Examples), list.Count == 0 ? 0 : list.Average(x => x.Passages));
        }).ToList();
        return new TokenEvaluation(contracts, result, watch.Elapsed);
    }

    private static int Percentile(List<int> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
