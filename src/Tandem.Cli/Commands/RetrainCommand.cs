using System.CommandLine;
using Microsoft.Extensions.Configuration;
using System.Globalization;
using Tandem.Analysis;
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
        var afterCorrections = new Option<int?>("--after-corrections") { Description = "Override the policy's count of accepted corrections that makes a retrain due (0: off)" };
        var noCorrections = new Option<bool>("--no-corrections") { Description = "Train on the curated contracts alone, without the accepted corrections" };
        var audience = new Option<string?>("--audience") { Description = "Who will use the model (access tokens, e.g. group:legal); corrections from documents they may not read are left out. Default: you and your groups" };
        var local = new Command("local", "Retrain the local analyst on the curated contracts plus the accepted corrections, score it on the held-out gate set and register it as a candidate")
        {
            data, contracts, folder, ifDue, everyDays, afterCorrections, noCorrections, audience,
        };
        local.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if (parse.GetValue(contracts) is < 1)
            {
                throw new TandemException("--contracts must be at least 1");
            }

            _ = CuadDataset.Load(parse.GetValue(data)!); // a bad folder is reported before any decision is recorded
            var registry = new SqliteModelRegistry(context.DatabasePath);
            var correctionStore = new SqliteCorrectionStore(context.DatabasePath);
            if (parse.GetValue(ifDue))
            {
                var configuration = new ConfigurationBuilder()
                    .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true).AddEnvironmentVariables().Build();
                int Setting(string key, int fallback) =>
                    int.TryParse(configuration["Tandem:Retrain:" + key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
                var policy = new RetrainPolicy
                {
                    EveryDays = parse.GetValue(everyDays) ?? Setting("EveryDays", 90),
                    AfterCorrections = parse.GetValue(afterCorrections) ?? Setting("AfterCorrections", 200),
                };
                var accepted = (await correctionStore.ListAsync(cancellationToken: cancellationToken)).Where(c => c.Accepted).Select(c => c.Correction.CreatedAt).ToList();
                var decision = policy.Decide("local", await registry.ListAsync(cancellationToken), DateTimeOffset.UtcNow, accepted);
                await registry.RecordDecisionAsync(decision, cancellationToken);
                await context.Output.WriteLineAsync((decision.Due ? "due: " : "not due: ") + decision.Reason);
                if (!decision.Due)
                {
                    return 0;
                }
            }

            async Task<CorrectionLabelling> CorrectionsAsync(CancellationToken ct)
            {
                if (parse.GetValue(noCorrections))
                {
                    return CorrectionLabelling.None;
                }

                var readers = parse.GetValue(audience) is { } spec ? CliOptions.AudienceTokens(spec) : context.Caller.AccessTokens;
                var labelling = await CorrectedReports.LabelAsync(correctionStore, new SqliteReportStore(context.DatabasePath), new SqliteExampleStore(context.DatabasePath),
                    readers.ToHashSet(StringComparer.Ordinal), LocalRetrainer.IsGateContract, ct);
                await context.Output.WriteLineAsync($"corrections: {labelling.Corrections} accepted corrections on {labelling.Reports} reports (audience {string.Join(", ", readers)})"
                    + (labelling.Excluded.Count == 0 ? string.Empty : $"; {labelling.Excluded.Count} reports left out, e.g. {labelling.Excluded[0].ReportId}: {labelling.Excluded[0].Reason}"));
                return labelling;
            }

            IFineTuneBackend backend = new LocalFineTuneBackend(new LocalRetrainer(new CuadTrainingSet(context.Readers, new ClauseSegmenter()), registry), registry,
                parse.GetValue(folder)!, CorrectionsAsync, parse.GetValue(contracts), new Progress<string>(line => context.Error.WriteLine(line)));
            var job = await backend.StartAsync(parse.GetValue(data)!, null, LocalFineTuneBackend.BaseModel, 1, null, cancellationToken);
            var model = (await registry.GetAsync(job.FineTunedModel!, cancellationToken))!;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"registered candidate {model.Id} ({model.Note}): held-out AUPR {100 * model.Scores!.Aupr:0.0}{(model.Parent is null ? "" : $"; parent {model.Parent}")}"));
            await context.Output.WriteLineAsync($"promote it with: tandem models promote {model.Id}");
            return 0;
        }));
        return new Command("retrain", "Retrain a model for the learning loop") { local };
    }
}
