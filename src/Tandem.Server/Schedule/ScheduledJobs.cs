using Hangfire;
using Hangfire.Server;
using Tandem.Access;
using Tandem.Evaluation;
using Tandem.Learning;

namespace Tandem.Server.Schedule;

/// <summary>
/// The retraining policy's recurring work, the same library calls as the CLI's cron commands. Each
/// is safe to run again after its node died: a local retrain keeps the occurrence's time (one
/// candidate per occurrence), and following a fine-tune job registers its model once.
/// </summary>
public sealed class ScheduledJobs(RetrainService retrain, DatasetService datasets, FineTuneService fineTunes, IConfiguration configuration, ILogger<ScheduledJobs> logger)
{
    /// <summary>As <c>tandem retrain local --if-due</c>: retrains when the policy says so; the decision is recorded after the candidate is registered, so a run that died is run again in full.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<string> RetrainLocalAsync(ScheduledRun run, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var caller = run.Caller();
        var readers = datasets.CheckedAudience(caller, run.Audience) ?? caller.AccessTokens;
        if (string.IsNullOrWhiteSpace(run.Data))
        {
            throw new TandemException($"{ScheduleOptions.Section}:RetrainLocal:Data is not set", "set it to the curated CUAD-style folder, the same path on every worker");
        }

        _ = CuadDataset.Load(run.Data);
        var decision = await retrain.DecideAsync(LocalFineTuneBackend.BackendName, readers, caller, cancellationToken: cancellationToken);
        if (decision.Due)
        {
            var result = await retrain.RetrainLocalAsync(run.Data, ServerExtensions.ModelsFolder(configuration), [.. readers], true, run.Contracts, caller,
                requestedAt: context?.BackgroundJob.CreatedAt is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
                cancellationToken: cancellationToken);
            decision = decision with { Reason = $"{decision.Reason}; registered candidate {result.Model.Id}", Job = result.Model.Id };
        }

        await retrain.RecordAsync(decision, cancellationToken);
        logger.LogInformation("Scheduled local retrain: {Due} ({Reason})", decision.Due ? "due" : "not due", decision.Reason);
        return decision.Reason;
    }

    /// <summary>As <c>tandem retrain provider --if-due</c>: when due, builds a dataset from the reviewed examples and starts a fine-tuning job on it (which records the decision with the job).</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<string> RetrainProviderAsync(ScheduledRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var caller = run.Caller();
        var target = fineTunes.TargetOf(ModelOf(run, nameof(ScheduleOptions.RetrainProvider)));
        var audience = datasets.CheckedAudience(caller, run.Audience) ?? caller.AccessTokens;
        var decision = await retrain.DecideAsync(target.Backend.Name, audience, caller, cancellationToken: cancellationToken);
        if (!decision.Due)
        {
            await retrain.RecordAsync(decision, cancellationToken);
            return decision.Reason;
        }

        var dataset = await datasets.CreateAsync(new DatasetOptions
        {
            Format = DatasetFormat.OpenAiChat, RetrievalAware = run.RetrievalAware, Audience = audience, Instructions = DatasetService.FineTunedInstructions(),
        }, caller, cancellationToken);
        var started = await fineTunes.StartFromDatasetAsync(dataset.Id, run.Model!, run.Epochs, null, caller, cancellationToken)
            ?? throw new InvalidOperationException($"the dataset {dataset.Id} just built is not its builder's");
        logger.LogInformation("Scheduled provider retrain: started job {Job} on dataset {Dataset}", started.Record.JobId, dataset.Id);
        return $"{decision.Reason}; started job {started.Record.JobId} on dataset {dataset.Id}";
    }

    /// <summary>As <c>tandem finetune status --pending</c>: follows every pending job, registering the model of each that succeeded (once: a model already registered is left alone).</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<string> FineTuneStatusAsync(ScheduledRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var caller = run.Caller();
        var target = fineTunes.TargetOf(ModelOf(run, nameof(ScheduleOptions.FineTuneStatus)));
        var pending = await fineTunes.PendingJobsAsync(target, caller, cancellationToken);
        var registered = new List<string>();
        foreach (var job in pending)
        {
            if ((await fineTunes.FollowAsync(target, job, caller, cancellationToken)).Registered is { } model)
            {
                registered.Add(model.Id);
            }
        }

        return pending.Count == 0 ? "no pending jobs" : $"{pending.Count} pending jobs; registered {(registered.Count == 0 ? "none" : string.Join(", ", registered))}";
    }

    private static string ModelOf(ScheduledRun run, string task) => string.IsNullOrWhiteSpace(run.Model)
        ? throw new TandemException($"{ScheduleOptions.Section}:{task}:Model is not set", "set it to a configured model (see 'tandem models list')")
        : run.Model;
}
