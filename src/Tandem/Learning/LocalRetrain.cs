namespace Tandem.Learning;

/// <summary>What a local retrain trained on and registered.</summary>
/// <param name="Model">The registered candidate, with its held-out scores.</param>
/// <param name="Corrections">The accepted corrections used and the reports left out; null when corrections were not used.</param>
public sealed record LocalRetrain(RegisteredModel Model, CorrectionLabelling? Corrections);
