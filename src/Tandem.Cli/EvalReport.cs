using System.Globalization;
using System.Text;
using ScottPlot;
using Tandem.Evaluation;

namespace Tandem.Cli;

/// <summary>Markdown reports of the evaluations, with their charts rendered to PNG beside them.</summary>
internal static class EvalReport
{
    public static string WriteCuad(IReadOnlyList<CuadEvaluation> results, string folder)
    {
        Directory.CreateDirectory(folder);
        var us = CultureInfo.InvariantCulture;

        var curve = new Plot();
        foreach (var result in results)
        {
            var line = curve.Add.Scatter(result.OverallCurve.Select(c => c.Recall).ToArray(), result.OverallCurve.Select(c => c.Precision).ToArray());
            line.MarkerSize = 0;
            line.LegendText = result.Config;
        }

        curve.Title("CUAD: precision-recall, pooled over categories");
        curve.XLabel("recall");
        curve.YLabel("precision");
        curve.Axes.SetLimits(0, 1, 0, 1);
        curve.ShowLegend(Alignment.UpperRight);
        curve.SavePng(Path.Combine(folder, "cuad-pr-curve.png"), 800, 500);

        // Categories in the order of the first configuration's AUPR; one bar per configuration.
        var scored = results[0].Categories.Where(c => c.GoldSpans > 0).OrderByDescending(c => c.Aupr).Select(c => c.Name).ToList();
        var bars = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var width = 0.8 / results.Count;
        for (var r = 0; r < results.Count; r++)
        {
            var byName = results[r].Categories.ToDictionary(c => c.Name, c => c.Aupr, StringComparer.Ordinal);
            var series = scored.Select((name, i) => new Bar { Position = i - 0.4 + (width * (r + 0.5)), Value = 100 * byName.GetValueOrDefault(name), Size = width, FillColor = palette.GetColor(r) }).ToList();
            bars.Add.Bars(series).LegendText = results[r].Config;
        }

        bars.Axes.Bottom.SetTicks(Enumerable.Range(0, scored.Count).Select(i => (double)i).ToArray(), scored.ToArray());
        bars.Axes.Bottom.TickLabelStyle.Rotation = 60;
        bars.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        bars.Axes.Bottom.MinimumSize = 190;
        bars.ShowLegend(Alignment.UpperRight);
        bars.Title("CUAD: AUPR by category");
        bars.YLabel("AUPR");
        bars.SavePng(Path.Combine(folder, "cuad-categories.png"), 1200, 650);

        var md = new StringBuilder();
        md.AppendLine("# CUAD clause-extraction evaluation").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{results[0].Contracts} contracts. Scoring: word-level Jaccard >= 0.5 per span, AUPR and precision at 80%/90% recall.").AppendLine();
        md.AppendLine("| Config | Mode | Pooled AUPR | Mean AUPR over categories | P@80%R | P@90%R | Time |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Config} | {r.Mode} | **{(100 * r.Overall.Aupr).ToString("0.0", us)}** | {(100 * r.MacroAupr).ToString("0.0", us)} | {(100 * r.Overall.PrecisionAt80Recall).ToString("0.0", us)} | {(100 * r.Overall.PrecisionAt90Recall).ToString("0.0", us)} | {r.Elapsed.TotalMinutes.ToString("0.0", us)} min |");
        }

        md.AppendLine().AppendLine("![precision-recall curve](cuad-pr-curve.png)").AppendLine();
        md.AppendLine("![AUPR by category](cuad-categories.png)").AppendLine();
        md.AppendLine("AUPR, P@80%R and P@90%R per category and configuration:").AppendLine();
        md.AppendLine("| Category | Gold spans | " + string.Join(" | ", results.Select(r => r.Config + " AUPR | P@80%R | P@90%R")) + " |");
        md.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---|---|---|", results.Count)));
        foreach (var c in results[0].Categories.Append(results[0].Overall))
        {
            var cells = results.Select(r => r.Categories.Append(r.Overall).Single(x => x.Name == c.Name))
                .Select(x => $"{(100 * x.Aupr).ToString("0.0", us)} | {(100 * x.PrecisionAt80Recall).ToString("0.0", us)} | {(100 * x.PrecisionAt90Recall).ToString("0.0", us)}");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.GoldSpans} | {string.Join(" | ", cells)} |");
        }

        var path = Path.Combine(folder, "cuad-report.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    public static string WriteCuadRetrieval(CuadRetrievalEvaluation result, string folder)
    {
        Directory.CreateDirectory(folder);
        var us = CultureInfo.InvariantCulture;
        var configs = result.Scores.Select(s => s.Config).Distinct().ToList();
        foreach (var (measure, pick) in new (string, Func<CuadRetrievalScore, double>)[] { ("precision", s => s.Precision), ("recall", s => s.Recall) })
        {
            var plot = new Plot();
            foreach (var config in configs)
            {
                var points = result.Scores.Where(s => s.Config == config).OrderBy(s => s.K).ToList();
                var line = plot.Add.Scatter(points.Select(s => Math.Log2(s.K)).ToArray(), points.Select(pick).ToArray());
                line.LegendText = config;
            }

            plot.Axes.Bottom.SetTicks(CuadRetrievalEvaluator.Ks.Select(k => Math.Log2(k)).ToArray(), CuadRetrievalEvaluator.Ks.Select(k => k.ToString(us)).ToArray());
            plot.Title($"CUAD retrieval: character {measure} at k");
            plot.XLabel("k (clauses retrieved)");
            plot.YLabel(measure);
            plot.Axes.SetLimitsY(0, 1);
            plot.ShowLegend(measure == "recall" ? Alignment.LowerRight : Alignment.UpperRight);
            plot.SavePng(Path.Combine(folder, $"cuad-retrieval-{measure}.png"), 800, 500);
        }

        var md = new StringBuilder();
        md.AppendLine("# CUAD retrieval evaluation (LegalBench-RAG style)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{result.Queries} contract-category queries with located annotations, each searched within its contract; {result.Elapsed.TotalSeconds.ToString("0", us)} s.").AppendLine();
        md.AppendLine("![precision at k](cuad-retrieval-precision.png)").AppendLine();
        md.AppendLine("![recall at k](cuad-retrieval-recall.png)").AppendLine();
        md.AppendLine("| Config | Measure | " + string.Join(" | ", CuadRetrievalEvaluator.Ks.Select(k => "k=" + k.ToString(us))) + " |");
        md.AppendLine("|---|---|" + string.Concat(CuadRetrievalEvaluator.Ks.Select(_ => "---|")));
        foreach (var config in configs)
        {
            var points = result.Scores.Where(s => s.Config == config).OrderBy(s => s.K).ToList();
            md.AppendLine(CultureInfo.InvariantCulture, $"| {config} | precision | {string.Join(" | ", points.Select(s => s.Precision.ToString("0.000", us)))} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {config} | recall | {string.Join(" | ", points.Select(s => s.Recall.ToString("0.000", us)))} |");
        }

        var path = Path.Combine(folder, "cuad-retrieval-report.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    public static string WriteAcord(AcordEvaluation result, string folder)
    {
        Directory.CreateDirectory(folder);
        var us = CultureInfo.InvariantCulture;
        var configs = result.Scores.Select(s => s.Config).Distinct().ToList();
        var plot = new Plot();
        var position = 0.0;
        var ticks = new List<Tick>();
        foreach (var config in configs)
        {
            foreach (var (scope, color) in new[] { ("judged pool", Colors.SteelBlue), ("whole corpus", Colors.Orange) })
            {
                var score = result.Scores.Single(s => s.Config == config && s.Scope == scope);
                var bar = plot.Add.Bar(position, score.Ndcg10);
                bar.Color = color;
                position += 1;
            }

            ticks.Add(new Tick(position - 1.5, config));
            position += 1;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Title($"ACORD {result.Split}: NDCG@10 (blue: judged pool, orange: whole corpus)");
        plot.YLabel("NDCG@10");
        plot.Axes.SetLimitsY(0, 1);
        plot.SavePng(Path.Combine(folder, $"acord-{result.Split}-ndcg10.png"), 900, 500);

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# ACORD retrieval evaluation ({result.Split})").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- {result.Queries} queries, {result.CorpusSize} clauses; corpus and queries embedded (or read from the store) in {result.Embedding.TotalSeconds.ToString("0.0", us)} s; total {result.Elapsed.TotalSeconds.ToString("0.0", us)} s").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![NDCG@10](acord-{result.Split}-ndcg10.png)").AppendLine();
        md.AppendLine("| Config | Scope | NDCG@5 | NDCG@10 | P@5 3+ stars | P@5 4+ stars | P@5 5 stars |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in result.Scores)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Config} | {s.Scope} | {s.Ndcg5.ToString("0.000", us)} | {s.Ndcg10.ToString("0.000", us)} | {s.Precision5Star3.ToString("0.000", us)} | {s.Precision5Star4.ToString("0.000", us)} | {s.Precision5Star5.ToString("0.000", us)} |");
        }

        var path = Path.Combine(folder, $"acord-{result.Split}-report.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }
}
