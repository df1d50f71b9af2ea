using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;
using Tandem.Learning;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem eval cuad --data &lt;dir&gt; [--folds 5]</c>: CUAD-style AUPR of the local analyst.</summary>
internal static class EvalCommand
{
    public static Command Create(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD (contracts/*.txt, master_clauses.csv)", Required = true };
        var folds = new Option<int?>("--folds") { Description = "k-fold cross-validation by contract (honest); without it the shipped model is scored in-sample" };
        var modelPath = new Option<string?>("--model-file") { Description = "Model to score in-sample (default: the shipped model)" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the results as JSON to this file" };
        var format = CliOptions.Format("text", "json");
        var cuad = new Command("cuad", "Score clause extraction the CUAD way: Jaccard >= 0.5 matching, AUPR, precision at 80% and 90% recall")
        {
            data, folds, modelPath, output, format,
        };
        cuad.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var dataset = CuadDataset.Load(parse.GetValue(data)!);
            var k = parse.GetValue(folds);
            var model = k is null ? LocalAnalyst.Load(parse.GetValue(modelPath) ?? LocalAnalyst.DefaultPath()) : null;
            var evaluator = new CuadEvaluator(new CuadTrainingSet(context.Readers, new ClauseSegmenter()));
            var result = await evaluator.EvaluateAsync(dataset, model, k ?? 0, new LocalAnalystTrainingOptions(),
                new Progress<string>(line => context.Error.WriteLine(line)), cancellationToken);
            var json = JsonSerializer.Serialize(result, ReportJson.Options);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, json, cancellationToken);
            }

            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(json);
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            context.Console.WriteLine($"CUAD evaluation of the local analyst, {result.Mode}; {result.Contracts} contracts; {result.Elapsed.TotalSeconds.ToString("0", us)} s");
            var table = new Table().Border(TableBorder.Simple).AddColumns("Category", "Gold spans", "AUPR", "P@80%R", "P@90%R");
            foreach (var c in result.Categories.Append(result.Overall))
            {
                table.AddRow(Markup.Escape(c.Name), c.GoldSpans.ToString(us), (100 * c.Aupr).ToString("0.0", us),
                    (100 * c.PrecisionAt80Recall).ToString("0.0", us), (100 * c.PrecisionAt90Recall).ToString("0.0", us));
            }

            context.Console.Write(table);
            context.Console.WriteLine($"Overall (pooled) AUPR {(100 * result.Overall.Aupr).ToString("0.0", us)}; mean over categories with gold spans {(100 * result.MacroAupr).ToString("0.0", us)}");
            return 0;
        }));
        return new Command("eval", "Evaluate on benchmark data") { cuad };
    }
}
