using ScottPlot;
using Tandem.Economics;

namespace Tandem.Cli;

/// <summary>PNG charts of the ROI: cumulative cost over a year, and a what-if curve.</summary>
internal static class RoiCharts
{
    private const int Width = 900;
    private const int Height = 520;

    /// <summary>Cumulative cost month by month, with a training run at the start of each cadence.</summary>
    public static void Cumulative(RoiScenario scenario, RoiResult result, string path, int months = 12)
    {
        var x = Enumerable.Range(0, months + 1).Select(m => (double)m).ToArray();
        var before = x.Select(m => (double)result.MonthlyCostBefore * m).ToArray();
        var after = x.Select(m => (double)result.MonthlyCostAfter * m
            + (double)result.TrainingCostPerRun * RunsPaidBy(m, (double)scenario.Training.RetrainEveryMonths)).ToArray();
        var plot = new Plot();
        var b = plot.Add.Scatter(x, before);
        b.LegendText = "few-shot base model";
        var a = plot.Add.Scatter(x, after);
        a.LegendText = "fine-tuned model incl. training runs";
        plot.Title($"{scenario.Name}: cumulative cost");
        plot.XLabel("month");
        plot.YLabel("USD");
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path);
    }

    /// <summary>Monthly saving, gross and net of amortised training, across one variable.</summary>
    public static void Sweep(RoiScenario scenario, string variable, IReadOnlyList<(decimal Value, RoiResult Result)> points, string path)
    {
        var x = points.Select(p => (double)p.Value).ToArray();
        var plot = new Plot();
        var gross = plot.Add.Scatter(x, points.Select(p => (double)p.Result.MonthlySaving).ToArray());
        gross.LegendText = "monthly saving before training";
        var net = plot.Add.Scatter(x, points.Select(p => (double)p.Result.NetMonthlySaving).ToArray());
        net.LegendText = "net monthly saving (training amortised)";
        plot.Add.HorizontalLine(0, color: Colors.Gray);
        plot.Title($"{scenario.Name}: saving by {variable}");
        plot.XLabel(variable);
        plot.YLabel("USD per month");
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path);
    }

    /// <summary>Runs paid by the end of month <paramref name="month"/>: the first at the start, then one per cadence.</summary>
    private static double RunsPaidBy(double month, double cadence) => month == 0 ? 1 : Math.Ceiling(month / cadence);

    private static void Save(Plot plot, string path)
    {
        if (Directory.Exists(path))
        {
            // Writing over a folder fails with "Access denied", which sends people to their permissions.
            throw new TandemException($"--chart {path} is a folder", $"give a .png file path, e.g. --chart {Path.Combine(path, "roi.png")}");
        }

        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            plot.SavePng(full, Width, Height);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TandemException($"cannot write the chart {path} ({ex.Message.TrimEnd('.')})", "choose another --chart path", ex);
        }
    }
}
