namespace Tandem.Economics;

/// <summary>One query's token use and price under a strategy (few-shot base model, or fine-tuned).</summary>
/// <param name="Model">Label of the model, for reports.</param>
/// <param name="PromptTokens">Prompt tokens per query.</param>
/// <param name="CachedShare">Share (0-1) of prompt tokens billed at the cached-input rate.</param>
/// <param name="OutputTokens">Output tokens per query.</param>
/// <param name="Price">What the model costs.</param>
public sealed record CallProfile(string Model, decimal PromptTokens, decimal CachedShare, decimal OutputTokens, TokenPrice Price)
{
    public decimal CostPerQuery => Price.CostOf(PromptTokens, CachedShare, OutputTokens);
}
