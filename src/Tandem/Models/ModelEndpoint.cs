namespace Tandem.Models;

/// <summary>
/// A configured model: a name Tandem uses, the provider protocol, the provider's model id (a
/// fine-tuned id such as <c>ft:gpt-4.1-mini:acme::abc</c> works like any other) and where to
/// reach it. The API key is never held here: it is read from <see cref="ApiKeyVariable"/> when a
/// client is created, so printing or logging an endpoint cannot leak it.
/// </summary>
/// <param name="Name">The name used on the command line, e.g. "reviewer".</param>
/// <param name="Provider">Protocol: openai, azure-openai, openai-compatible, anthropic.</param>
/// <param name="Model">The provider's model (or deployment) id.</param>
/// <param name="BaseUrl">The API base URL; null means the provider's public endpoint.</param>
/// <param name="ApiKeyVariable">The environment variable holding the key; null when the server needs none.</param>
public sealed record ModelEndpoint(string Name, string Provider, string Model, Uri? BaseUrl, string? ApiKeyVariable)
{
    /// <summary>Retries after a passing failure (429, 5xx, timeouts, refused connections).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>
    /// Which fine-tuning API the provider speaks: "openai" (files plus <c>/fine_tuning/jobs</c>:
    /// OpenAI, Azure OpenAI's v1 API) or "together" (<c>/files/upload</c> plus
    /// <c>/fine-tunes</c>); "none" when it has no self-serve fine-tuning (Anthropic). Set by
    /// <c>FineTuneApi</c>, else inferred from the provider and base URL.
    /// </summary>
    public string FineTuneApi { get; init; } = "openai";

    /// <summary>The fine-tuning APIs Tandem speaks.</summary>
    public static IReadOnlyList<string> FineTuneApis { get; } = ["openai", "together", "none"];

    /// <summary>The fine-tuning API a provider and base URL imply when none is configured.</summary>
    public static string DefaultFineTuneApi(string provider, Uri? baseUrl) =>
        provider == "anthropic" ? "none"
        : baseUrl is { } url && (url.Host.EndsWith("together.xyz", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("together.ai", StringComparison.OrdinalIgnoreCase)) ? "together"
        : "openai";

    /// <summary>Supported providers: three through the OpenAI chat-completions protocol, and Anthropic's messages API.</summary>
    public static IReadOnlyList<string> Providers { get; } = ["openai", "azure-openai", "openai-compatible", "anthropic"];

    /// <summary>Whether the key variable is set (without revealing it).</summary>
    public bool HasApiKey => ApiKeyVariable is not null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable));
}
