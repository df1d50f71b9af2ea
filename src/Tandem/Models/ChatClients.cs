using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Tandem.Economics;

namespace Tandem.Models;

/// <summary>
/// Builds the <see cref="IChatClient"/> pipeline for a configured model: the provider's client
/// (the OpenAI SDK for OpenAI, Azure OpenAI's v1 API and OpenAI-compatible servers such as vLLM,
/// Ollama, LM Studio or llama.cpp), then <see cref="RetryingChatClient"/>, then
/// <see cref="MeteringChatClient"/>, so every attempt's outcome is retried by us (the SDK's own
/// retries are off) and every call lands in the ledger once.
/// </summary>
public static class ChatClients
{
    /// <summary>The provider client alone, with no retry or metering.</summary>
    public static IChatClient CreateProviderClient(ModelEndpoint endpoint, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Provider == "anthropic")
        {
            // The Anthropic SDK retries itself, honouring retry-after; Tandem's retry layer stays off for it.
            var anthropic = new Anthropic.AnthropicClient
            {
                ApiKey = RequiredKey(endpoint),
                MaxRetries = endpoint.MaxRetries,
                Timeout = TimeSpan.FromSeconds(120),
                BaseUrl = endpoint.BaseUrl?.ToString().TrimEnd('/') ?? Anthropic.Core.EnvironmentUrl.Production,
                HttpClient = http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
            };
            return anthropic.AsIChatClient(endpoint.Model, defaultMaxOutputTokens: 4096);
        }

        var (key, options) = Connection(endpoint, http);
        return new OpenAI.Chat.ChatClient(endpoint.Model, key, options).AsIChatClient();
    }

    /// <summary>
    /// A remote embedding model (the configured Model is the embedding model's id, e.g.
    /// text-embedding-3-small, or any OpenAI-compatible server's), for hybrid retrieval.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelEndpoint endpoint, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Provider == "anthropic")
        {
            throw new TandemException($"model '{endpoint.Name}' is an Anthropic model, and Anthropic has no embeddings API", "configure an OpenAI or OpenAI-compatible embedding model");
        }

        var (key, options) = Connection(endpoint, http);
        return new OpenAI.Embeddings.EmbeddingClient(endpoint.Model, key, options).AsIEmbeddingGenerator();
    }

    private static string RequiredKey(ModelEndpoint endpoint)
    {
        var key = endpoint.ApiKeyVariable is null ? null : Environment.GetEnvironmentVariable(endpoint.ApiKeyVariable);
        return string.IsNullOrEmpty(key)
            ? throw new TandemException($"model '{endpoint.Name}': the API key variable {endpoint.ApiKeyVariable ?? "(none configured)"} is not set",
                $"export {endpoint.ApiKeyVariable ?? "a variable"} with the key, and name it in ApiKeyVariable")
            : key;
    }

    private static (ApiKeyCredential Key, OpenAIClientOptions Options) Connection(ModelEndpoint endpoint, HttpClient? http)
    {
        var key = endpoint.Provider is "openai" or "azure-openai"
            ? RequiredKey(endpoint)
            : endpoint.ApiKeyVariable is null ? null : Environment.GetEnvironmentVariable(endpoint.ApiKeyVariable);

        var options = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = TimeSpan.FromSeconds(120) };
        if (endpoint.BaseUrl is not null)
        {
            options.Endpoint = endpoint.BaseUrl;
        }

        if (http is not null)
        {
            options.Transport = new HttpClientPipelineTransport(http);
        }

        // Local servers usually ignore the key but the protocol requires one.
        return (new ApiKeyCredential(string.IsNullOrEmpty(key) ? "no-key" : key), options);
    }

    /// <summary>The full pipeline: provider, retries, metering into <paramref name="ledger"/>.</summary>
    public static IChatClient Create(ModelEndpoint endpoint, IUsageLedger ledger, PriceBook prices, string operation, HttpClient? http = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var provider = CreateProviderClient(endpoint, http);
        var retries = endpoint.Provider == "anthropic" ? 0 : endpoint.MaxRetries;
        return provider.UseRetries(retries, time).UseUsageMetering(ledger, prices, endpoint.Name, operation, time);
    }

    /// <summary>
    /// A provider failure as a user-facing error that says what happened and what to do, with the
    /// API key scrubbed from anything the provider echoed; null for errors that are not the
    /// provider's (bugs should stay visible as bugs).
    /// </summary>
    public static TandemException? Describe(Exception error, ModelEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(endpoint);
        var where = endpoint.BaseUrl?.ToString() ?? "the provider's public endpoint";
        return error switch
        {
            Anthropic.Exceptions.AnthropicApiException { StatusCode: System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden } e => new TandemException(
                $"{where} refused the key for model '{endpoint.Name}' (HTTP {(int)e.StatusCode}: {Scrub(e.Message, endpoint)})",
                $"check the key in {endpoint.ApiKeyVariable ?? "the ApiKeyVariable you configure"}"),
            Anthropic.Exceptions.AnthropicApiException e => new TandemException(
                $"{where} failed for model '{endpoint.Name}' (HTTP {(int)e.StatusCode}: {Scrub(e.Message, endpoint)})",
                (int)e.StatusCode == 429 ? "wait and retry, or raise the rate limit with the provider" : "check the Model id and retry later"),
            Anthropic.Exceptions.AnthropicIOException => new TandemException(
                $"cannot reach {where} for model '{endpoint.Name}': {Scrub(error.Message, endpoint)}",
                "check BaseUrl and that the server is running and reachable"),
            ClientResultException { Status: 401 or 403 } e => new TandemException(
                $"{where} refused the key for model '{endpoint.Name}' (HTTP {e.Status}: {Scrub(e.Message, endpoint)})",
                $"check the key in {endpoint.ApiKeyVariable ?? "the ApiKeyVariable you configure"}"),
            ClientResultException { Status: 404 } e => new TandemException(
                $"{where} does not know model '{endpoint.Model}' (HTTP 404: {Scrub(e.Message, endpoint)})",
                "check the Model id (for Azure, the deployment name) in the settings"),
            ClientResultException { Status: 429 } e => new TandemException(
                $"{where} is still rate-limiting model '{endpoint.Name}' after retries (HTTP 429: {Scrub(e.Message, endpoint)})",
                "wait and retry, or raise the rate limit with the provider"),
            ClientResultException { Status: 0 } or HttpRequestException { StatusCode: null } or TimeoutException or TaskCanceledException => new TandemException(
                $"cannot reach {where} for model '{endpoint.Name}': {Scrub(error.Message, endpoint)}",
                "check BaseUrl and that the server is running and reachable"),
            ClientResultException e => new TandemException(
                $"{where} failed for model '{endpoint.Name}' (HTTP {e.Status}: {Scrub(e.Message, endpoint)})",
                "retry later; if it persists, check the provider's status"),
            _ => null,
        };
    }

    private static string Scrub(string message, ModelEndpoint endpoint)
    {
        var oneLine = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (endpoint.ApiKeyVariable is not null && Environment.GetEnvironmentVariable(endpoint.ApiKeyVariable) is { Length: > 0 } key)
        {
            oneLine = oneLine.Replace(key, "[redacted]", StringComparison.Ordinal);
        }

        return oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
