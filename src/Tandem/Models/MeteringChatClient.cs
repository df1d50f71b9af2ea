using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Tandem.Economics;

namespace Tandem.Models;

/// <summary>
/// Meters every call of the inner client: model, input, cached and output tokens (from the
/// provider's reported usage), latency, and cost from the price book, written to the ledger.
/// Failed calls are recorded too, with no tokens. Streaming calls are recorded when the stream
/// ends, from the usage update the provider sends last. Callers annotate a call through
/// <see cref="ChatOptions.AdditionalProperties"/> (<see cref="StrategyKey"/>,
/// <see cref="ExampleTokensKey"/>); the annotations go to the ledger, never to the provider.
/// </summary>
public sealed class MeteringChatClient(IChatClient inner, IUsageLedger ledger, PriceBook prices, string modelName, string operation, TimeProvider? time = null)
    : DelegatingChatClient(inner)
{
    /// <summary>Annotation: the prompt strategy of the call.</summary>
    public const string StrategyKey = "tandem.strategy";

    /// <summary>Annotation: prompt tokens spent on worked examples.</summary>
    public const string ExampleTokensKey = "tandem.example_tokens";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StartActivity(options);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, WithoutAnnotations(options), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await RecordAsync(options, null, null, started, succeeded: false);
            throw;
        }

        await RecordAsync(options, response.ModelId, response.Usage, started, succeeded: true, cancellationToken);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StartActivity(options);
        var usage = new UsageDetails();
        string? modelId = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, WithoutAnnotations(options), cancellationToken))
        {
            modelId ??= update.ModelId;
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage.Add(content.Details);
            }

            yield return update;
        }

        await RecordAsync(options, modelId, usage, started, succeeded: true, cancellationToken);
    }

    /// <summary>The cost of a call by the price book (fine-tuned ids at the fine-tuned rate); null when the model is unknown.</summary>
    public static decimal? CostOf(PriceBook prices, string modelId, long input, long cached, long output)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (prices.Find(modelId) is not { } priced)
        {
            return null;
        }

        var price = modelId.StartsWith("ft:", StringComparison.Ordinal) ? priced.FineTunedPrice ?? priced.Price : priced.Price;
        return ((input - cached) * price.Input + (cached * price.CachedInput) + (output * price.Output)) / 1_000_000m;
    }

    private static ChatOptions? WithoutAnnotations(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !(properties.ContainsKey(StrategyKey) || properties.ContainsKey(ExampleTokensKey)))
        {
            return options;
        }

        var copy = options.Clone();
        copy.AdditionalProperties = new AdditionalPropertiesDictionary(properties.Where(p => p.Key is not (StrategyKey or ExampleTokensKey)));
        return copy;
    }

    private Task RecordAsync(ChatOptions? options, string? modelId, UsageDetails? usage, long started, bool succeeded, CancellationToken cancellationToken = default)
    {
        var id = modelId ?? options?.ModelId ?? this.GetService<ChatClientMetadata>()?.DefaultModelId ?? modelName;
        var strategy = options?.AdditionalProperties?.TryGetValue(StrategyKey, out var s) == true ? s?.ToString() : null;
        var exampleTokens = options?.AdditionalProperties?.TryGetValue(ExampleTokensKey, out var e) == true && e is IConvertible c ? c.ToInt64(System.Globalization.CultureInfo.InvariantCulture) : 0;
        var input = usage?.InputTokenCount ?? 0;
        var cached = usage?.CachedInputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        var elapsed = Stopwatch.GetElapsedTime(started);
        Observe(id, input, output, elapsed, succeeded);
        var entry = new UsageEntry(_time.GetUtcNow(), modelName, id, operation, input, cached, output, elapsed,
            succeeded ? CostOf(prices, id, input, cached, output) : null, succeeded, strategy, exampleTokens);
        return ledger.RecordAsync(entry, cancellationToken);
    }

    /// <summary>A client span named as the GenAI conventions name it ("chat gpt-4o-mini").</summary>
    private Activity? StartActivity(ChatOptions? options)
    {
        var model = options?.ModelId ?? modelName;
        var activity = TandemTelemetry.Source.StartActivity($"chat {model}", ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.request.model", model);
        activity?.SetTag("tandem.operation", operation);
        return activity;
    }

    /// <summary>The call's tokens and duration, on its span and in the GenAI metrics.</summary>
    private static void Observe(string modelId, long input, long output, TimeSpan elapsed, bool succeeded)
    {
        var model = new KeyValuePair<string, object?>("gen_ai.request.model", modelId);
        if (Activity.Current is { } activity && activity.Source == TandemTelemetry.Source)
        {
            activity.SetTag("gen_ai.response.model", modelId);
            activity.SetTag("gen_ai.usage.input_tokens", input);
            activity.SetTag("gen_ai.usage.output_tokens", output);
            activity.SetStatus(succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        }

        TandemTelemetry.ModelCallDuration.Record(elapsed.TotalSeconds, model, new("gen_ai.operation.name", "chat"));
        if (succeeded)
        {
            TandemTelemetry.TokenUsage.Record(input, model, new("gen_ai.token.type", "input"));
            TandemTelemetry.TokenUsage.Record(output, model, new("gen_ai.token.type", "output"));
        }
    }
}
