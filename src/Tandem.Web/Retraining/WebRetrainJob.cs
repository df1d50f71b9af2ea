namespace Tandem.Web.Retraining;

/// <summary>A queued local retrain as the models page shows it.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Candidate">The registered candidate's id, once it succeeded.</param>
/// <param name="Error">Why it failed, in one line.</param>
public sealed record WebRetrainJob(string JobId, string Status, string? Candidate, string? Error);
