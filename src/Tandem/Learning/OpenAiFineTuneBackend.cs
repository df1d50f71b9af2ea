using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Learning;

/// <summary>
/// Fine-tuning through OpenAI's REST API: files uploaded with purpose <c>fine-tune</c>, then
/// <c>/fine_tuning/jobs</c> to create, read, list events and checkpoints of, and cancel a job.
/// Services with the same jobs API (Azure OpenAI's v1 API) work by base URL; Together has its
/// own API (<see cref="TogetherFineTuneBackend"/>). Plain HTTP rather than the SDK's preview fine-tuning client, so the requests are exactly
/// the documented ones.
/// </summary>
public sealed class OpenAiFineTuneBackend(HttpClient http, Uri baseUrl, string apiKey, TimeProvider? time = null) : IFineTuneBackend
{
    private readonly FineTuneHttp _api = new(http, baseUrl, apiKey);

    /// <inheritdoc />
    public string Name => "openai";

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
                "move the same dataset to Azure OpenAI (same jobs API: set the model's BaseUrl) or Together (FineTuneApi together), or 'tandem finetune export' for a self-hosted LoRA run");
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

        return Job(await _api.SendAsync(HttpMethod.Post, "fine_tuning/jobs", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken));
    }

    /// <inheritdoc />
    public async Task<FineTuneJob> GetAsync(string jobId, CancellationToken cancellationToken = default) =>
        Job(await _api.SendAsync(HttpMethod.Get, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}", null, cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> EventsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var list = await _api.SendAsync(HttpMethod.Get, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}/events?limit=100", null, cancellationToken);
        // The API lists newest first.
        return list["data"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).Reverse().ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> CheckpointsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var list = await _api.SendAsync(HttpMethod.Get, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}/checkpoints", null, cancellationToken);
        return list["data"]!.AsArray().Select(c => c!["fine_tuned_model_checkpoint"]!.GetValue<string>()).ToList();
    }

    /// <inheritdoc />
    public async Task<FineTuneJob> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        Job(await _api.SendAsync(HttpMethod.Post, $"fine_tuning/jobs/{Uri.EscapeDataString(jobId)}/cancel", null, cancellationToken));

    private async Task<string> UploadAsync(string path, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("fine-tune"), "purpose");
        form.Add(FineTuneHttp.FileContent(path), "file", Path.GetFileName(path));
        return (await _api.SendAsync(HttpMethod.Post, "files", form, cancellationToken))["id"]!.GetValue<string>();
    }

    private static FineTuneJob Job(JsonNode job) => new(
        job["id"]!.GetValue<string>(),
        job["status"]!.GetValue<string>(),
        job["model"]?.GetValue<string>() ?? string.Empty,
        job["fine_tuned_model"]?.GetValue<string>(),
        job["trained_tokens"]?.GetValue<long>(),
        job["error"]?["message"]?.GetValue<string>());
}
