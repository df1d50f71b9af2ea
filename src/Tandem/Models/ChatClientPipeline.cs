using Microsoft.Extensions.AI;
using Tandem.Economics;

namespace Tandem.Models;

/// <summary>
/// <c>UseXxx()</c> extensions that wrap a chat client in Tandem's cross-cutting behaviour, in the
/// style of Microsoft.Extensions.AI's <c>ChatClientBuilder</c> (that package is not referenced:
/// its newest mirrored version needs a newer abstractions package than the provider SDKs use).
/// Each returns the new outer client.
/// </summary>
public static class ChatClientPipeline
{
    /// <summary>Retries passing failures, honouring Retry-After (see <see cref="RetryingChatClient"/>).</summary>
    public static IChatClient UseRetries(this IChatClient inner, int maxRetries, TimeProvider? time = null) =>
        new RetryingChatClient(inner, time) { MaxRetries = maxRetries };

    /// <summary>Meters every call into the ledger (see <see cref="MeteringChatClient"/>).</summary>
    public static IChatClient UseUsageMetering(this IChatClient inner, IUsageLedger ledger, PriceBook prices, string modelName, string operation, TimeProvider? time = null) =>
        new MeteringChatClient(inner, ledger, prices, modelName, operation, time);
}
