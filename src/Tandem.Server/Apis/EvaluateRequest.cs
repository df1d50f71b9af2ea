namespace Tandem.Server.Apis;

/// <summary>How to score a registered model on the held-out gate set (as <c>tandem models evaluate</c>).</summary>
/// <param name="Data">A folder on the server laid out like CUAD; its held-out gate contracts are scored.</param>
/// <param name="Via">A configured model whose provider reaches a provider fine-tune; not needed for local and self-hosted models.</param>
/// <param name="Strategy">Prompt strategy for a language model (default fine-tuned).</param>
/// <param name="Contracts">Language models: how many gate contracts to score (default 20).</param>
public sealed record EvaluateRequest(string? Data, string? Via = null, string? Strategy = null, int? Contracts = null);
