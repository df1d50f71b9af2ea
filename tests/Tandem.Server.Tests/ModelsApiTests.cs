using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;
using Tandem.Server.Apis;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>The registry as each caller may see it, and scoring and promotion for admins only, through the same gate as the CLI.</summary>
public sealed class ModelsApiTests : ServerTest
{
    private IModelRegistry Registry => Factory.Services.GetRequiredService<IModelRegistry>();

    private static RegisteredModel SelfHosted(string id, double? aupr, string audience = "public", string? parent = null) =>
        new(id, ModelService.SelfHostedBackend, "llama", $"http://127.0.0.1:9/v1 model {id}", "hash", DateTimeOffset.UtcNow,
            aupr is { } a ? new GateScores("gate-1", a, new Dictionary<string, CategoryScore>()) : null, ModelStatus.Candidate, parent, null)
        {
            Audience = [audience], Endpoint = new ServedEndpoint(new Uri("http://127.0.0.1:9/v1"), id),
        };

    [Fact]
    public async Task List_ShowsLineageAndScoresOfTheModelsTheCallerMaySee()
    {
        await Registry.RegisterAsync(SelfHosted("sh-public", 0.5));
        await Registry.RegisterAsync(SelfHosted("sh-legal", 0.7, "group:legal", parent: "sh-public"));

        var forAlice = await Alice.GetFromJsonAsync<JsonElement>("/api/models");
        var forBob = await Bob.GetStringAsync("/api/models");

        var legal = forAlice.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "sh-legal");
        Assert.Equal("sh-public", legal.GetProperty("parent").GetString());
        Assert.Equal(0.7, legal.GetProperty("scores").GetProperty("aupr").GetDouble());
        Assert.Equal("Candidate", legal.GetProperty("status").GetString());
        Assert.Contains("sh-public", forBob, StringComparison.Ordinal);
        Assert.DoesNotContain("sh-legal", forBob, StringComparison.Ordinal);
        // The shipped model is listed to everyone, but where it lies on the server's disk only to admins.
        Assert.All(JsonDocument.Parse(forBob).RootElement.EnumerateArray(), m =>
        {
            Assert.False(Path.IsPathRooted(m.GetProperty("location").GetString()), m.ToString());
            Assert.True(m.GetProperty("endpoint").ValueKind == JsonValueKind.Null, m.ToString());
        });
    }

    [Fact]
    public async Task AdminEndpoints_NonAdmin_403AndNothingChanged()
    {
        await Registry.RegisterAsync(SelfHosted("sh-a", 0.5));

        var answers = new[]
        {
            await Alice.PostAsJsonAsync("/api/models/sh-a/promote", new PromoteRequest()),
            await Alice.PostAsJsonAsync("/api/models/sh-a/evaluate", new EvaluateRequest("/tmp")),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        Assert.All(answers, a => Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType));
        Assert.Equal(ModelStatus.Candidate, (await Registry.GetAsync("sh-a"))!.Status);
    }

    [Fact]
    public async Task Promote_GateRefuses_409WithEveryReason_ThenForcedWithAReason()
    {
        await Registry.RegisterAsync(SelfHosted("sh-champion", 0.9));
        await Registry.PromoteAsync("sh-champion", "passed the gate");
        await Registry.RegisterAsync(SelfHosted("sh-worse", 0.4));

        var refused = await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/models/sh-worse/promote", new PromoteRequest()), HttpStatusCode.Conflict,
            "the gate refused sh-worse; sh-champion stays champion");
        Assert.Contains(refused.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("pooled AUPR 40.0 vs champion 90.0", StringComparison.Ordinal));
        Assert.Equal(ModelStatus.Champion, (await Registry.GetAsync("sh-champion"))!.Status);

        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/models/sh-worse/promote", new PromoteRequest(Force: true)), HttpStatusCode.BadRequest,
            "--force needs --reason");
        using var forced = await Admin.PostAsJsonAsync("/api/models/sh-worse/promote", new PromoteRequest(Force: true, Reason: "rollback drill"));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal("forced past the gate: rollback drill", (await forced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("note").GetString());
        Assert.Equal(ModelStatus.Retired, (await Registry.GetAsync("sh-champion"))!.Status);
    }

    [Fact]
    public async Task Promote_PassesTheGate_200AndChampion()
    {
        await Registry.RegisterAsync(SelfHosted("sh-first", 0.6));

        using var promoted = await Admin.PostAsJsonAsync("/api/models/sh-first/promote", new PromoteRequest());

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var body = await promoted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("promoted").GetBoolean());
        Assert.Equal("passed the gate", body.GetProperty("note").GetString());
        Assert.Equal(ModelStatus.Champion, (await Registry.GetAsync("sh-first"))!.Status);
    }

    [Fact]
    public async Task UnknownOrUnscored_404Or400()
    {
        await Registry.RegisterAsync(SelfHosted("sh-unscored", null));

        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/models/nope/promote", new PromoteRequest()), HttpStatusCode.NotFound, ModelsApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/models/nope/evaluate", new EvaluateRequest("/tmp")), HttpStatusCode.NotFound, ModelsApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/models/sh-unscored/promote", new PromoteRequest()), HttpStatusCode.BadRequest,
            "sh-unscored has no held-out scores");
        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/models/sh-unscored/evaluate", new EvaluateRequest(null)), HttpStatusCode.BadRequest, "give data");
    }

    [Fact]
    public async Task Evaluate_SelfHostedModel_ScoredThroughItsEndpointAndRecorded()
    {
        using var served = new FakeModelServer { ReplyText = """{"findings": []}""" };
        await Registry.RegisterAsync(SelfHosted("sh-eval", null) with { Endpoint = new ServedEndpoint(served.BaseUrl, "contracts-lora") });
        using var folder = new TempDirectory();
        var data = DataFolders.WriteCuadLike(folder.File("cuad"));

        using var scored = await Admin.PostAsJsonAsync("/api/models/sh-eval/evaluate", new EvaluateRequest(data, Contracts: 2));

        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        var scores = await scored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(scores.GetProperty("gateSet").GetString()));
        Assert.Equal(2, served.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
        Assert.Equal(scores.GetProperty("gateSet").GetString(), (await Registry.GetAsync("sh-eval"))!.Scores?.GateSet);
    }

    [Fact]
    public async Task Decisions_ShowOnlyTheCallersOwn()
    {
        await Registry.RecordDecisionAsync(new RetrainDecision(DateTimeOffset.UtcNow, "local", false, "not due: alice's") { Requester = "alice" });

        Assert.Equal(1, (await Alice.GetFromJsonAsync<JsonElement>("/api/models/decisions")).GetArrayLength());
        Assert.Equal(0, (await Bob.GetFromJsonAsync<JsonElement>("/api/models/decisions")).GetArrayLength());
        Assert.Equal(1, (await Admin.GetFromJsonAsync<JsonElement>("/api/models/decisions")).GetArrayLength());
    }
}
