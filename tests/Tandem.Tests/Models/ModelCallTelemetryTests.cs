using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Tandem.Economics;
using Tandem.Models;

namespace Tandem.Tests.Models;

/// <summary>Model calls are traced and measured as the OpenTelemetry GenAI conventions name them.</summary>
public sealed class ModelCallTelemetryTests
{
    [Fact]
    public async Task GetResponse_MeteredCall_SpanAndMetricsCarryTheTokens()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TandemTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var tokens = new List<(long Value, string? Type)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TandemTelemetry.Name && instrument.Name == "gen_ai.client.token.usage")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            tokens.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "gen_ai.token.type").Value as string)));
        meters.Start();
        var client = new AnsweringClient().UseUsageMetering(new ListLedger(), PriceBook.Default(), "gpt-4.1-mini", "review");

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Review clause 12.")]);

        var span = Assert.Single(spans, s => s.OperationName == "chat gpt-4.1-mini");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(120L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(30L, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Contains((120L, "input"), tokens);
        Assert.Contains((30L, "output"), tokens);
        Assert.DoesNotContain(span.Tags, t => t.Value?.Contains("clause 12", StringComparison.Ordinal) == true);
    }

    /// <summary>A model that answers "ok" and reports 120 input and 30 output tokens.</summary>
    private sealed class AnsweringClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"))
            {
                ModelId = "gpt-4.1-mini",
                Usage = new UsageDetails { InputTokenCount = 120, OutputTokenCount = 30 },
            });

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class ListLedger : IUsageLedger
    {
        private readonly List<UsageEntry> _entries = [];

        public Task RecordAsync(UsageEntry entry, CancellationToken cancellationToken = default)
        {
            _entries.Add(entry);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<UsageEntry>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<UsageEntry>>(_entries.Where(e => e.At >= since).ToList());
    }
}
