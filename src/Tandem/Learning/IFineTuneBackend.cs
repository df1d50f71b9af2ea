namespace Tandem.Learning;

/// <summary>
/// A place that fine-tunes models from a dataset (OpenAI's jobs API and the services that copy
/// it, a self-hosted trainer ...). Provider specifics stay inside the implementation, so a team
/// can move its dataset and its loop from one backend to another.
/// </summary>
public interface IFineTuneBackend
{
    /// <summary>The backend's name in the registry (openai, together, local ...).</summary>
    string Name { get; }

    /// <summary>Uploads the files and starts a job.</summary>
    Task<FineTuneJob> StartAsync(string trainPath, string? validationPath, string baseModel, int epochs, string? suffix, CancellationToken cancellationToken = default);

    Task<FineTuneJob> GetAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>The job's event messages, oldest first.</summary>
    Task<IReadOnlyList<string>> EventsAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Checkpoint model ids, newest first.</summary>
    Task<IReadOnlyList<string>> CheckpointsAsync(string jobId, CancellationToken cancellationToken = default);

    Task<FineTuneJob> CancelAsync(string jobId, CancellationToken cancellationToken = default);
}
