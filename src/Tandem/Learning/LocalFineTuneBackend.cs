using Tandem.Evaluation;

namespace Tandem.Learning;

/// <summary>
/// The local analyst as a fine-tune backend: the "training file" is a CUAD-style folder of
/// curated contracts, to which the accepted corrections are added; the job runs in-process to
/// completion (minutes on a CPU), registers the candidate with its gate scores, and its id is the
/// job id. So the learning loop drives a provider fine-tune and the local analyst the same way.
/// The candidate is registered for <paramref name="audience"/> (null: admins only); given
/// <paramref name="requestedAt"/>, a retried request returns its first run's candidate.
/// </summary>
public sealed class LocalFineTuneBackend(LocalRetrainer retrainer, IModelRegistry registry, string modelFolder, Func<CancellationToken, Task<CorrectionLabelling>> corrections,
    int? maxContracts = null, IProgress<WorkProgress>? progress = null, IReadOnlyList<string>? audience = null, DateTimeOffset? requestedAt = null) : IFineTuneBackend
{
    public const string BaseModel = "local-analyst";

    /// <summary>The registry's backend name for local analyst models.</summary>
    public const string BackendName = "local";

    /// <inheritdoc />
    public string Name => BackendName;

    /// <inheritdoc />
    public async Task<FineTuneJob> StartAsync(string trainPath, string? validationPath, string baseModel, int epochs, string? suffix, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(trainPath))
        {
            throw new TandemException($"the local backend trains from a CUAD-style folder, and {trainPath} is not one", "pass the curated contracts' folder (contracts/*.txt, master_clauses.csv)");
        }

        var model = await retrainer.RetrainAsync(CuadDataset.Load(trainPath), modelFolder, maxContracts, await corrections(cancellationToken), progress, audience, requestedAt,
            cancellationToken);
        return Job(model);
    }

    /// <inheritdoc />
    public async Task<FineTuneJob> GetAsync(string jobId, CancellationToken cancellationToken = default) =>
        Job(await registry.GetAsync(jobId, cancellationToken) ?? throw new TandemException($"no local training job {jobId}", "local job ids are registry ids: see 'tandem models registry'"));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> EventsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var model = await registry.GetAsync(jobId, cancellationToken);
        return model is null ? [] : [$"trained on {model.Note} (data {model.DatasetHash})", $"scored on gate set {model.Scores?.GateSet}: AUPR {model.Scores?.Aupr:0.000}", $"registered as {model.Status}"];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> CheckpointsAsync(string jobId, CancellationToken cancellationToken = default) =>
        await registry.GetAsync(jobId, cancellationToken) is { } model ? [model.Location] : [];

    /// <inheritdoc />
    public Task<FineTuneJob> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        throw new TandemException("local training runs in the foreground and has finished by the time it has an id", "stop a running one with Ctrl+C; nothing is registered until it completes");

    private static FineTuneJob Job(RegisteredModel model) => new(model.Id, "succeeded", BaseModel, model.Id, null, null);
}
