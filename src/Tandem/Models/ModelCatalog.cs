using Microsoft.Extensions.Configuration;

namespace Tandem.Models;

/// <summary>
/// The models configured under <c>Tandem:Models</c>, from <c>appsettings.json</c> and
/// environment variables (<c>Tandem__Models__reviewer__Model=...</c>), later sources winning:
/// <code>
/// { "Tandem": { "Models": { "reviewer": { "Provider": "openai", "Model": "gpt-4.1-mini", "ApiKeyVariable": "OPENAI_API_KEY" } } } }
/// </code>
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelEndpoint> _models;

    private ModelCatalog(Dictionary<string, ModelEndpoint> models) => _models = models;

    public IReadOnlyList<ModelEndpoint> Models => _models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads <paramref name="settingsFile"/> when given (it must exist), otherwise
    /// <c>appsettings.json</c> in the working directory and <c>~/.config/tandem/appsettings.json</c>
    /// when present; then the environment.
    /// </summary>
    public static ModelCatalog Load(string? settingsFile = null) => FromConfiguration(TandemSettings.Load(settingsFile));

    /// <summary>Reads the <c>Tandem:Models</c> section of a configuration and validates every entry.</summary>
    public static ModelCatalog FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var models = new Dictionary<string, ModelEndpoint>(StringComparer.Ordinal);
        foreach (var section in configuration.GetSection("Tandem:Models").GetChildren())
        {
            var where = $"Tandem:Models:{section.Key}";
            var provider = (section["Provider"] ?? "openai").Trim().ToLowerInvariant();
            if (!ModelEndpoint.Providers.Contains(provider))
            {
                throw new TandemException($"{where}: unknown provider '{provider}'", $"use one of {string.Join(", ", ModelEndpoint.Providers)}");
            }

            var model = section["Model"];
            if (string.IsNullOrWhiteSpace(model))
            {
                throw new TandemException($"{where}: Model is missing", "set the provider's model or deployment id, e.g. \"Model\": \"gpt-4.1-mini\"");
            }

            Uri? baseUrl = null;
            if (section["BaseUrl"] is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")))
            {
                throw new TandemException($"{where}: BaseUrl '{url}' is not an http(s) URL", "e.g. \"BaseUrl\": \"http://localhost:8000/v1\"");
            }

            if (provider is "openai-compatible" or "azure-openai" && baseUrl is null)
            {
                throw new TandemException($"{where}: a {provider} model needs a BaseUrl", "e.g. \"BaseUrl\": \"http://localhost:11434/v1\" (Ollama) or \"https://<resource>.openai.azure.com/openai/v1/\"");
            }

            if (section["ApiKey"] is not null)
            {
                throw new TandemException($"{where}: keys are not read from settings files", "put the key in an environment variable and name it in ApiKeyVariable, e.g. \"ApiKeyVariable\": \"OPENAI_API_KEY\"");
            }

            var keyVariable = section["ApiKeyVariable"] ?? provider switch { "openai" => "OPENAI_API_KEY", "anthropic" => "ANTHROPIC_API_KEY", _ => null };
            var retries = 4;
            if (section["MaxRetries"] is { } retryText && (!int.TryParse(retryText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out retries) || retries is < 0 or > 10))
            {
                throw new TandemException($"{where}: MaxRetries '{retryText}' must be a whole number from 0 to 10", "e.g. \"MaxRetries\": 4");
            }

            var fineTuneApi = (section["FineTuneApi"] ?? ModelEndpoint.DefaultFineTuneApi(provider, baseUrl)).Trim().ToLowerInvariant();
            if (!ModelEndpoint.FineTuneApis.Contains(fineTuneApi))
            {
                throw new TandemException($"{where}: unknown FineTuneApi '{fineTuneApi}'", $"use one of {string.Join(", ", ModelEndpoint.FineTuneApis)}");
            }

            models[section.Key] = new ModelEndpoint(section.Key, provider, model.Trim(), baseUrl, keyVariable) { MaxRetries = retries, FineTuneApi = fineTuneApi };
        }

        return new ModelCatalog(models);
    }

    /// <summary>The model of that name, or a clear error listing what is configured.</summary>
    public ModelEndpoint Get(string name) =>
        _models.TryGetValue(name, out var model)
            ? model
            : throw new TandemException($"no model named '{name}' is configured",
                _models.Count == 0
                    ? $"add it under Tandem:Models in appsettings.json (working folder or ~/.config/tandem/), e.g. {{ \"Tandem\": {{ \"Models\": {{ \"{name}\": {{ \"Provider\": \"openai\", \"Model\": \"gpt-4.1-mini\", \"ApiKeyVariable\": \"OPENAI_API_KEY\" }} }} }} }}"
                    : "configured: " + string.Join(", ", _models.Keys.Order(StringComparer.Ordinal)));
}
