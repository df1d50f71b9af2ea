using System.CommandLine;
using Microsoft.Extensions.Configuration;
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
        var ifDue = new Option<bool>("--if-due") { Description = "Retrain only if the policy says so (Tandem:Retrain:EveryDays, default 90); the decision is recorded. For cron." };
        var everyDays = new Option<int?>("--every-days") { Description = "Override the policy's interval in days" };
        var local = new Command("local", "Retrain the local analyst on the non-held-out contracts, score it on the gate set and register it as a candidate")
        {
            data, contracts, folder, ifDue, everyDays,
        };
        local.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if (parse.GetValue(contracts) is < 1)
            {
                throw new TandemException("--contracts must be at least 1");
            }

            var dataset = CuadDataset.Load(parse.GetValue(data)!);
            var registry = new SqliteModelRegistry(context.DatabasePath);
            if (parse.GetValue(ifDue))
            {
                var configured = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                    .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true).AddEnvironmentVariables().Build()["Tandem:Retrain:EveryDays"];
                var days = parse.GetValue(everyDays)
                    ?? (int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 90);
                if (days < 1)
                {
                    throw new TandemException($"the retraining interval must be at least 1 day, not {days}");
                }

                var decision = new RetrainPolicy { EveryDays = days }.Decide("local", await registry.ListAsync(cancellationToken), DateTimeOffset.UtcNow);
                await registry.RecordDecisionAsync(decision, cancellationToken);
                await context.Output.WriteLineAsync((decision.Due ? "due: " : "not due: ") + decision.Reason);
                if (!decision.Due)
                {
                    return 0;
                }
            }

            var retrainer = new LocalRetrainer(new CuadTrainingSet(context.Readers, new ClauseSegmenter()), registry);
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
