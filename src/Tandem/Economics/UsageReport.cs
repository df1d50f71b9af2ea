namespace Tandem.Economics;

/// <summary>The metered model calls of a window, summed per model and strategy.</summary>
/// <param name="Days">How many days back the window reaches.</param>
/// <param name="User">The one user summed (an admin's filter); null for everything the caller may see.</param>
/// <param name="Calls">Calls in the window.</param>
/// <param name="TotalCostUsd">Their cost, as far as the price book knows the models.</param>
/// <param name="Rows">The sums per model and strategy.</param>
/// <param name="FewShotShareOfPromptTokens">The share of prompt tokens spent on worked examples; null when nothing was metered.</param>
public sealed record UsageReport(int Days, string? User, int Calls, decimal TotalCostUsd, IReadOnlyList<UsageSummary> Rows, double? FewShotShareOfPromptTokens);
