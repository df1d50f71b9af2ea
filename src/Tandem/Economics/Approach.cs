namespace Tandem.Economics;

/// <summary>What the advisor recommends.</summary>
public enum Approach
{
    /// <summary>A base model with a good prompt is enough.</summary>
    Neither,
    Retrieval,
    FineTuning,
    Both,
}
