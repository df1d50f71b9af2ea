using System.Globalization;
using System.Text;
using ScottPlot;
using Tandem.Evaluation;

namespace Tandem.Cli;

/// <summary>A Markdown report of a CUAD evaluation with its charts rendered to PNG beside it.</summary>
internal static class EvalReport
{
    public static string WriteCuad(CuadEvaluation result, string folder)
    {
        Directory.CreateDirectory(folder);
        var us = CultureInfo.InvariantCulture;

        var curve = new Plot();
        var line = curve.Add.Scatter(result.OverallCurve.Select(c => c.Recall).ToArray(), result.OverallCurve.Select(c => c.Precision).ToArray());
        line.MarkerSize = 0;
        curve.Title("CUAD: precision-recall, pooled over categories");
        curve.XLabel("recall");
        curve.YLabel("precision");
        curve.Axes.SetLimits(0, 1, 0, 1);
        curve.SavePng(Path.Combine(folder, "cuad-pr-curve.png"), 800, 500);

        var scored = result.Categories.Where(c => c.GoldSpans > 0).OrderByDescending(c => c.Aupr).ToList();
        var bars = new Plot();
        bars.Add.Bars(scored.Select(c => 100 * c.Aupr).ToArray());
        bars.Axes.Bottom.SetTicks(Enumerable.Range(0, scored.Count).Select(i => (double)i).ToArray(), scored.Select(c => c.Name).ToArray());
        bars.Axes.Bottom.TickLabelStyle.Rotation = 60;
        bars.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        bars.Axes.Bottom.MinimumSize = 190;
        bars.Title("CUAD: AUPR by category");
        bars.YLabel("AUPR");
        bars.SavePng(Path.Combine(folder, "cuad-categories.png"), 1200, 650);

        var md = new StringBuilder();
        md.AppendLine("# CUAD evaluation of the local analyst").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Mode: {result.Mode}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Contracts: {result.Contracts}; time {result.Elapsed.TotalMinutes.ToString("0.0", us)} min");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Pooled AUPR **{(100 * result.Overall.Aupr).ToString("0.0", us)}**; mean over categories {(100 * result.MacroAupr).ToString("0.0", us)}; precision at 80% recall {(100 * result.Overall.PrecisionAt80Recall).ToString("0.0", us)}").AppendLine();
        md.AppendLine("![precision-recall curve](cuad-pr-curve.png)").AppendLine();
        md.AppendLine("![AUPR by category](cuad-categories.png)").AppendLine();
        md.AppendLine("| Category | Gold spans | AUPR | P@80%R | P@90%R |").AppendLine("|---|---|---|---|---|");
        foreach (var c in result.Categories.Append(result.Overall))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.GoldSpans} | {(100 * c.Aupr).ToString("0.0", us)} | {(100 * c.PrecisionAt80Recall).ToString("0.0", us)} | {(100 * c.PrecisionAt90Recall).ToString("0.0", us)} |");
        }

        var path = Path.Combine(folder, "cuad-report.md");
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
        md.AppendLine(CultureInfo.InvariantCulture, $"- {result.Queries} queries, {result.CorpusSize} clauses; embedding learned in {result.EmbeddingTraining.TotalSeconds.ToString("0.0", us)} s; total {result.Elapsed.TotalSeconds.ToString("0.0", us)} s").AppendLine();
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
