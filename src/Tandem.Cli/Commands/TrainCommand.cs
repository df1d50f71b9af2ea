using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;
using Tandem.Learning;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem train local --data &lt;cuad folder&gt;</c>: train the embedded local analyst.</summary>
internal static class TrainCommand
{
    public static Command Create(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD (contracts/*.txt, master_clauses.csv)", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Model file to write", DefaultValueFactory = _ => Path.Combine("models", LocalAnalyst.DefaultFileName) };
        var l1 = new Option<float>("--l1") { Description = "L1 regularisation (sparsity)", DefaultValueFactory = _ => new LocalAnalystTrainingOptions().L1 };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation", DefaultValueFactory = _ => new LocalAnalystTrainingOptions().L2 };
        var reviewKeys = new Option<string[]>("--review-key")
        {
            Description = "Answer keys of reviewed contracts (samples/review-key's format) whose keyed clauses also train the model; repeatable",
            AllowMultipleArgumentsPerToken = true,
        };
        var reviewThreshold = new Option<float>("--review-threshold")
        {
            Description = "With --review-key: the least probability of the review weights at which analyze takes a clause as the model's find",
            DefaultValueFactory = _ => LocalAnalystManifest.DefaultReviewThreshold,
        };
        var local = new Command("local", "Train the local analyst (ML.NET, CPU, deterministic) on CUAD-style data and, with --review-key, on keyed reviews")
        {
            data, output, l1, l2, reviewKeys, reviewThreshold,
        };
        local.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var dataset = CuadDataset.Load(parse.GetValue(data)!);
            foreach (var row in dataset.UnmatchedRows)
            {
                await context.Error.WriteLineAsync($"warning: no text file for CSV row '{row}'");
            }

            var result = await context.WithProgressAsync("train local", async progress =>
            {
                var reviewed = await ReviewedAsync(context, parse.GetValue(reviewKeys), progress, cancellationToken);
                var labelling = await new CuadTrainingSet(context.Readers, new ClauseSegmenter()).BuildAsync(dataset, progress, cancellationToken);
                progress.Report(new WorkProgress($"{labelling.Clauses.Count} clauses; annotated spans located {labelling.LocatedSpans}, not found {labelling.MissingSpans}"));
                var options = new LocalAnalystTrainingOptions { L1 = parse.GetValue(l1), L2 = parse.GetValue(l2) };
                var trainer = new LocalAnalystTrainer();
                var trained = trainer.Train(labelling.Clauses, options, progress);
                return trained with { Model = trainer.WithReviewWeights(trained.Model, labelling.Clauses, reviewed, options, parse.GetValue(reviewThreshold), progress) };
            });
            var target = parse.GetValue(output)!;
            result.Model.Save(new Microsoft.ML.MLContext(seed: 1), target);

            var table = new Table().Border(TableBorder.Simple).AddColumns("Category", "Held-out AP", "Threshold");
            foreach (var category in result.Model.Categories)
            {
                var ap = result.Evaluation.AveragePrecision.TryGetValue(category.Category, out var v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
                table.AddRow(Markup.Escape(category.Category), ap, category.Threshold.ToString("0.00", CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
            var size = new FileInfo(target).Length;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"held-out macro AP {result.Evaluation.MacroAveragePrecision:0.000}, calibration error {result.Evaluation.CalibrationError:0.0000} (p >= 0.1: {result.Evaluation.ConfidentCalibrationError:0.000}); trained in {result.Elapsed.TotalSeconds:0.0} s; wrote {target} ({size / 1024.0 / 1024.0:0.00} MB)"));
            return 0;
        }));
        // A checkout's models/local-analyst.zip when there is one, else the model shipped with the tool (which is never
        // overwritten: the result then goes to models/local-analyst.zip in the current folder).
        var repositoryModel = Path.Combine("models", LocalAnalyst.DefaultFileName);
        var model = new Option<string>("--model")
        {
            Description = "Model file to add side weights to (default: models/local-analyst.zip if it exists, else the shipped model)",
            DefaultValueFactory = _ => File.Exists(repositoryModel) ? repositoryModel : LocalAnalyst.DefaultPath(),
        };
        var sideKeys = new Option<string[]>("--review-key")
        {
            Description = "Answer keys of reviewed contracts whose every clause, read for the key's side, trains the side weights; repeatable",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var sideOutput = new Option<string?>("--out", "-o") { Description = "Model file to write (default: --model, replaced atomically; models/local-analyst.zip for the shipped model)" };
        var sideThreshold = new Option<float>("--side-threshold")
        {
            Description = "The least probability of the side weights at which analyze takes a clause as the model's find",
            DefaultValueFactory = _ => LocalAnalystManifest.DefaultSideThreshold,
        };
        var severityThreshold = new Option<float>("--severity-threshold")
        {
            Description = "The least probability of the severity weights at which analyze raises a finding that does not favour the reviewed side to high",
            DefaultValueFactory = _ => LocalAnalystManifest.DefaultSeverityThreshold,
        };
        var criticalThreshold = new Option<float>("--critical-threshold")
        {
            Description = "The least probability of the critical weights at which analyze raises a finding at high that does not favour the reviewed side to critical",
            DefaultValueFactory = _ => LocalAnalystManifest.DefaultCriticalThreshold,
        };
        var side = new Command("side", "Add side-aware risk, severity and critical weights, learned from keyed reviews alone, to a local analyst model; its other weights stay as they were")
        {
            model, sideKeys, sideOutput, sideThreshold, severityThreshold, criticalThreshold,
        };
        side.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var source = parse.GetValue(model)!;
            var analyst = LocalAnalyst.Load(source);
            var threshold = parse.GetValue(sideThreshold);
            if (threshold is <= 0 or >= 1)
            {
                throw new TandemException($"--side-threshold must lie between 0 and 1, not {threshold.ToString(CultureInfo.InvariantCulture)}", "for example --side-threshold 0.5");
            }

            var severity = Probability(parse.GetValue(severityThreshold), "--severity-threshold");
            var critical = Probability(parse.GetValue(criticalThreshold), "--critical-threshold");

            var added = await context.WithProgressAsync("train side", async progress =>
            {
                var reviewed = await ReviewedAsync(context, parse.GetValue(sideKeys), progress, cancellationToken);
                return LocalAnalystTrainer.WithSideWeights(analyst.Model, reviewed, threshold, severity, progress, critical);
            });
            var shipped = Path.GetFullPath(source) == Path.GetFullPath(LocalAnalyst.DefaultPath());
            var target = parse.GetValue(sideOutput) ?? (shipped ? repositoryModel : source);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            added.Save(new Microsoft.ML.MLContext(seed: 1), target);
            var weights = added.SideCategories?.Sum(c => c.Indices.Length) ?? 0;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"side weights: {weights:N0} non-zero weights over {added.SideCategories?.Count ?? 0} categories, used at p >= {threshold}{(added.SeverityCategories is null ? string.Empty : $"; severity weights raise a finding to high at p >= {severity}")}{(added.CriticalCategories is null ? string.Empty : $", critical weights one at high to critical at p >= {critical}")}; wrote {target} ({new FileInfo(target).Length / 1024.0 / 1024.0:0.00} MB)"));
            return 0;
        }));
        return new Command("train", "Train models") { local, side };

        // A threshold above 0 and at most 1 (1 keeps the weights but raises only what they are certain of).
        static float Probability(float value, string option) => value is > 0 and <= 1 ? value
            : throw new TandemException($"{option} must lie above 0 and at most 1, not {value.ToString(CultureInfo.InvariantCulture)}", $"for example {option} 0.7");
    }

    /// <summary>The keyed clauses of <paramref name="keys"/> (none: nothing), read before CUAD so a bad key fails at once.</summary>
    public static async Task<ReviewKeyLabelling> ReviewedAsync(CliContext context, string[]? keys, IProgress<WorkProgress> progress, CancellationToken cancellationToken)
    {
        if (keys is not { Length: > 0 })
        {
            return ReviewKeyLabelling.None;
        }

        var reviewed = await new ReviewKeyTrainingSet(context.Readers, new ClauseSegmenter()).BuildAsync(keys, progress, cancellationToken);
        progress.Report(new WorkProgress(reviewed.Description));
        return reviewed;
    }
}
