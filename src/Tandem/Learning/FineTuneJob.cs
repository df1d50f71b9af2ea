namespace Tandem.Learning;

/// <summary>A fine-tuning job as the backend reports it.</summary>
/// <param name="Id">The backend's job id.</param>
/// <param name="Status">validating_files, queued, running, succeeded, failed or cancelled.</param>
/// <param name="BaseModel">The model being fine-tuned.</param>
/// <param name="FineTunedModel">The resulting model id, once succeeded.</param>
/// <param name="TrainedTokens">Billed training tokens, once known.</param>
/// <param name="Error">The backend's error message, if it failed.</param>
public sealed record FineTuneJob(string Id, string Status, string BaseModel, string? FineTunedModel, long? TrainedTokens, string? Error)
{
    public bool IsFinished => Status is "succeeded" or "failed" or "cancelled";
}
