using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Learning;

/// <summary>
/// JSON over HTTP for the fine-tuning backends: a bearer key, one clear error per failure (the
/// provider's own message, the key scrubbed from it), and files sent as JSON Lines.
/// </summary>
internal sealed class FineTuneHttp(HttpClient http, Uri baseUrl, string apiKey)
{
    public async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new TandemException($"cannot reach {baseUrl}: {e.Message}", "check the model's BaseUrl and the network");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var message = TryMessage(text) ?? text;
                message = message.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
                throw new TandemException($"{baseUrl} refused {method} {path.Split('?')[0]} (HTTP {(int)response.StatusCode}: {message})",
                    (int)response.StatusCode is 401 or 403 ? "check the API key" : "check the dataset and the base model's fine-tuning support");
            }

            return JsonNode.Parse(text) ?? throw new TandemException($"{baseUrl} returned an empty body for {path}");
        }
    }

    /// <summary>A dataset file's content for an upload; a missing file is a clear error.</summary>
    public static StreamContent FileContent(string path)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"dataset file not found: {path}", "build one with 'tandem dataset build'");
        }

        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        return file;
    }

    /// <summary>The message of an error body: OpenAI's <c>{"error": {"message"}}</c>, or a top-level <c>message</c> or string <c>error</c>.</summary>
    private static string? TryMessage(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            return node?["error"] switch
            {
                JsonObject error => error["message"]?.GetValue<string>(),
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                _ => node?["message"]?.GetValue<string>(),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
