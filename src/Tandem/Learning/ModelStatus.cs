namespace Tandem.Learning;

/// <summary>Where a registered model stands.</summary>
public enum ModelStatus
{
    /// <summary>Trained and scored, not serving.</summary>
    Candidate,

    /// <summary>The model in service; at most one per backend.</summary>
    Champion,

    /// <summary>Replaced or withdrawn.</summary>
    Retired,
}
