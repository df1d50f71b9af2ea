namespace Tandem.Economics;

/// <summary>What a model costs per million tokens, in US dollars.</summary>
/// <param name="Input">Uncached prompt tokens.</param>
/// <param name="CachedInput">Prompt tokens served from the provider's prompt cache.</param>
/// <param name="Output">Completion tokens.</param>
public sealed record TokenPrice(decimal Input, decimal CachedInput, decimal Output)
{
    /// <summary>This price with every rate multiplied (e.g. a fine-tuned model billed at 2× its base).</summary>
    public TokenPrice Times(decimal factor) => new(Input * factor, CachedInput * factor, Output * factor);

    /// <summary>The cost of one call.</summary>
    public decimal CostOf(decimal promptTokens, decimal cachedShare, decimal outputTokens) =>
        (promptTokens * (1 - cachedShare) * Input + promptTokens * cachedShare * CachedInput + outputTokens * Output) / 1_000_000m;
}
