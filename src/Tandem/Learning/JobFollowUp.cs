namespace Tandem.Learning;

/// <summary>A fine-tuning job as its provider reports it, and what following it did in the registry.</summary>
/// <param name="State">The job's state.</param>
/// <param name="Events">The provider's event lines.</param>
/// <param name="Checkpoints">The provider's checkpoints.</param>
/// <param name="Registered">The job's model, when this follow-up registered it as a candidate; null otherwise.</param>
public sealed record JobFollowUp(FineTuneJob State, IReadOnlyList<string> Events, IReadOnlyList<string> Checkpoints, RegisteredModel? Registered);
