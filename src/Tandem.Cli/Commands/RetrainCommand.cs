using System.CommandLine;
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
        var folder = new Option<string?>("--models-dir") { Description = "Where candidate model files are written (default: a models folder beside the store)" };
        var schedule = new Schedule();
        var noCorrections = new Option<bool>("--no-corrections") { Description = "Train on the curated contracts alone, without the accepted corrections" };
        var audience = new Option<string?>("--audience") { Description = "Who will use the model (access tokens you belong to, e.g. group:legal); corrections from documents any of them may not read are left out. Default: you and your groups" };
        var reviewKeys = new Option<string[]>("--review-key")
        {
            Description = "Answer keys of reviewed contracts whose keyed clauses the candidate also trains on (as 'train local --review-key'; default: Tandem:Retrain:ReviewKeys); repeatable",
            AllowMultipleArgumentsPerToken = true,
        };
        var local = new Command("local", "Retrain the local analyst on the curated contracts plus the accepted corrections, score it on the held-out gate set and register it as a candidate")
        {
            data, contracts, folder, noCorrections, audience, reviewKeys,
        };
        schedule.AddTo(local);
        local.SetAction(run(async (context, parse, cancellationToken) =>
        {
            // Refused before any data is read: naming someone else's audience would train on their text.
            var readers = context.Get<DatasetService>().CheckedAudience(context.Caller, parse.GetValue(audience)) ?? context.Caller.AccessTokens;
            if (parse.GetValue(contracts) is < 1)
            {
                throw new TandemException("--contracts must be at least 1");
            }

            _ = CuadDataset.Load(parse.GetValue(data)!); // a bad folder is reported before any decision is recorded
            var service = context.Get<RetrainService>();
            if (await schedule.DecideAsync(context, parse, "local", readers, cancellationToken) is { } decision)
            {
                await service.RecordAsync(decision, cancellationToken);
                if (!decision.Due)
                {
                    return 0;
                }
            }

            var modelsFolder = parse.GetValue(folder) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(context.DatabasePath))!, "models");
            // Without --review-key, the service uses the configured Tandem:Retrain:ReviewKeys.
            var retrain = await context.WithProgressAsync("retrain local", progress =>
                service.RetrainLocalAsync(parse.GetValue(data)!, modelsFolder, readers, !parse.GetValue(noCorrections), parse.GetValue(contracts), context.Caller, progress,
                    cancellationToken: cancellationToken, reviewKeys: parse.GetValue(reviewKeys)));
            if (retrain.Corrections is { } labelling)
            {
                await context.Output.WriteLineAsync($"corrections: {labelling.Corrections} accepted corrections on {labelling.Reports} reports (audience {string.Join(", ", readers)})");
                foreach (var line in DatasetCommand.ExclusionLines(context, labelling.Excluded, "reports left out:"))
                {
                    await context.Output.WriteLineAsync(line);
                }
            }

            var model = retrain.Model;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"registered candidate {model.Id} ({model.Note}): held-out AUPR {100 * model.Scores!.Aupr:0.0}{(model.Parent is null ? "" : $"; parent {model.Parent}")}"));
            await context.Output.WriteLineAsync($"promote it with: tandem models promote {model.Id}");
            return 0;
        }));
        return new Command("retrain", "Retrain a model for the learning loop") { local, Provider(run) };
    }

    /// <summary>
    /// <c>tandem retrain provider --model &lt;base&gt;</c>: the provider half of the loop under the
    /// same policy: build the dataset from the reviewed examples (access guard, leak check,
    /// validation), start a fine-tuning job, and record the decision with the job, so a job still
    /// running is not started again. 'finetune status' registers the result; 'models evaluate'
    /// and 'models promote' gate it.
    /// </summary>
    private static Command Provider(CommandRunner run)
    {
        var model = new Option<string>("--model") { Description = "The configured base model to fine-tune (see 'tandem models list'): its provider, key and model id", Required = true };
        var settings = new Option<string?>("--settings") { Description = "appsettings.json that configures the model" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 3 };
        var suffix = new Option<string?>("--suffix") { Description = "A suffix for the fine-tuned model's name" };
        var output = new Option<string?>("--out") { Description = "Folder for the dataset (default: datasets/<date and time>)" };
        var dataset = new DatasetCommand.DatasetOptionSet();
        var schedule = new Schedule();
        var provider = new Command("provider", "Build the dataset from the reviewed examples and start a provider fine-tuning job (OpenAI jobs API or Together), under the retraining policy")
        {
            model, settings, epochs, suffix, output,
        };
        foreach (var option in dataset.All)
        {
            provider.Add(option);
        }

        schedule.AddTo(provider);
        provider.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var options = dataset.Read(context, parse);
            var target = context.Get<FineTuneService>().TargetOf(parse.GetValue(model)!);
            var (backend, endpoint) = (target.Backend, target.Endpoint);
            var retrain = context.Get<RetrainService>();
            var decision = await schedule.DecideAsync(context, parse, backend.Name, options.Audience, cancellationToken);
            if (decision is { Due: false })
            {
                await retrain.RecordAsync(decision, cancellationToken);
                return 0;
            }

            decision ??= new RetrainDecision(DateTimeOffset.UtcNow, backend.Name, true, "run by hand") { Requester = context.Caller.UserId, Audience = options.Audience };
            var folder = parse.GetValue(output) ?? Path.Combine("datasets", DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
            try
            {
                var build = await DatasetCommand.BuildAsync(context, options, folder, cancellationToken);
                if (!build.TrainReport.IsValid)
                {
                    throw new TandemException("the training file does not pass validation (see above)", "add or review more examples; nothing was uploaded");
                }

                await context.Output.WriteLineAsync(DatasetCommand.CostLine(build.TrainReport, Economics.PriceBook.Default(), endpoint.Model, parse.GetValue(epochs)));
                await FineTuneCommand.WarnAboutOpenAiAsync(context, target);
                var job = await backend.StartAsync(build.TrainPath, build.Validation > 0 ? build.ValidationPath : null, endpoint.Model, parse.GetValue(epochs), parse.GetValue(suffix), cancellationToken);
                await retrain.RecordAsync(decision with { Reason = $"{decision.Reason}; started job {job.Id} on {build.Train} examples (dataset {build.DatasetHash})", Job = job.Id }, cancellationToken);
                await context.Output.WriteLineAsync($"started {job.Id} ({job.Status}) fine-tuning {job.BaseModel} on {build.Train} examples (dataset {build.DatasetHash})");
                await context.Output.WriteLineAsync($"next: tandem finetune status {job.Id} --model {endpoint.Name} (registers the model when it succeeds), then tandem models evaluate <id> --via {endpoint.Name} --data <cuad folder> and tandem models promote <id>");
                return 0;
            }
            catch (TandemException e)
            {
                await retrain.RecordAsync(decision with { Reason = $"{decision.Reason}; not started: {e.Message}" }, cancellationToken);
                throw;
            }
        }));
        return provider;
    }

    /// <summary>
    /// The retraining policy's options (for cron): <c>--if-due</c> with overrides of
    /// <c>Tandem:Retrain:EveryDays</c> (default 90) and <c>Tandem:Retrain:AfterCorrections</c>
    /// (default 200) from appsettings.json or the environment.
    /// </summary>
    private sealed class Schedule
    {
        private readonly Option<bool> _ifDue = new("--if-due") { Description = "Retrain only if the policy says so (Tandem:Retrain:EveryDays, default 90, or Tandem:Retrain:AfterCorrections, default 200); the decision is recorded. For cron." };
        private readonly Option<int?> _everyDays = new("--every-days") { Description = "Override the policy's interval in days" };
        private readonly Option<int?> _afterCorrections = new("--after-corrections") { Description = "Override the policy's count of accepted corrections that makes a retrain due (0: off)" };

        public void AddTo(Command command)
        {
            command.Add(_ifDue);
            command.Add(_everyDays);
            command.Add(_afterCorrections);
        }

        /// <summary>The policy's decision for <paramref name="backend"/> and <paramref name="audience"/>, as the caller may see the registry (printed, not yet recorded); null without --if-due.</summary>
        public async Task<RetrainDecision?> DecideAsync(CliContext context, ParseResult parse, string backend, IReadOnlyCollection<string> audience, CancellationToken cancellationToken)
        {
            if (!parse.GetValue(_ifDue))
            {
                return null;
            }

            var decision = await context.Get<RetrainService>().DecideAsync(backend, audience, context.Caller, parse.GetValue(_everyDays), parse.GetValue(_afterCorrections), cancellationToken);
            await context.Output.WriteLineAsync((decision.Due ? "due: " : "not due: ") + decision.Reason);
            return decision;
        }
    }
}
