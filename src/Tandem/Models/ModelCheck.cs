using Microsoft.Extensions.AI;
using Tandem.Economics;

namespace Tandem.Models;

/// <summary>One short round trip to a configured model: how long it took, what it said, what it used and cost.</summary>
/// <param name="Endpoint">The model asked.</param>
/// <param name="ModelId">The model id the provider answered as.</param>
/// <param name="Elapsed">Time to the full answer.</param>
/// <param name="Reply">The answer's text, trimmed.</param>
/// <param name="Usage">Token usage as the provider reported it; null when it reported none.</param>
/// <param name="Cost">The call's cost by <paramref name="Prices"/>; null when the model is not priced.</param>
/// <param name="Prices">The price book used.</param>
public sealed record ModelCheck(ModelEndpoint Endpoint, string ModelId, TimeSpan Elapsed, string Reply, UsageDetails? Usage, decimal? Cost, PriceBook Prices);
