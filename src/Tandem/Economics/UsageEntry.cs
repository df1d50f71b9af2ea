namespace Tandem.Economics;

/// <summary>One metered model call, as the ledger keeps it.</summary>
/// <param name="At">When the call finished.</param>
/// <param name="ModelName">The configured name (e.g. "reviewer").</param>
/// <param name="ModelId">The provider's model id the response reported (or the one requested).</param>
/// <param name="Operation">What Tandem was doing, e.g. "models test", "analyze".</param>
/// <param name="InputTokens">Prompt tokens, cached ones included.</param>
/// <param name="CachedInputTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="Latency">Wall time of the call, retries included.</param>
/// <param name="CostUsd">Cost from the price book; null when the model is not in it.</param>
/// <param name="Succeeded">False when the call failed (then tokens are usually 0).</param>
/// <param name="Strategy">The prompt strategy, when the call was a review (few-shot, fine-tuned ...).</param>
/// <param name="ExampleTokens">Prompt tokens spent on worked examples (0 without examples).</param>
public sealed record UsageEntry(
    DateTimeOffset At,
    string ModelName,
    string ModelId,
    string Operation,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    TimeSpan Latency,
    decimal? CostUsd,
    bool Succeeded,
    string? Strategy = null,
    long ExampleTokens = 0)
{
    /// <summary>Who made the call (the ledger records its caller); null for entries recorded before users were, which only admins see.</summary>
    public string? User { get; init; }
}
