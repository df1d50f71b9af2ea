using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tandem;

/// <summary>
/// Tandem's traces and metrics, under one name for OpenTelemetry to listen to (<see cref="Name"/>).
/// Model calls follow the OpenTelemetry GenAI conventions (<c>gen_ai.*</c>); retrieval and review
/// timings are Tandem's own. Tags carry model ids, modes and counts, never document text or keys.
/// </summary>
public static class TandemTelemetry
{
    /// <summary>The activity source and meter name.</summary>
    public const string Name = "Tandem";

    /// <summary>Spans: model calls, retrieval, reviews.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The meter every instrument below belongs to.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Tokens per model call, tagged <c>gen_ai.token.type</c> = input | output.</summary>
    public static Histogram<long> TokenUsage { get; } = Meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Tokens used per model call.");

    /// <summary>Seconds per model call.</summary>
    public static Histogram<double> ModelCallDuration { get; } = Meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "Duration of model calls.");

    /// <summary>Seconds per retrieval (search or the retrieval step of an answer), tagged with the mode.</summary>
    public static Histogram<double> RetrievalDuration { get; } = Meter.CreateHistogram<double>("tandem.retrieval.duration", "s", "Duration of retrieval queries.");

    /// <summary>Seconds per contract review, tagged with the analyst (local or the LLM's id).</summary>
    public static Histogram<double> ReviewDuration { get; } = Meter.CreateHistogram<double>("tandem.review.duration", "s", "Duration of contract reviews.");
}
