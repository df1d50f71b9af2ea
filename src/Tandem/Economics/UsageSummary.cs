namespace Tandem.Economics;

/// <summary>Ledger entries summed per model and strategy (or operation, when there is no strategy).</summary>
/// <param name="Model">Configured model name and provider model id.</param>
/// <param name="Kind">The prompt strategy, or the operation.</param>
/// <param name="Calls">Calls recorded.</param>
/// <param name="Failures">Calls that failed.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="CachedInputTokens">Prompt tokens from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="ExampleTokens">Prompt tokens spent on worked examples.</param>
/// <param name="CostUsd">Cost of the calls the price book knows.</param>
/// <param name="MeanLatencyMs">Mean wall time per call.</param>
public sealed record UsageSummary(string Model, string Kind, int Calls, int Failures, long InputTokens, long CachedInputTokens, long OutputTokens,
    long ExampleTokens, decimal CostUsd, double MeanLatencyMs)
{
    /// <summary>Mean prompt tokens per successful call.</summary>
    public double MeanInputTokens => Calls - Failures == 0 ? 0 : InputTokens / (double)(Calls - Failures);

    /// <summary>Groups entries; rows ordered by model, then kind.</summary>
    public static IReadOnlyList<UsageSummary> Of(IEnumerable<UsageEntry> entries) =>
        entries.GroupBy(e => (Model: $"{e.ModelName} ({e.ModelId})", Kind: e.Strategy ?? e.Operation))
            .OrderBy(g => g.Key.Model, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .Select(g => new UsageSummary(g.Key.Model, g.Key.Kind, g.Count(), g.Count(e => !e.Succeeded), g.Sum(e => e.InputTokens), g.Sum(e => e.CachedInputTokens),
                g.Sum(e => e.OutputTokens), g.Sum(e => e.ExampleTokens), g.Sum(e => e.CostUsd ?? 0), g.Average(e => e.Latency.TotalMilliseconds)))
            .ToList();

    /// <summary>The share of all prompt tokens spent on worked examples, or null when nothing was metered.</summary>
    public static double? FewShotShare(IEnumerable<UsageEntry> entries)
    {
        var list = entries.Where(e => e.Succeeded && e.InputTokens > 0).ToList();
        return list.Count == 0 ? null : list.Sum(e => e.ExampleTokens) / (double)list.Sum(e => e.InputTokens);
    }
}
