using System.Text.Json;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

/// <summary><c>tandem finetune</c> against the fake OpenAI files and fine-tuning jobs API.</summary>
public sealed class FineTuneTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeModelServer _server = new();
    private readonly CliRunner _cli;
    private readonly string _settings;
    private readonly string _keyVariable = "TANDEM_TEST_FT_" + Guid.NewGuid().ToString("N");

    public FineTuneTests()
    {
        _cli = new CliRunner(_dir.File("tandem.db"));
        Environment.SetEnvironmentVariable(_keyVariable, "sk-ft-test");
        _settings = _dir.Write("appsettings.json", $$"""
            { "Tandem": { "Models": {
              "base": { "Provider": "openai", "Model": "gpt-4.1-mini-2025-04-14", "BaseUrl": "{{_server.BaseUrl}}", "ApiKeyVariable": "{{_keyVariable}}" },
              "claude": { "Provider": "anthropic", "Model": "claude-sonnet-4", "ApiKeyVariable": "{{_keyVariable}}" },
              "llama": { "Provider": "openai-compatible", "Model": "meta-llama/Llama-3.1-8B-Instruct-Reference", "BaseUrl": "{{_server.BaseUrl}}", "FineTuneApi": "together", "ApiKeyVariable": "{{_keyVariable}}" } } } }
            """);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        _server.Dispose();
        _dir.Dispose();
    }

    private string Dataset(int examples) => _dir.Write($"train{examples}.jsonl", string.Join("\n", Enumerable.Range(0, examples).Select(i => JsonSerializer.Serialize(new
    {
        messages = new[] { new { role = "system", content = "Review." }, new { role = "user", content = $"Passages:\n[1] Clause {i}\n" }, new { role = "assistant", content = "{\"findings\": []}" } },
    }))) + "\n");

    [Fact]
    public async Task StartThenStatus_UploadsCreatesFollowsAndRegisters()
    {
        var (exit, output, error) = await _cli.RunAsync("finetune", "start", "--model", "base", "--settings", _settings, "--train", Dataset(12), "--suffix", "contracts");

        Assert.True(exit == 0, error);
        Assert.Contains("started ftjob-1 (validating_files)", output, StringComparison.Ordinal);
        var requests = _server.Requests.ToList();
        Assert.Equal(("POST", "/v1/files"), (requests[0].Method, requests[0].Path));
        Assert.StartsWith("multipart/form-data", requests[0].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("Bearer sk-ft-test", requests[0].Headers["Authorization"]);
        var create = FakeModelServer.BodyOf(requests[1]);
        Assert.Equal(("gpt-4.1-mini-2025-04-14", "file-1", "contracts"), (create.GetProperty("model").GetString(), create.GetProperty("training_file").GetString(), create.GetProperty("suffix").GetString()));
        Assert.Equal(3, create.GetProperty("method").GetProperty("supervised").GetProperty("hyperparameters").GetProperty("n_epochs").GetInt32());

        string last = string.Empty;
        for (var i = 0; i < 3; i++)
        {
            last = (await _cli.RunAsync("finetune", "status", "ftjob-1", "--model", "base", "--settings", _settings)).Output;
        }

        Assert.Contains("ftjob-1: succeeded, model ft:gpt-4.1-mini-2025-04-14:tandem:contracts:abc123, 12,345 trained tokens", last, StringComparison.Ordinal);
        Assert.Contains("  Job running", last, StringComparison.Ordinal);
        Assert.Contains("checkpoint ft:gpt-4.1-mini-2025-04-14:tandem:contracts:abc123:ckpt-step-10", last, StringComparison.Ordinal);
        var registered = await new SqliteModelRegistry(_cli.DatabasePath).GetAsync("openai-ftjob-1", TestContext.Current.CancellationToken);
        Assert.Equal(("openai", "ft:gpt-4.1-mini-2025-04-14:tandem:contracts:abc123", ModelStatus.Candidate), (registered!.Backend, registered.Location, registered.Status));
    }

    [Fact]
    public async Task Export_WritesDatasetAndParsableLoraConfigs()
    {
        var folder = _dir.File("export");

        var (exit, output, error) = await _cli.RunAsync("finetune", "export", "--train", Dataset(12), "--valid", Dataset(10), "--base", "Qwen/Qwen2.5-7B-Instruct",
            "--epochs", "2", "--name", "contracts-q4", "--out", folder);

        Assert.True(exit == 0, error);
        Assert.Contains("wrote 5 files", output, StringComparison.Ordinal);
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build();
        var axolotl = yaml.Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(folder, "axolotl.yaml")));
        Assert.Equal(("Qwen/Qwen2.5-7B-Instruct", "lora", "2"), (axolotl["base_model"], axolotl["adapter"], axolotl["num_epochs"]));
        Assert.True(axolotl.ContainsKey("test_datasets"));
        var trl = yaml.Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(folder, "trl-sft.yaml")));
        Assert.Equal(("Qwen/Qwen2.5-7B-Instruct", "true"), (trl["model_name_or_path"], trl["use_peft"]));
        Assert.Equal(12, File.ReadAllLines(Path.Combine(folder, "train.jsonl")).Length);
        Assert.Contains("tandem models register --endpoint http://<host>:8000/v1 --model contracts-q4", File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
        Assert.Equal(1, (await _cli.RunAsync("finetune", "export", "--train", Dataset(12), "--name", "bad name!", "--out", folder)).Exit);
    }

    [Fact]
    public async Task Start_OnOpenAiAfterSelfServeEnds_RefusedBeforeAnyUpload_OtherServicesGoOn()
    {
        var after = new ManualTimeProvider(OpenAiFineTuneBackend.OpenAiSelfServeEnds.AddDays(1));
        using var http = new HttpClient();
        var openAi = new OpenAiFineTuneBackend(http, new Uri("https://api.openai.com/v1/"), "sk", after);
        var together = new OpenAiFineTuneBackend(http, _server.BaseUrl, "sk", after);

        var refused = await Assert.ThrowsAsync<TandemException>(() => openAi.StartAsync(Dataset(12), null, "gpt-4.1-mini", 1, null, TestContext.Current.CancellationToken));
        var job = await together.StartAsync(Dataset(12), null, "gpt-4.1-mini", 1, null, TestContext.Current.CancellationToken);

        Assert.Contains("stopped new self-serve fine-tuning jobs on 2027-01-06", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Azure OpenAI (same jobs API: set the model's BaseUrl) or Together", refused.Hint, StringComparison.Ordinal);
        Assert.False(job.IsFinished && job.Status == "failed");
        Assert.False(together.IsOpenAi);
    }

    [Fact]
    public async Task RetrainProvider_BuildsStartsAndRecordsTheJob_CronDoesNotStartItTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var empty = await _cli.RunAsync("retrain", "provider", "--model", "base", "--settings", _settings, "--out", _dir.File("ds0"));
        Assert.Equal(1, empty.Exit);
        Assert.Contains("does not pass validation", empty.Error, StringComparison.Ordinal);
        Assert.Contains("not started", (await new SqliteModelRegistry(_cli.DatabasePath).ListDecisionsAsync(ct))[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("/files", StringComparison.Ordinal));

        var categories = new[] { "Governing Law", "Cap on Liability", "Anti-Assignment" };
        var lines = Enumerable.Range(0, 24).Select(i => JsonSerializer.Serialize(new
        {
            category = categories[i % 3], input = $"Clause number {i} of the supply agreement between the parties, about {categories[i % 3]} and item {i * 7}.", provenance = "curated", access = new[] { "public" },
        }));
        Assert.Equal(0, (await _cli.RunAsync("examples", "import", _dir.Write("examples.jsonl", string.Join("\n", lines)), "--groups", "admin")).Exit); // curated public examples: an admin's

        var started = await _cli.RunAsync("retrain", "provider", "--model", "base", "--settings", _settings, "--retrieval-aware", "--out", _dir.File("ds1"), "--if-due");

        Assert.True(started.Exit == 0, started.Error);
        Assert.StartsWith("due: no openai model is registered yet", started.Output, StringComparison.Ordinal);
        Assert.Contains("started ftjob-", started.Output, StringComparison.Ordinal);
        Assert.Contains("training cost estimate: ", started.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("ds1/train.jsonl")));
        var decision = (await new SqliteModelRegistry(_cli.DatabasePath).ListDecisionsAsync(ct))[0];
        Assert.StartsWith("ftjob-", decision.Job, StringComparison.Ordinal);
        Assert.Single(_server.Requests, r => r.Method == "POST" && r.Path.EndsWith("/fine_tuning/jobs", StringComparison.Ordinal));

        var cron = await _cli.RunAsync("retrain", "provider", "--model", "base", "--settings", _settings, "--out", _dir.File("ds2"), "--if-due");

        Assert.Equal(0, cron.Exit);
        Assert.StartsWith($"not due: the last training job ({decision.Job}) is 0.0 days old", cron.Output, StringComparison.Ordinal);
        Assert.Single(_server.Requests, r => r.Method == "POST" && r.Path.EndsWith("/fine_tuning/jobs", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_dir.File("ds2")));
    }

    [Fact]
    public async Task LocalBackend_SameInterface_JobIsTheRegisteredCandidate()
    {
        var registry = new SqliteModelRegistry(_cli.DatabasePath);
        var ct = TestContext.Current.CancellationToken;
        var trainer = new LocalRetrainer(new CuadTrainingSet(Tandem.Documents.DocumentReaders.CreateDefault(), new Tandem.Documents.ClauseSegmenter()), registry);
        IFineTuneBackend backend = new LocalFineTuneBackend(trainer, registry, _dir.File("models"), _ => Task.FromResult(CorrectionLabelling.None));
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await registry.RegisterAsync(new RegisteredModel("local-1", "local", "kind", "/m/local-1.zip", "h", at, null, ModelStatus.Candidate, null, "12 curated training contracts"), ct);

        var job = await backend.GetAsync("local-1", ct);

        Assert.Equal(("succeeded", "local-1", LocalFineTuneBackend.BaseModel), (job.Status, job.FineTunedModel, job.BaseModel));
        Assert.True(job.IsFinished);
        Assert.Equal(["/m/local-1.zip"], await backend.CheckpointsAsync("local-1", ct));
        Assert.Contains("trained on 12 curated training contracts (data h)", await backend.EventsAsync("local-1", ct));
        Assert.Contains("no local training job nope", (await Assert.ThrowsAsync<TandemException>(() => backend.GetAsync("nope", ct))).Message, StringComparison.Ordinal);
        Assert.Contains("is not one", (await Assert.ThrowsAsync<TandemException>(() => backend.StartAsync(Dataset(3), null, "x", 1, null, ct))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TandemException>(() => backend.CancelAsync("local-1", ct));
    }

    [Fact]
    public async Task Cancel_StopsTheJob()
    {
        Assert.Equal(0, (await _cli.RunAsync("finetune", "start", "--model", "base", "--settings", _settings, "--train", Dataset(10))).Exit);

        var (exit, output, _) = await _cli.RunAsync("finetune", "cancel", "ftjob-1", "--model", "base", "--settings", _settings);

        Assert.Equal(0, exit);
        Assert.Contains("ftjob-1: cancelled", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidDatasetOrNoFineTuning_RefusedBeforeAnyUpload()
    {
        var tooFew = await _cli.RunAsync("finetune", "start", "--model", "base", "--settings", _settings, "--train", Dataset(3));
        var anthropic = await _cli.RunAsync("finetune", "start", "--model", "claude", "--settings", _settings, "--train", Dataset(12));
        var unknownJob = await _cli.RunAsync("finetune", "status", "ftjob-99", "--model", "base", "--settings", _settings);

        Assert.Equal(1, tooFew.Exit);
        Assert.Contains("does not pass validation", tooFew.Error, StringComparison.Ordinal);
        Assert.Equal(1, anthropic.Exit);
        Assert.Contains("no self-serve fine-tuning", anthropic.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownJob.Exit);
        Assert.Contains("HTTP 404: No such fine-tuning job", unknownJob.Error, StringComparison.Ordinal);
        Assert.Single(_server.Requests); // only the status query reached the server
    }

    [Fact]
    public async Task Together_OwnApi_UploadsCreatesFollowsRegisters_FailureAndCancelMapped()
    {
        var (exit, output, error) = await _cli.RunAsync("finetune", "start", "--model", "llama", "--settings", _settings, "--train", Dataset(12), "--valid", Dataset(10), "--suffix", "contracts");

        Assert.True(exit == 0, error);
        Assert.Contains("started ft-0000000001 (queued)", output, StringComparison.Ordinal);
        var requests = _server.Requests.ToList();
        Assert.Equal([("POST", "/v1/files/upload"), ("POST", "/v1/files/upload"), ("POST", "/v1/fine-tunes")], requests.Select(r => (r.Method, r.Path)).Take(3));
        Assert.Contains("name=file_name", requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("Bearer sk-ft-test", requests[0].Headers["Authorization"]);
        var create = FakeModelServer.BodyOf(requests[2]);
        Assert.Equal(("meta-llama/Llama-3.1-8B-Instruct-Reference", 3, "Lora", "sft", "contracts"), (create.GetProperty("model").GetString(), create.GetProperty("n_epochs").GetInt32(),
            create.GetProperty("training_type").GetProperty("type").GetString(), create.GetProperty("training_method").GetProperty("method").GetString(), create.GetProperty("suffix").GetString()));
        Assert.StartsWith("file-together-", create.GetProperty("validation_file").GetString(), StringComparison.Ordinal);

        var last = string.Empty;
        for (var i = 0; i < 3; i++)
        {
            last = (await _cli.RunAsync("finetune", "status", "ft-0000000001", "--model", "llama", "--settings", _settings)).Output;
        }

        Assert.Contains("ft-0000000001: succeeded, model tandem/meta-llama/Llama-3.1-8B-Instruct-Reference-contracts-abc123, 23,456 trained tokens", last, StringComparison.Ordinal);
        Assert.Contains("  Job completed", last, StringComparison.Ordinal);
        Assert.True(last.IndexOf("checkpoint s3://together/ft-0000000001/final", StringComparison.Ordinal) < last.IndexOf("checkpoint-10", StringComparison.Ordinal));
        var registered = await new SqliteModelRegistry(_cli.DatabasePath).GetAsync("together-ft-0000000001", TestContext.Current.CancellationToken);
        Assert.Equal(("together", "tandem/meta-llama/Llama-3.1-8B-Instruct-Reference-contracts-abc123"), (registered!.Backend, registered.Location));

        _server.FailJobs = true;
        Assert.Equal(0, (await _cli.RunAsync("finetune", "start", "--model", "llama", "--settings", _settings, "--train", Dataset(12))).Exit);
        for (var i = 0; i < 3; i++)
        {
            last = (await _cli.RunAsync("finetune", "status", "ft-0000000002", "--model", "llama", "--settings", _settings)).Output;
        }

        Assert.Contains("ft-0000000002: failed, error: Training data has too few rows.", last, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("finetune", "start", "--model", "llama", "--settings", _settings, "--train", Dataset(12))).Exit);
        var cancelled = await _cli.RunAsync("finetune", "cancel", "ft-0000000003", "--model", "llama", "--settings", _settings);
        Assert.Contains("ft-0000000003: cancelled", cancelled.Output, StringComparison.Ordinal);
    }
}
