namespace Tandem.Learning;

/// <summary>Built datasets (their files in a folder each) and the fine-tune jobs started from them.</summary>
public interface IDatasetStore
{
    /// <summary>The folder that holds (or will hold) a dataset's train.jsonl and valid.jsonl.</summary>
    string FolderOf(string datasetId);

    Task AddAsync(StoredDataset dataset, CancellationToken cancellationToken = default);

    Task<StoredDataset?> GetAsync(string datasetId, CancellationToken cancellationToken = default);

    Task AddJobAsync(FineTuneJobRecord job, CancellationToken cancellationToken = default);

    Task<FineTuneJobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Every recorded job, newest first.</summary>
    Task<IReadOnlyList<FineTuneJobRecord>> ListJobsAsync(CancellationToken cancellationToken = default);
}
