using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Models;
using Tandem.Prompting;

namespace Tandem.Learning;

/// <summary>
/// Provider fine-tune jobs for every surface: the backend a configured model's provider speaks
/// (OpenAI jobs API or Together's, by its <c>FineTuneApi</c>), starting a job from a validated
/// file, following a job (a succeeded job's model is registered as a candidate, a failed one is
/// recorded so the retraining policy stops counting it), cancelling, and the self-hosted export.
/// </summary>
public sealed class FineTuneService(IModelRegistry registry, IAccessPolicy access, Lazy<ModelCatalog> models, DatasetService datasets, IDatasetStore jobs,
    TimeProvider time, ILogger<FineTuneService> logger) : IDisposable
{
    // One client for every job call; uploads of large datasets are slow.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>The fine-tune backend that reaches a configured model's provider, with the model's endpoint.</summary>
    public FineTuneTarget TargetOf(string modelName)
    {
        var endpoint = models.Value.Get(modelName);
        if (endpoint.FineTuneApi == "none")
        {
            throw new TandemException($"{endpoint.Name} ({endpoint.Provider}) offers no self-serve fine-tuning API",
                "fine-tune through OpenAI, Azure OpenAI or Together, or export the dataset for a self-hosted LoRA run ('tandem finetune export')");
        }

        var key = endpoint.ApiKeyVariable is null ? null : Environment.GetEnvironmentVariable(endpoint.ApiKeyVariable);
        if (string.IsNullOrEmpty(key) && (endpoint.Provider is "openai" or "azure-openai" || endpoint.FineTuneApi == "together"))
        {
            throw new TandemException($"the API key variable {endpoint.ApiKeyVariable ?? "(none configured)"} is not set",
                endpoint.ApiKeyVariable is null ? "name it in the model's ApiKeyVariable, e.g. \"ApiKeyVariable\": \"TOGETHER_API_KEY\"" : $"export {endpoint.ApiKeyVariable}");
        }

        IFineTuneBackend backend = endpoint.FineTuneApi == "together"
            ? new TogetherFineTuneBackend(_http, WithSlash(endpoint.BaseUrl ?? new Uri("https://api.together.xyz/v1/")), key!)
            : new OpenAiFineTuneBackend(_http, WithSlash(endpoint.BaseUrl ?? new Uri("https://api.openai.com/v1/")), key ?? "no-key");
        return new FineTuneTarget(backend, endpoint);
    }

    /// <summary>Validates an OpenAI chat training file and starts a job on it; nothing is uploaded when the file fails validation.</summary>
    public async Task<(FineTuneJob Job, DatasetReport Report)> StartAsync(FineTuneTarget target, string trainPath, string? validationPath, int epochs, string? suffix,
        Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var report = new DatasetValidator(new TokenCounter()).Validate(trainPath, DatasetFormat.OpenAiChat);
        if (!report.IsValid)
        {
            throw new TandemException($"{trainPath} does not pass validation ({report.Issues.Count} problems, e.g. {report.Issues[0].Message})", "run 'tandem dataset validate' on it; nothing was uploaded");
        }

        var job = await target.Backend.StartAsync(trainPath, validationPath, target.Endpoint.Model, epochs, suffix, cancellationToken);
        logger.LogInformation("{User} started fine-tuning job {Job} on {Backend} ({Examples} examples)", caller.UserId, job.Id, target.Backend.Name, report.Examples);
        return (job, report);
    }

    /// <summary>
    /// Starts a job on <paramref name="modelName"/>'s provider from one of the caller's kept datasets
    /// (an admin: anyone's) and records it with the dataset's audience, for which the job's model
    /// will be registered; null when the dataset is not the caller's or does not exist.
    /// </summary>
    public async Task<TrackedJob?> StartFromDatasetAsync(string datasetId, string modelName, int epochs, string? suffix, Principal caller,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (epochs is < 1 or > 50)
        {
            throw new TandemException($"epochs must be between 1 and 50, not {epochs}");
        }

        if (await datasets.GetAsync(datasetId, caller, cancellationToken) is not { } dataset)
        {
            return null;
        }

        if (dataset.Format != DatasetFormat.OpenAiChat)
        {
            throw new TandemException($"dataset {dataset.Id} is in the {Json(dataset.Format)} format; provider jobs take openai-chat datasets",
                "build one with format openai-chat, or export a hf-messages dataset for a self-hosted run");
        }

        var target = TargetOf(modelName);
        var validation = dataset.Validation > 0 ? datasets.PathOf(dataset, DatasetSplit.Validation) : null;
        var (job, _) = await StartAsync(target, datasets.PathOf(dataset, DatasetSplit.Train), validation, epochs, suffix, caller, cancellationToken);
        var record = new FineTuneJobRecord(job.Id, target.Backend.Name, target.Endpoint.Name, dataset.Id, caller.UserId, dataset.Audience, time.GetUtcNow());
        await jobs.AddJobAsync(record, cancellationToken);
        // A job started is a retrain for the dataset's audience: following it registers the model for them, and the policy counts it.
        await registry.RecordDecisionAsync(new RetrainDecision(record.StartedAt, record.Backend, true, $"started from dataset {dataset.Id} on {target.Endpoint.Name}")
        {
            Job = job.Id, Requester = caller.UserId, Audience = dataset.Audience,
        }, cancellationToken);
        return new TrackedJob(record, new JobFollowUp(job, [], [], null));
    }

    /// <summary>The jobs started from datasets that the caller started (admins: all), newest first; their providers are not asked.</summary>
    public async Task<IReadOnlyList<FineTuneJobRecord>> ListJobsAsync(Principal caller, CancellationToken cancellationToken = default) =>
        (await jobs.ListJobsAsync(cancellationToken)).Where(j => access.CanChange(caller, j.Owner)).ToList();

    /// <summary>A job the caller started (admins: any) as its provider reports it now, registering its model when it succeeded; null when not theirs or unknown.</summary>
    public async Task<TrackedJob?> FollowJobAsync(string jobId, Principal caller, CancellationToken cancellationToken = default) =>
        await VisibleJobAsync(jobId, caller, cancellationToken) is { } record
            ? new TrackedJob(record, await FollowAsync(TargetOf(record.Model), record.JobId, caller, cancellationToken))
            : null;

    /// <summary>Cancels a job the caller started (admins: any); null when not theirs or unknown.</summary>
    public async Task<TrackedJob?> CancelJobAsync(string jobId, Principal caller, CancellationToken cancellationToken = default)
    {
        if (await VisibleJobAsync(jobId, caller, cancellationToken) is not { } record)
        {
            return null;
        }

        var state = await CancelAsync(TargetOf(record.Model), record.JobId, cancellationToken);
        logger.LogInformation("{User} cancelled fine-tuning job {Job}", caller.UserId, record.JobId);
        return new TrackedJob(record, new JobFollowUp(state, [], [], null));
    }

    private async Task<FineTuneJobRecord?> VisibleJobAsync(string jobId, Principal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await jobs.GetJobAsync(jobId, cancellationToken) is { } record && access.CanChange(caller, record.Owner) ? record : null;
    }

    private static string Json(DatasetFormat format) => System.Text.Json.JsonSerializer.Serialize(format).Trim('"');

    /// <summary>Writes a validated Hugging Face messages dataset with Axolotl and TRL LoRA configurations for a self-hosted run; returns the files written.</summary>
    public static IReadOnlyList<string> Export(string trainPath, string? validationPath, string baseModel, int epochs, string adapterName, string folder)
    {
        var report = new DatasetValidator(new TokenCounter()).Validate(trainPath, DatasetFormat.HfMessages);
        if (!report.IsValid)
        {
            throw new TandemException($"{trainPath} does not pass validation ({report.Issues.Count} problems, e.g. {report.Issues[0].Message})", "run 'tandem dataset validate --format hf-messages' on it");
        }

        return LoraExport.Write(trainPath, validationPath, baseModel, epochs, adapterName, folder);
    }

    /// <summary>Jobs a retrain started on the target's backend, at the caller's request (admins: anyone's), that have neither a registered model nor a recorded failure; oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingJobsAsync(FineTuneTarget target, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var backend = target.Backend.Name;
        var registered = (await registry.ListAsync(cancellationToken)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return (await registry.ListVisibleDecisionsAsync(caller, access, cancellationToken)).Where(d => d.Job is not null && d.Backend == backend).GroupBy(d => d.Job!, StringComparer.Ordinal)
            .Where(g => g.First().Due && !registered.Contains(RegistryId(backend, g.Key))).Select(g => g.Key).Reverse().ToList();
    }

    /// <summary>
    /// A job's state, events and checkpoints; registers a succeeded job's model as a candidate
    /// (for the audience its dataset was built for; a job started by hand: the caller), and
    /// records a failed or cancelled job so the retraining policy may start another.
    /// </summary>
    public async Task<JobFollowUp> FollowAsync(FineTuneTarget target, string jobId, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var backend = target.Backend;
        var state = await backend.GetAsync(jobId, cancellationToken);
        var events = await backend.EventsAsync(state.Id, cancellationToken);
        var checkpoints = await backend.CheckpointsAsync(state.Id, cancellationToken);
        var started = (await registry.ListDecisionsAsync(cancellationToken)).FirstOrDefault(d => d.Job == state.Id && d.Due);
        if (state.Status is "failed" or "cancelled" && started is not null)
        {
            // The job no longer counts as the last retrain: the next --if-due run may start another.
            await registry.RecordDecisionAsync(new RetrainDecision(time.GetUtcNow(), backend.Name, false, $"job {state.Id} {state.Status}{(state.Error is null ? "" : ": " + state.Error)}")
            {
                Job = state.Id, Requester = started.Requester, Audience = started.Audience,
            }, cancellationToken);
            return new JobFollowUp(state, events, checkpoints, null);
        }

        var id = RegistryId(backend.Name, state.Id);
        if (state is not { Status: "succeeded", FineTunedModel: { } tuned } || await registry.GetAsync(id, cancellationToken) is not null)
        {
            return new JobFollowUp(state, events, checkpoints, null);
        }

        var champion = await registry.FindChampionAsync(backend.Name, cancellationToken);
        var model = new RegisteredModel(id, backend.Name, state.BaseModel, tuned, "job:" + state.Id, time.GetUtcNow(), null,
            ModelStatus.Candidate, champion?.Id, $"fine-tuned on {target.Endpoint.Name}'s provider")
        {
            Audience = started?.Audience is { Count: > 0 } audience ? audience : [AccessList.UserToken(caller.UserId)],
        };
        await registry.RegisterAsync(model, cancellationToken);
        logger.LogInformation("{User} registered candidate {ModelId} from job {Job}", caller.UserId, id, state.Id);
        return new JobFollowUp(state, events, checkpoints, model);
    }

    /// <summary>Cancels a running job.</summary>
    public Task<FineTuneJob> CancelAsync(FineTuneTarget target, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Backend.CancelAsync(jobId, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>A provider job's model in the registry: the backend and the job id.</summary>
    private static string RegistryId(string backend, string job) => backend + "-" + job;

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
