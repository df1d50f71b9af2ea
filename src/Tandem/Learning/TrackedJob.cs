namespace Tandem.Learning;

/// <summary>A fine-tune job started from a stored dataset: the record of who started it and from what, and what its provider says now.</summary>
/// <param name="Record">Who started it, on which configured model, from which dataset.</param>
/// <param name="FollowUp">The provider's state, events and checkpoints, and the model registered when it succeeded.</param>
public sealed record TrackedJob(FineTuneJobRecord Record, JobFollowUp FollowUp);
