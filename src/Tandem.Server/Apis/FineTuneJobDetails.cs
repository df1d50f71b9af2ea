using Tandem.Learning;

namespace Tandem.Server.Apis;

/// <summary>A fine-tune job: who started it from which dataset, and what its provider reports.</summary>
/// <param name="JobId">The provider's job id.</param>
/// <param name="Status">validating_files, queued, running, succeeded, failed or cancelled.</param>
/// <param name="Backend">openai or together.</param>
/// <param name="Model">The configured model whose provider runs it.</param>
/// <param name="DatasetId">The dataset it trains on.</param>
/// <param name="Owner">Who started it.</param>
/// <param name="StartedAt">When.</param>
/// <param name="BaseModel">The model being fine-tuned.</param>
/// <param name="FineTunedModel">The resulting model, once it succeeded.</param>
/// <param name="TrainedTokens">Billed training tokens, once known.</param>
/// <param name="Error">The provider's error, if it failed.</param>
/// <param name="Events">The provider's event lines (when followed).</param>
/// <param name="Checkpoints">The provider's checkpoints (when followed).</param>
/// <param name="RegisteredModelId">The registry id of the candidate this answer registered, if it did.</param>
public sealed record FineTuneJobDetails(string JobId, string Status, string Backend, string Model, string DatasetId, string Owner, DateTimeOffset StartedAt,
    string BaseModel, string? FineTunedModel, long? TrainedTokens, string? Error, IReadOnlyList<string> Events, IReadOnlyList<string> Checkpoints, string? RegisteredModelId)
{
    /// <summary>The answer for a tracked job.</summary>
    public static FineTuneJobDetails Of(TrackedJob tracked)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        var (r, f) = (tracked.Record, tracked.FollowUp);
        return new(r.JobId, f.State.Status, r.Backend, r.Model, r.DatasetId, r.Owner, r.StartedAt, f.State.BaseModel, f.State.FineTunedModel, f.State.TrainedTokens,
            f.State.Error, f.Events, f.Checkpoints, f.Registered?.Id);
    }
}
