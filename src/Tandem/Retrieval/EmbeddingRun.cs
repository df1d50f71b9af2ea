namespace Tandem.Retrieval;

/// <summary>What an embedding pass did: the model, how many clause texts it embedded, and how long it took.</summary>
public sealed record EmbeddingRun(string Model, int Embedded, TimeSpan Elapsed)
{
    /// <summary>Texts embedded per second (0 when none were).</summary>
    public double PerSecond => Embedded == 0 || Elapsed <= TimeSpan.Zero ? 0 : Embedded / Elapsed.TotalSeconds;
}
