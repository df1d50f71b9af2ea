namespace Tandem.Learning;

/// <summary>Settings of a local analyst training run.</summary>
public sealed record LocalAnalystTrainingOptions
{
    /// <summary>Share of contracts held out to measure quality and pick thresholds.</summary>
    public double HeldOutFraction { get; init; } = 0.2;

    public float L1 { get; init; } = 0.05f;

    public float L2 { get; init; } = 0.1f;

    public int MaximumIterations { get; init; } = 200;

    /// <summary>Recorded in the manifest; fixed by callers that want byte-identical output.</summary>
    public DateTimeOffset TrainedAt { get; init; } = DateTimeOffset.UtcNow;
}
