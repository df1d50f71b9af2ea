using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tandem.Analysis;
using Tandem.Learning;

namespace Tandem.Store;

/// <summary>
/// The records a review writes and reads as JSON (its report and context, the registry's scores,
/// endpoints and audiences), with their serialisation code generated at build time: built by
/// reflection, their metadata cost every <c>tandem analyze</c> about 40 ms of JIT. The stores put
/// it before reflection (<see cref="Resolver"/>), which still serves every other type; names and
/// converters come from the stores' options either way, so the JSON is the same.
/// </summary>
[JsonSerializable(typeof(RiskReport))]
[JsonSerializable(typeof(ReportContext))]
[JsonSerializable(typeof(GateScores))]
[JsonSerializable(typeof(ServedEndpoint))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class StoredRecordsJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The generated metadata first, reflection for the types it does not list. Built on first use: as a static
    /// initialiser it could run before the generated part's <c>Default</c> was set, and <c>Combine</c> silently drops
    /// a null resolver (it did: every report was written by reflection).
    /// </summary>
    public static IJsonTypeInfoResolver Resolver => LazyResolver.Value;

    private static class LazyResolver
    {
        public static readonly IJsonTypeInfoResolver Value = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver());
    }
}
