using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Learning;

/// <summary>
/// Fine-tuning through OpenAI's REST API: files uploaded with purpose <c>fine-tune</c>, then
/// <c>/fine_tuning/jobs</c> to create, read, list events and checkpoints of, and cancel a job.
/// Services with the same jobs API (Azure OpenAI's v1 API, Together, Fireworks) work by base
/// URL. Plain HTTP rather than the SDK's preview fine-tuning client, so the requests are exactly
/// the documented ones.
/// </summary>
public sealed class OpenAiFineTuneBackend(HttpClient http, Uri baseUrl, string apiKey, TimeProvider? time = null) : IFineTuneBackend
{
    /// <summary>The day OpenAI stops accepting new self-serve fine-tuning jobs on its own API.</summary>
    public static readonly DateTimeOffset OpenAiSelfServeEnds = new(2027, 1, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether the base URL is OpenAI's own API (not Azure OpenAI or another service with the same jobs API).</summary>
    public bool IsOpenAi => baseUrl.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task<FineTuneJob> StartAsync(string trainPath, string? validationPath, string baseModel, int epochs, string? suffix, CancellationToken cancellationToken = default)
    {
        if (IsOpenAi && (time ?? TimeProvider.System).GetUtcNow() >= OpenAiSelfServeEnds)
        {
            throw new TandemException($"OpenAI stopped new self-serve fine-tuning jobs on {OpenAiSelfServeEnds:yyyy-MM-dd}; nothing was uploaded",
                "move the same dataset to Azure OpenAI, Together or Fireworks (same jobs API: set the model's BaseUrl), or 'tandem finetune export' for a self-hosted LoRA run");
        }

        var training = await UploadAsync(trainPath, cancellationToken);
        var validation = validationPath is null || new FileInfo(validationPath).Length == 0 ? null : await UploadAsync(validationPath, cancellationToken);
        var body = new JsonObject
        {
            ["model"] = baseModel,
            ["training_file"] = training,
            ["method"] = new JsonObject
            {
                ["type"] = "supervised",
                ["supervised"] = new JsonObject { ["hyperparameters"] = new JsonObject { ["n_epochs"] = epochs } },
            },
        };
        if (validation is not null)
        {
            body["validation_file"] = validation;
        }

        if (!string.IsNullOrWhiteSpace(suffix))
        {
            body["suffix"] = suffix;
        }

        return Job(await SendAsync(HttpMethod.Post, "fine_tuning/jobs", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken));
    }

    /// <inheritdoc />
    public async Task<FineTuneJob> GetAsync(string jobId, CancellationToken cancellationToken = default) =>
        Job(await SendAsync(HttpMethod.Get, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}", null, cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> EventsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var list = await SendAsync(HttpMethod.Get, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}/events?limit=100", null, cancellationToken);
        // The API lists newest first.
        return list["data"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).Reverse().ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> CheckpointsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var list = await SendAsync(HttpMethod.Get, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}/checkpoints", null, cancellationToken);
        return list["data"]!.AsArray().Select(c => c!["fine_tuned_model_checkpoint"]!.GetValue<string>()).ToList();
    }

    /// <inheritdoc />
    public async Task<FineTuneJob> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        Job(await SendAsync(HttpMethod.Post, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}/cancel", null, cancellationToken));

    private async Task<string> UploadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"dataset file not found: {path}", "build one with 'tandem dataset build'");
        }

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("fine-tune"), "purpose");
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        form.Add(file, "file", Path.GetFileName(path));
        return (await SendAsync(HttpMethod.Post, "files", form, cancellationToken))["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
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

    private static string? TryMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"]?["message"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FineTuneJob Job(JsonNode job) => new(
        job["id"]!.GetValue<string>(),
        job["status"]!.GetValue<string>(),
        job["model"]?.GetValue<string>() ?? string.Empty,
        job["fine_tuned_model"]?.GetValue<string>(),
        job["trained_tokens"]?.GetValue<long>(),
        job["error"]?["message"]?.GetValue<string>());
}
