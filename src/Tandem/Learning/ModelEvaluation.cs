namespace Tandem.Learning;

/// <summary>How to score a registered model on the held-out gate set.</summary>
public sealed record ModelEvaluation
{
    /// <summary>A folder laid out like CUAD; its gate contracts are scored.</summary>
    public required string DataFolder { get; init; }

    /// <summary>A configured model whose provider, base URL and key reach a provider fine-tune; null for local and self-hosted models.</summary>
    public string? Via { get; init; }

    /// <summary>The prompt strategy for a language model.</summary>
    public string Strategy { get; init; } = "fine-tuned";

    /// <summary>Language models: how many gate contracts to score (every call costs money).</summary>
    public int Contracts { get; init; } = 20;
}
