using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;
using Tandem.Server.Apis;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>Fine-tune jobs started from a dataset through the fake OpenAI files and fine-tuning jobs API, as their starter, a stranger and an admin.</summary>
public sealed class FineTunesApiTests : ServerTest
{
    private readonly FakeModelServer _provider;
    private readonly string _keyVariable;

    public FineTunesApiTests()
        : this(new FakeModelServer(), "TANDEM_TEST_FT_" + Guid.NewGuid().ToString("N"))
    {
    }

    private FineTunesApiTests(FakeModelServer provider, string keyVariable)
        : base(new Dictionary<string, string?>
        {
            ["Tandem:Models:base:Provider"] = "openai",
            ["Tandem:Models:base:Model"] = "gpt-4.1-mini-2025-04-14",
            ["Tandem:Models:base:BaseUrl"] = provider.BaseUrl.ToString(),
            ["Tandem:Models:base:ApiKeyVariable"] = keyVariable,
        })
    {
        (_provider, _keyVariable) = (provider, keyVariable);
        Environment.SetEnvironmentVariable(_keyVariable, "sk-ft-test");
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await LearningData.SeedAsync(Factory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
        var dataset = await DatasetAsync(Alice, audience: "group:legal");

        using var started = await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base", Suffix: "contracts"));

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
            followed = await Alice.GetFromJsonAsync<JsonElement>("/api/finetunes/ftjob-1");
        }

        Assert.Equal("succeeded", followed.GetProperty("status").GetString());
        Assert.Equal("ft:gpt-4.1-mini-2025-04-14:tandem:contracts:abc123", followed.GetProperty("fineTunedModel").GetString());
        Assert.Equal("openai-ftjob-1", followed.GetProperty("registeredModelId").GetString());
        Assert.Contains("Job running", followed.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var registered = await Factory.Services.GetRequiredService<IModelRegistry>().GetAsync("openai-ftjob-1");
        Assert.Equal(["group:legal"], registered!.Audience);
        Assert.Equal(JsonValueKind.Null, (await Alice.GetFromJsonAsync<JsonElement>("/api/finetunes/ftjob-1")).GetProperty("registeredModelId").ValueKind);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersJobs_AdminSeesAll()
    {
        var dataset = await DatasetAsync(Alice);
        Assert.Equal(HttpStatusCode.Created, (await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base"))).StatusCode);

        var forAlice = await Alice.GetFromJsonAsync<JsonElement>("/api/finetunes");
        var forBob = await Bob.GetFromJsonAsync<JsonElement>("/api/finetunes");
        var forAdmin = await Admin.GetFromJsonAsync<JsonElement>("/api/finetunes");

        Assert.Equal(["ftjob-1"], forAlice.EnumerateArray().Select(j => j.GetProperty("jobId").GetString()));
        Assert.Equal(0, forBob.GetArrayLength());
        Assert.Equal(1, forAdmin.GetArrayLength());
    }

    [Fact]
    public async Task AStrangersCalls_404AndNothingReachesTheProvider()
    {
        var dataset = await DatasetAsync(Alice);
        Assert.Equal(HttpStatusCode.Created, (await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base"))).StatusCode);
        var before = _provider.Requests.Count;

        await ProblemAssert.AssertAsync(await Bob.GetAsync("/api/finetunes/ftjob-1"), HttpStatusCode.NotFound, FineTunesApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await Bob.PostAsync("/api/finetunes/ftjob-1/cancel", null), HttpStatusCode.NotFound, FineTunesApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await Bob.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base")), HttpStatusCode.NotFound, DatasetsApi.NotFoundDetail);

        Assert.Equal(before, _provider.Requests.Count);
    }

    [Fact]
    public async Task Cancel_ByTheStarter_ProviderCancelsIt()
    {
        var dataset = await DatasetAsync(Alice);
        Assert.Equal(HttpStatusCode.Created, (await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base"))).StatusCode);

        using var cancelled = await Alice.PostAsync("/api/finetunes/ftjob-1/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("/v1/fine_tuning/jobs/ftjob-1/cancel", _provider.Requests.Last().Path);
    }

    [Fact]
    public async Task Start_BadRequests_400WithTheLibrarysLine()
    {
        var dataset = await DatasetAsync(Alice);
        var bedrock = await DatasetAsync(Alice, format: "bedrock");

        await ProblemAssert.AssertAsync(await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, null)), HttpStatusCode.BadRequest, "give datasetId");
        await ProblemAssert.AssertAsync(await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "gpt-9")), HttpStatusCode.BadRequest,
            "no model named 'gpt-9' is configured; configured: base");
        await ProblemAssert.AssertAsync(await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(dataset, "base", Epochs: 0)), HttpStatusCode.BadRequest,
            "epochs must be between 1 and 50, not 0");
        await ProblemAssert.AssertAsync(await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(bedrock, "base")), HttpStatusCode.BadRequest,
            $"dataset {bedrock} is in the bedrock format; provider jobs take openai-chat datasets");
        Assert.Empty(_provider.Requests);
    }
}
