using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Learning;

/// <summary>
/// Fine-tuning through Together's REST API: files uploaded to <c>/files/upload</c>, then
/// <c>/fine-tunes</c> to create (a LoRA, supervised run), read, list events and checkpoints of,
/// and cancel a job. Together's statuses are mapped to the common vocabulary (queued, running,
/// succeeded, failed, cancelled); the resulting model is its <c>model_output_name</c>, served by
/// Together's OpenAI-compatible chat API.
/// </summary>
public sealed class TogetherFineTuneBackend(HttpClient http, Uri baseUrl, string apiKey) : IFineTuneBackend
{
    private readonly FineTuneHttp _api = new(http, baseUrl, apiKey);

    /// <inheritdoc />
    public string Name => "together";

    /// <inheritdoc />
    public async Task<FineTuneJob> StartAsync(string trainPath, string? validationPath, string baseModel, int epochs, string? suffix, CancellationToken cancellationToken = default)
    {
        var training = await UploadAsync(trainPath, cancellationToken);
        var validation = validationPath is null || new FileInfo(validationPath).Length == 0 ? null : await UploadAsync(validationPath, cancellationToken);
        var body = new JsonObject
        {
            ["training_file"] = training,
            ["model"] = baseModel,
            ["n_epochs"] = epochs,
            ["training_type"] = new JsonObject { ["type"] = "Lora", ["lora_r"] = 16, ["lora_alpha"] = 32, ["lora_dropout"] = 0.05, ["lora_trainable_modules"] = "all-linear" },
            ["training_method"] = new JsonObject { ["method"] = "sft", ["train_on_inputs"] = "auto" },
        };
        if (validation is not null)
        {
            body["validation_file"] = validation;
            body["n_evals"] = 1;
        }

        if (!string.IsNullOrWhiteSpace(suffix))
        {
            body["suffix"] = suffix;
        }

        return await JobAsync(await _api.SendAsync(HttpMethod.Post, "fine-tunes", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FineTuneJob> GetAsync(string jobId, CancellationToken cancellationToken = default) =>
        await JobAsync(await _api.SendAsync(HttpMethod.Get, $"fine-tunes/{Uri.EscapeDataString(jobId)}", null, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> EventsAsync(string jobId, CancellationToken cancellationToken = default) =>
        (await EventNodesAsync(jobId, cancellationToken)).Select(e => e["message"]?.GetValue<string>() ?? e["type"]?.GetValue<string>() ?? string.Empty).ToList();

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> CheckpointsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var list = await _api.SendAsync(HttpMethod.Get, $"fine-tunes/{Uri.EscapeDataString(jobId)}/checkpoints", null, cancellationToken);
        return list["data"]!.AsArray().OrderByDescending(c => c!["step"]?.GetValue<int>() ?? 0).Select(c => c!["path"]!.GetValue<string>()).ToList();
    }

    /// <inheritdoc />
    public async Task<FineTuneJob> CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        await JobAsync(await _api.SendAsync(HttpMethod.Post, $"fine-tunes/{Uri.EscapeDataString(jobId)}/cancel", null, cancellationToken), cancellationToken);

    /// <summary>Together's job statuses in the common vocabulary.</summary>
    public static string StatusOf(string together) => together switch
    {
        "pending" or "queued" => "queued",
        "running" or "compressing" or "uploading" => "running",
        "completed" => "succeeded",
        "error" => "failed",
        "cancel_requested" or "cancelled" => "cancelled",
        var other => other,
    };

    private async Task<string> UploadAsync(string path, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("fine-tune"), "purpose");
        form.Add(new StringContent(Path.GetFileName(path)), "file_name");
        form.Add(new StringContent("jsonl"), "file_type");
        form.Add(FineTuneHttp.FileContent(path), "file", Path.GetFileName(path));
        return (await _api.SendAsync(HttpMethod.Post, "files/upload", form, cancellationToken))["id"]!.GetValue<string>();
    }

    private async Task<IReadOnlyList<JsonNode>> EventNodesAsync(string jobId, CancellationToken cancellationToken) =>
        (await _api.SendAsync(HttpMethod.Get, $"fine-tunes/{Uri.EscapeDataString(jobId)}/events", null, cancellationToken))["data"]!.AsArray().OfType<JsonNode>().ToList();

    /// <summary>A job in the common shape; a failed job's error is its last error event (Together has no error field).</summary>
    private async Task<FineTuneJob> JobAsync(JsonNode job, CancellationToken cancellationToken)
    {
        var id = job["id"]!.GetValue<string>();
        var status = StatusOf(job["status"]!.GetValue<string>());
        var error = status == "failed"
            ? (await EventNodesAsync(id, cancellationToken)).LastOrDefault(e => e["level"]?.GetValue<string>() == "error" || e["type"]?.GetValue<string>() == "job_error")?["message"]?.GetValue<string>() ?? "the job failed"
            : null;
        return new FineTuneJob(id, status, job["model"]?.GetValue<string>() ?? string.Empty,
            status == "succeeded" ? job["model_output_name"]?.GetValue<string>() : null, job["token_count"]?.GetValue<long>(), error);
    }
}
