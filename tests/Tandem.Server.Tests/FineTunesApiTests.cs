using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;
using Tandem.Server.Apis;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>Fine-tune jobs started from a dataset through the fake OpenAI files and fine-tuning jobs API, as their starter, a stranger and an admin.</summary>
public sealed class FineTunesApiTests : IAsyncLifetime
{
    private readonly FakeModelServer _provider = new();
    private readonly string _keyVariable = "TANDEM_TEST_FT_" + Guid.NewGuid().ToString("N");
    private readonly ServerFactory _factory;
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;
    private HttpClient _admin = null!;

    public FineTunesApiTests()
    {
        Environment.SetEnvironmentVariable(_keyVariable, "sk-ft-test");
        _factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["Tandem:Models:base:Provider"] = "openai",
            ["Tandem:Models:base:Model"] = "gpt-4.1-mini-2025-04-14",
            ["Tandem:Models:base:BaseUrl"] = _provider.BaseUrl.ToString(),
            ["Tandem:Models:base:ApiKeyVariable"] = _keyVariable,
        });
    }

    public async ValueTask InitializeAsync()
    {
        _alice = await _factory.ClientForAsync("alice", "legal");
        _bob = await _factory.ClientForAsync("bob");
        _admin = await _factory.ClientForAsync("root", "admin");
        await LearningData.SeedAsync(_factory);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { _alice, _bob, _admin })
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
        _provider.Dispose();
        Environment.SetEnvironmentVariable(_keyVariable, null);
    }

    private async Task<string> DatasetAsync(HttpClient client, string format = "openai-chat", string? audience = null)
    {
        using var response = await client.PostAsJsonAsync("/api/datasets", new DatasetRequest(Format: format, Audience: audience));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task StartThenFollow_UploadsStartsAndRegistersTheModelForTheDatasetsAudience()
    {
        var dataset = await DatasetAsync(_alice, audience: "group:legal");

        using var started = await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base", Suffix: "contracts"));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("/api/finetunes/ftjob-1", started.Headers.Location?.OriginalString);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("validating_files", "openai", dataset), (job.GetProperty("status").GetString(), job.GetProperty("backend").GetString(), job.GetProperty("datasetId").GetString()));
        var requests = _provider.Requests.ToList();
        Assert.Equal(["/v1/files", "/v1/files", "/v1/fine_tuning/jobs"], requests.Select(r => r.Path));
        Assert.Equal("Bearer sk-ft-test", requests[0].Headers["Authorization"]);
        Assert.Contains("Quillfeather pricing", requests[0].Body + requests[1].Body, StringComparison.Ordinal);
        var create = FakeModelServer.BodyOf(requests[2]);
        Assert.Equal(("gpt-4.1-mini-2025-04-14", "file-1", "file-2"), (create.GetProperty("model").GetString(), create.GetProperty("training_file").GetString(), create.GetProperty("validation_file").GetString()));

        JsonElement followed = default;
        for (var i = 0; i < 3; i++)
        {
            followed = await _alice.GetFromJsonAsync<JsonElement>("/api/finetunes/ftjob-1");
        }

        Assert.Equal("succeeded", followed.GetProperty("status").GetString());
        Assert.Equal("ft:gpt-4.1-mini-2025-04-14:tandem:contracts:abc123", followed.GetProperty("fineTunedModel").GetString());
        Assert.Equal("openai-ftjob-1", followed.GetProperty("registeredModelId").GetString());
        Assert.Contains("Job running", followed.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var registered = await _factory.Services.GetRequiredService<IModelRegistry>().GetAsync("openai-ftjob-1");
        Assert.Equal(["group:legal"], registered!.Audience);
        Assert.Equal(JsonValueKind.Null, (await _alice.GetFromJsonAsync<JsonElement>("/api/finetunes/ftjob-1")).GetProperty("registeredModelId").ValueKind);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersJobs_AdminSeesAll()
    {
        var dataset = await DatasetAsync(_alice);
        Assert.Equal(HttpStatusCode.Created, (await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base"))).StatusCode);

        var forAlice = await _alice.GetFromJsonAsync<JsonElement>("/api/finetunes");
        var forBob = await _bob.GetFromJsonAsync<JsonElement>("/api/finetunes");
        var forAdmin = await _admin.GetFromJsonAsync<JsonElement>("/api/finetunes");

        Assert.Equal(["ftjob-1"], forAlice.EnumerateArray().Select(j => j.GetProperty("jobId").GetString()));
        Assert.Equal(0, forBob.GetArrayLength());
        Assert.Equal(1, forAdmin.GetArrayLength());
    }

    [Fact]
    public async Task AStrangersCalls_404AndNothingReachesTheProvider()
    {
        var dataset = await DatasetAsync(_alice);
        Assert.Equal(HttpStatusCode.Created, (await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base"))).StatusCode);
        var before = _provider.Requests.Count;

        await ProblemAssert.AssertAsync(await _bob.GetAsync("/api/finetunes/ftjob-1"), HttpStatusCode.NotFound, FineTunesApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await _bob.PostAsync("/api/finetunes/ftjob-1/cancel", null), HttpStatusCode.NotFound, FineTunesApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await _bob.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base")), HttpStatusCode.NotFound, DatasetsApi.NotFoundDetail);

        Assert.Equal(before, _provider.Requests.Count);
    }

    [Fact]
    public async Task Cancel_ByTheStarter_ProviderCancelsIt()
    {
        var dataset = await DatasetAsync(_alice);
        Assert.Equal(HttpStatusCode.Created, (await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base"))).StatusCode);

        using var cancelled = await _alice.PostAsync("/api/finetunes/ftjob-1/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("/v1/fine_tuning/jobs/ftjob-1/cancel", _provider.Requests.Last().Path);
    }

    [Fact]
    public async Task Start_BadRequests_400WithTheLibrarysLine()
    {
        var dataset = await DatasetAsync(_alice);
        var bedrock = await DatasetAsync(_alice, format: "bedrock");

        await ProblemAssert.AssertAsync(await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, null)), HttpStatusCode.BadRequest, "give datasetId");
        await ProblemAssert.AssertAsync(await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "gpt-9")), HttpStatusCode.BadRequest,
            "no model named 'gpt-9' is configured; configured: base");
        await ProblemAssert.AssertAsync(await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base", Epochs: 0)), HttpStatusCode.BadRequest,
            "epochs must be between 1 and 50, not 0");
        await ProblemAssert.AssertAsync(await _alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(bedrock, "base")), HttpStatusCode.BadRequest,
            $"dataset {bedrock} is in the bedrock format; provider jobs take openai-chat datasets");
        Assert.Empty(_provider.Requests);
    }
}
