using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;
using Tandem.Server.Apis;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>The retraining policy's decision for any caller, and the local retrain for admins as a background job: 202, then poll to the registered candidate.</summary>
public sealed class RetrainApiTests : ServerTest
{
    private readonly TempDirectory _dir = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Decision_ForTheCallerNow_NotRecorded()
    {
        var decision = await Alice.GetFromJsonAsync<JsonElement>("/api/retrain/decision");

        Assert.Equal("local", decision.GetProperty("backend").GetString());
        Assert.Equal("alice", decision.GetProperty("requester").GetString());
        Assert.Equal(["user:alice", "group:legal"], decision.GetProperty("audience").EnumerateArray().Select(a => a.GetString()));
        Assert.False(string.IsNullOrEmpty(decision.GetProperty("reason").GetString()));
        Assert.Empty(await Factory.Services.GetRequiredService<IModelRegistry>().ListDecisionsAsync());
    }

    [Fact]
    public async Task Decision_AudienceNotTheCallers_400()
    {
        await ProblemAssert.AssertAsync(await Bob.GetAsync("/api/retrain/decision?audience=group:legal"), HttpStatusCode.BadRequest,
            "you (bob) may only name an audience you belong to: 'group:legal' is not yours");
    }

    [Fact]
    public async Task Local_Admin_202ThenPollToTheRegisteredCandidate()
    {
        var data = DataFolders.WriteCuadLike(_dir.File("cuad"));

        using var accepted = await Admin.PostAsJsonAsync("/api/retrain/local", new RetrainRequest(data, Contracts: 4));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var status = accepted.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/retrain/jobs/", status, StringComparison.Ordinal);
        Assert.Equal("queued", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var job = await PollAsync(status);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
        var modelId = job.GetProperty("result").GetString()!;
        var model = await Factory.Services.GetRequiredService<IModelRegistry>().GetAsync(modelId);
        Assert.Equal((LocalFineTuneBackend.BackendName, ModelStatus.Candidate), (model!.Backend, model.Status));
        Assert.NotNull(model.Scores);
        Assert.StartsWith(Path.GetDirectoryName(Factory.DatabasePath)!, model.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_NonAdmin_403AndNothingQueued()
    {
        var data = DataFolders.WriteCuadLike(_dir.File("cuad"), contracts: 4);

        using var refused = await Alice.PostAsJsonAsync("/api/retrain/local", new RetrainRequest(data));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await Alice.GetAsync("/api/retrain/jobs/1")).StatusCode);
        var jobs = Factory.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().GetStatistics();
        Assert.Equal(0, jobs.Enqueued + jobs.Processing + jobs.Succeeded + jobs.Failed);
    }

    [Fact]
    public async Task Local_BadRequest_400BeforeAnythingIsQueued()
    {
        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/retrain/local", new RetrainRequest(null)), HttpStatusCode.BadRequest, "give data");
        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/retrain/local", new RetrainRequest(_dir.File("missing"))), HttpStatusCode.BadRequest, "");
        await ProblemAssert.AssertAsync(await Admin.PostAsJsonAsync("/api/retrain/local", new RetrainRequest(_dir.Path, Contracts: 0)), HttpStatusCode.BadRequest,
            "contracts must be at least 1");
        await ProblemAssert.AssertAsync(await Admin.GetAsync("/api/retrain/jobs/no-such-job"), HttpStatusCode.NotFound, RetrainApi.NotFoundDetail);
    }

    [Fact]
    public async Task LocalRetrainJob_RunAgainAfterADeath_OneCandidate()
    {
        var data = DataFolders.WriteCuadLike(_dir.File("cuad"), contracts: 6);
        var arguments = new Jobs.LocalRetrainArguments(data, _dir.File("models"), ["group:admin"], false, 4, "root", ["admin"], DateTimeOffset.UtcNow);

        // What Hangfire does with a job whose worker died after registering: it runs the same job again.
        var registry = Factory.Services.GetRequiredService<IModelRegistry>();
        var job = Factory.Services.GetRequiredService<Jobs.LocalRetrainJob>();
        var first = await job.RunAsync(arguments, CancellationToken.None);
        var registered = (await registry.ListAsync()).Count;
        var second = await job.RunAsync(arguments, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(registered, (await registry.ListAsync()).Count);
        Assert.Single(Directory.GetFiles(_dir.File("models"), "*.zip"));
    }

    /// <summary>Polls a job's status until it finishes, for at most two minutes.</summary>
    private async Task<JsonElement> PollAsync(string status)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            var job = await Admin.GetFromJsonAsync<JsonElement>(status);
            if (job.GetProperty("status").GetString() is "succeeded" or "failed" || DateTimeOffset.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(200);
        }
    }
}
