namespace Tandem.Learning;

/// <summary>Where a self-hosted model is served: an OpenAI-compatible base URL and the served model (or adapter) id.</summary>
/// <param name="BaseUrl">The server's API base, e.g. http://gpu-1:8000/v1.</param>
/// <param name="Model">The served model or adapter id, e.g. contracts-lora-2026q4.</param>
public sealed record ServedEndpoint(Uri BaseUrl, string Model)
{
    /// <summary>The registry's human-readable location, e.g. "http://gpu-1:8000/v1 model contracts-lora".</summary>
    public string Location => $"{BaseUrl.ToString().TrimEnd('/')} model {Model}";
}
