using System.CommandLine;
using System.Globalization;
using Tandem.Documents;
using Tandem.Evaluation;
using Tandem.Learning;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem retrain local --data &lt;cuad folder&gt;</c>: train a candidate analyst, score it on the held-out gate set, register it.</summary>
internal static class RetrainCommand
{
    public static Command Create(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD (contracts/*.txt, master_clauses.csv)", Required = true };
        var contracts = new Option<int?>("--contracts") { Description = "Train on at most this many of the non-held-out contracts (name order)" };
        var folder = new Option<string>("--models-dir") { Description = "Where candidate model files are written", DefaultValueFactory = _ => Path.Combine("models", "registry") };
        var local = new Command("local", "Retrain the local analyst on the non-held-out contracts, score it on the gate set and register it as a candidate") { data, contracts, folder };
        local.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if (parse.GetValue(contracts) is < 1)
            {
                throw new TandemException("--contracts must be at least 1");
            }

            var dataset = CuadDataset.Load(parse.GetValue(data)!);
            var retrainer = new LocalRetrainer(new CuadTrainingSet(context.Readers, new ClauseSegmenter()), new SqliteModelRegistry(context.DatabasePath));
            var model = await retrainer.RetrainAsync(dataset, parse.GetValue(folder)!, parse.GetValue(contracts),
                new Progress<string>(line => context.Error.WriteLine(line)), cancellationToken);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"registered candidate {model.Id} ({model.Note}): held-out AUPR {100 * model.Scores!.Aupr:0.0}{(model.Parent is null ? "" : $"; parent {model.Parent}")}"));
            await context.Output.WriteLineAsync($"promote it with: tandem models promote {model.Id}");
            return 0;
        }));
        return new Command("retrain", "Retrain a model for the learning loop") { local };
    }
}
