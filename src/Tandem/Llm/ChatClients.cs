using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Tandem.Economics;

namespace Tandem.Llm;

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
        var (key, options) = Connection(endpoint, http);
        return new OpenAI.Chat.ChatClient(endpoint.Model, key, options).AsIChatClient();
    }

    /// <summary>
    /// A remote embedding model (the configured Model is the embedding model's id, e.g.
    /// text-embedding-3-small, or any OpenAI-compatible server's), for hybrid retrieval.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelEndpoint endpoint, HttpClient? http = null)
    {
        var (key, options) = Connection(endpoint, http);
        return new OpenAI.Embeddings.EmbeddingClient(endpoint.Model, key, options).AsIEmbeddingGenerator();
    }

    private static (ApiKeyCredential Key, OpenAIClientOptions Options) Connection(ModelEndpoint endpoint, HttpClient? http)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var key = endpoint.ApiKeyVariable is null ? null : Environment.GetEnvironmentVariable(endpoint.ApiKeyVariable);
        if (endpoint.Provider is "openai" or "azure-openai" && string.IsNullOrEmpty(key))
        {
            throw new TandemException($"model '{endpoint.Name}': the API key variable {endpoint.ApiKeyVariable ?? "(none configured)"} is not set",
                $"export {endpoint.ApiKeyVariable ?? "a variable"} with the key, and name it in ApiKeyVariable");
        }

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
        return new MeteringChatClient(new RetryingChatClient(provider, time) { MaxRetries = endpoint.MaxRetries }, ledger, prices, endpoint.Name, operation, time);
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
