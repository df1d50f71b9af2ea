using System.ClientModel;
using System.Net;
using Microsoft.Extensions.AI;

namespace Tandem.Models;

/// <summary>
/// Retries calls that failed for a passing reason (429, 408, 5xx, timeouts, dropped
/// connections) with exponential backoff and jitter, honouring the provider's
/// <c>Retry-After</c> (seconds or a date, capped by <see cref="MaxDelay"/>). Anything else (a
/// refused key, a bad request) fails at once. Streaming calls are retried only before the first
/// update arrives.
/// </summary>
public sealed class RetryingChatClient(IChatClient inner, TimeProvider? time = null) : DelegatingChatClient(inner)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Backoff before the first retry when the provider gives no Retry-After; doubled each time.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait Tandem accepts, from Retry-After or backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await base.GetResponseAsync(list, options, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxRetries && DelayFor(e, attempt) is { } delay && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamAsync(messages as IList<ChatMessage> ?? messages.ToList(), options, cancellationToken);

    /// <summary>How long to wait before retrying after <paramref name="error"/>, or null when it should not be retried.</summary>
    public TimeSpan? DelayFor(Exception error, int attempt)
    {
        ArgumentNullException.ThrowIfNull(error);
        var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt) * (0.8 + (0.4 * Random.Shared.NextDouble()))));
        switch (error)
        {
            case ClientResultException { Status: 429 or 408 or >= 500 } result:
                return RetryAfter(result) is { } wait ? (wait > MaxDelay ? MaxDelay : wait) : backoff;
            case ClientResultException { Status: 0 } or HttpRequestException { StatusCode: null } or TimeoutException or TaskCanceledException:
                return backoff;
            case HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout } or HttpRequestException { StatusCode: >= HttpStatusCode.InternalServerError }:
                return backoff;
            default:
                return null;
        }
    }

    private TimeSpan? RetryAfter(ClientResultException result)
    {
        var response = result.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - _time.GetUtcNow()).Ticks))
            : null;
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IList<ChatMessage> messages, ChatOptions? options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stream = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            ChatResponseUpdate? first;
            try
            {
                first = await stream.MoveNextAsync() ? stream.Current : null;
            }
            catch (Exception e) when (attempt < MaxRetries && DelayFor(e, attempt) is { } delay && !cancellationToken.IsCancellationRequested)
            {
                await stream.DisposeAsync();
                await Task.Delay(delay, _time, cancellationToken);
                continue;
            }

            await using (stream)
            {
                if (first is null)
                {
                    yield break;
                }

                yield return first;
                while (await stream.MoveNextAsync())
                {
                    yield return stream.Current;
                }
            }

            yield break;
        }
    }
}
