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
}
