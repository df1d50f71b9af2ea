namespace Tandem.Learning;

/// <summary>A provider fine-tune job started from a stored dataset: who started it, on which configured model, from which dataset.</summary>
/// <param name="JobId">The provider's job id.</param>
/// <param name="Backend">The backend's name (openai, together).</param>
/// <param name="Model">The configured model (see <c>Tandem:Models</c>) whose provider runs the job; following the job goes through it.</param>
/// <param name="DatasetId">The dataset it trains on.</param>
/// <param name="Owner">Who started it; it is theirs (and admins').</param>
/// <param name="Audience">The dataset's audience, for which the resulting model is registered.</param>
/// <param name="StartedAt">When it was started.</param>
public sealed record FineTuneJobRecord(string JobId, string Backend, string Model, string DatasetId, string Owner, IReadOnlyList<string> Audience, DateTimeOffset StartedAt);
