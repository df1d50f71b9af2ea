using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Economics;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem roi --scenario &lt;file.yaml&gt;</c>: does a fine-tune pay for itself?</summary>
internal static class RoiCommand
{
    private static readonly CultureInfo Us = CultureInfo.InvariantCulture;

    public static Command Create(CommandRunner run)
    {
        var scenarioPath = new Option<string>("--scenario") { Description = "Scenario YAML (see samples/scenarios/)", Required = true };
        var priceBook = CliOptions.PriceBookFile();
        var queries = new Option<decimal?>("--queries") { Description = "What-if: queries per month" };
        var multiplier = new Option<decimal?>("--ft-price-multiplier") { Description = "What-if: fine-tuned model billed at this multiple of the base price (e.g. 2)" };
        var reduction = new Option<decimal?>("--prompt-reduction") { Description = "What-if: share of prompt tokens the fine-tune saves (e.g. 0.4)" };
        var retrain = new Option<decimal?>("--retrain-months") { Description = "What-if: retrain every N months" };
        var sweep = new Option<string?>("--sweep") { Description = "Vary one variable: " + string.Join(", ", RoiScenario.Variables) };
        var from = new Option<decimal?>("--from") { Description = "Sweep start" };
        var to = new Option<decimal?>("--to") { Description = "Sweep end" };
        var steps = new Option<int>("--steps") { Description = "Sweep points", DefaultValueFactory = _ => 11 };
        var chart = new Option<string?>("--chart") { Description = "Write a PNG chart here (cumulative cost, or the sweep curve)" };
        var format = CliOptions.Format("text", "json");
        var command = new Command("roi", "Cost and payback of fine-tuning: monthly cost before and after, amortised training, payback, break-even")
        {
            scenarioPath, priceBook, queries, multiplier, reduction, retrain, sweep, from, to, steps, chart, format,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var book = CliOptions.LoadPriceBook(parse, priceBook);
            var scenario = RoiScenarioLoader.Load(parse.GetValue(scenarioPath)!, book);
            var whatIfs = new List<string>();
            foreach (var (option, name) in new[] { (queries, "queries"), (multiplier, "ft-price-multiplier"), (reduction, "prompt-reduction"), (retrain, "retrain-months") })
            {
                if (parse.GetValue(option) is { } value)
                {
                    scenario = scenario.With(name, value);
                    whatIfs.Add(string.Create(Us, $"{name} = {value}"));
                }
            }

            if (parse.GetValue(sweep) is { } variable)
            {
                var start = parse.GetValue(from) ?? throw new TandemException("--sweep needs --from and --to", "e.g. --sweep queries --from 5000 --to 100000");
                var end = parse.GetValue(to) ?? throw new TandemException("--sweep needs --from and --to", "e.g. --sweep queries --from 5000 --to 100000");
                var points = RoiCalculator.Sweep(scenario, variable, start, end, parse.GetValue(steps));
                if (parse.GetValue(chart) is { } sweepChart)
                {
                    RoiCharts.Sweep(scenario, variable, points, sweepChart);
                }

                await WriteSweepAsync(context, parse.GetValue(format)!, scenario, variable, points, parse.GetValue(chart));
                return 0;
            }

            var result = RoiCalculator.Calculate(scenario);
            if (parse.GetValue(chart) is { } chartPath)
            {
                RoiCharts.Cumulative(scenario, result, chartPath);
            }

            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { scenario, whatIfs, result }, ReportJson.Options));
                return 0;
            }

            WriteText(context.Console, scenario, result, whatIfs, parse.GetValue(chart));
            return 0;
        }));
        return command;
    }

    private static void WriteText(IAnsiConsole console, RoiScenario s, RoiResult r, IReadOnlyList<string> whatIfs, string? chart)
    {
        console.WriteLine($"Scenario: {s.Name}");
        if (whatIfs.Count > 0)
        {
            console.WriteLine("What-if: " + string.Join(", ", whatIfs));
        }

        console.WriteLine("Prices: " + string.Join("; ", s.PriceSources));
        console.WriteLine("Usage ledger: no metered calls recorded yet, so token counts are the scenario's own.");
        foreach (var assumption in s.Assumptions)
        {
            console.WriteLine(" - " + assumption);
        }

        console.WriteLine();
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("").AddColumn(new TableColumn("few-shot base model").RightAligned()).AddColumn(new TableColumn("fine-tuned model").RightAligned());
        table.AddRow("model", Markup.Escape(s.Before.Model), Markup.Escape(s.After.Model));
        table.AddRow("prompt tokens per query", Tokens(s.Before.PromptTokens), $"{Tokens(s.After.PromptTokens)} ({-r.PromptTokenReduction:+0%;-0%;0%})");
        table.AddRow("output tokens per query", Tokens(s.Before.OutputTokens), Tokens(s.After.OutputTokens));
        table.AddRow("price in / cached / out per 1M", Price(s.Before.Price), Price(s.After.Price));
        table.AddRow("cost per query", Money(r.CostPerQueryBefore, 4), Money(r.CostPerQueryAfter, 4));
        table.AddRow("queries per month", Tokens(s.QueriesPerMonth), Tokens(s.QueriesPerMonth));
        table.AddRow("monthly inference", Money(r.MonthlyInferenceBefore), Money(r.MonthlyInferenceAfter));
        if (s.Accuracy is not null)
        {
            table.AddRow("accuracy", s.Accuracy.Before.ToString("0.0%", Us), s.Accuracy.After.ToString("0.0%", Us));
            table.AddRow("monthly cost of errors", Money(r.MonthlyErrorCostBefore), Money(r.MonthlyErrorCostAfter));
        }

        table.AddRow("monthly cost (without training)", Money(r.MonthlyCostBefore), Money(r.MonthlyCostAfter));
        console.Write(table);
        console.Write(new BarChart().Width(90).Label("Monthly cost in USD, training amortised")
            .AddItem("few-shot base model", Math.Round((double)r.MonthlyCostBefore, 2), Color.Blue)
            .AddItem("fine-tuned model", Math.Round((double)(r.MonthlyCostAfter + r.AmortisedTrainingPerMonth), 2), Color.Green));
        console.WriteLine();

        var t = s.Training;
        console.WriteLine($"Monthly saving before training:  {Money(r.MonthlySaving)}");
        console.WriteLine($"Training per run:                {Money(r.TrainingCostPerRun)} (compute {Money(t.ComputeCostPerRun)}: {Tokens(t.TokensPerEpoch)} tokens x {t.Epochs.ToString(Us)} epochs; labelling {Money(t.LabellingCostPerRun)}), every {t.RetrainEveryMonths.ToString(Us)} months");
        console.WriteLine($"Amortised training per month:    {Money(r.AmortisedTrainingPerMonth)}");
        console.WriteLine($"Net monthly saving:              {Money(r.NetMonthlySaving)}");
        console.WriteLine(r.PaybackMonths is { } payback
            ? $"Payback:                         {payback.ToString("0.0", Us)} months{(r.PaysBackWithinCadence ? " (before the next training run)" : " (LONGER than the retraining cadence: each run costs more than it saves)")}"
            : "Payback:                         never (each query costs at least as much with the fine-tuned model, errors included)");
        console.WriteLine(r.BreakEvenQueriesPerMonth is { } breakEven
            ? $"Break-even volume:               {Tokens(Math.Ceiling(breakEven))} queries per month"
            : "Break-even volume:               none (no volume makes it pay)");
        if (chart is not null)
        {
            console.WriteLine($"Chart: {chart}");
        }
    }

    private static async Task WriteSweepAsync(CliContext context, string format, RoiScenario s, string variable, IReadOnlyList<(decimal Value, RoiResult Result)> points, string? chart)
    {
        if (format == "json")
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { scenario = s.Name, variable, points = points.Select(p => new { p.Value, p.Result }) }, ReportJson.Options));
            return;
        }

        context.Console.WriteLine($"Scenario: {s.Name}; sweeping {variable}");
        var table = new Table().Border(TableBorder.Simple).AddColumns(variable, "monthly before", "monthly after", "saving", "net saving", "payback (months)");
        foreach (var (value, r) in points)
        {
            table.AddRow(value.ToString("#,0.##", Us), Money(r.MonthlyCostBefore), Money(r.MonthlyCostAfter), Money(r.MonthlySaving), Money(r.NetMonthlySaving),
                r.PaybackMonths?.ToString("0.0", Us) ?? "never");
        }

        context.Console.Write(table);
        if (chart is not null)
        {
            context.Console.WriteLine($"Chart: {chart}");
        }
    }

    private static string Money(decimal value, int decimals = 2) =>
        (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("#,0." + new string('0', decimals), Us);

    private static string Tokens(decimal value) => value.ToString("#,0", Us);

    private static string Price(TokenPrice p) => string.Create(Us, $"${p.Input:0.###} / ${p.CachedInput:0.###} / ${p.Output:0.###}");
}
