using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Server.Apis;
using Tandem.Server.Jobs;
using Tandem.Server.Reviews;

namespace Tandem.Server.Tests;

/// <summary>
/// Large documents as Hangfire jobs (every document is "large" here: the inline limit is 0):
/// 202 with a status URL, polled to the report; a failure reported in one line; only the caller
/// and admins see a job, and to anyone else it is the same 404 as a missing one.
/// </summary>
public sealed class ReviewJobsTests : IAsyncLifetime
{
    private readonly ServerFactory _factory = new(new Dictionary<string, string?> { [$"{ReviewJobOptions.Section}:InlineMaxClauses"] = "0" });
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _alice = await _factory.ClientForAsync("alice");
        _bob = await _factory.ClientForAsync("bob");
        _admin = await _factory.ClientForAsync("root", "admin");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { _alice, _bob, _admin })
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Review_AboveTheInlineLimit_202ThenPolledToTheReport()
    {
        using var response = await _alice.PostAsync("/api/reviews", Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha"))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = queued.GetProperty("jobId").GetString()!;
        Assert.Equal($"/api/reviews/jobs/{jobId}", response.Headers.Location?.OriginalString);
        Assert.Contains(queued.GetProperty("status").GetString(), new[] { "queued", "running", "succeeded" });

        var done = await PollAsync(_alice, jobId);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        var reportUrl = done.GetProperty("reportUrl").GetString()!;
        var report = await _alice.GetFromJsonAsync<JsonElement>(reportUrl);
        Assert.Equal(done.GetProperty("reportId").GetString(), report.GetProperty("reportId").GetString());
        Assert.Equal(queued.GetProperty("documentId").GetString(), report.GetProperty("documentId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _bob.GetAsync(reportUrl)).StatusCode);
    }

    [Fact]
    public async Task GetJob_AnotherUser404LikeAMissingOne_AdminSeesIt()
    {
        using var response = await _alice.PostAsync("/api/reviews", Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha"))));
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;

        foreach (var path in new[] { $"/api/reviews/jobs/{jobId}", $"/api/reviews/jobs/{Guid.NewGuid()}", "/api/reviews/jobs/1" })
        {
            using var answer = await _bob.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal(ReviewsApi.JobNotFoundDetail, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal("succeeded", (await PollAsync(_admin, jobId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Review_JobFailsOnTheUsersInput_FailedWithTheOneLineError()
    {
        var upload = Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha")));
        upload.Add(new StringContent("nowhere"), "model");
        using var response = await _alice.PostAsync("/api/reviews", upload);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var failed = await PollAsync(_alice, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.StartsWith("no model named 'nowhere' is configured; ", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("reportUrl").ValueKind);
    }

    [Fact]
    public async Task GetJob_Running_ShowsTheStageAndTheStepsItReported()
    {
        var quiet = RunningReviewJobs.Create(_factory.Services, "alice", progress: null);
        var id = RunningReviewJobs.Create(_factory.Services, "alice", new WorkProgress("analysing 1500 clauses", 23, 56));

        var before = await _alice.GetFromJsonAsync<JsonElement>($"/api/reviews/jobs/{quiet}", TestContext.Current.CancellationToken);
        var status = await _alice.GetFromJsonAsync<JsonElement>($"/api/reviews/jobs/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(("running", JsonValueKind.Null), (before.GetProperty("status").GetString(), before.GetProperty("progress").ValueKind)); // nothing reported yet
        Assert.Equal("running", status.GetProperty("status").GetString());
        var progress = status.GetProperty("progress");
        Assert.Equal(("analysing 1500 clauses", 23, 56), (progress.GetProperty("stage").GetString(), progress.GetProperty("done").GetInt32(), progress.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Review_AsAJob_KeepsItsProgressToTheLastStep()
    {
        using var response = await _alice.PostAsync("/api/reviews", Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha"))), TestContext.Current.CancellationToken);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("jobId").GetString()!;

        var done = await PollAsync(_alice, jobId);

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("progress").ValueKind);
        using var connection = _factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var kept = JobProgressParameter.Parse(JsonSerializer.Deserialize<string>(connection.GetJobParameter(jobId, ReviewJob.ProgressParameter)));
        Assert.NotNull(kept);
        Assert.StartsWith("analysing ", kept.Stage, StringComparison.Ordinal);
        Assert.True(kept.Total > 41, kept.ToString());
        Assert.Equal(kept.Total, kept.Done);
    }

    [Theory]
    [InlineData("3/56 analysing 90 clauses", "analysing 90 clauses", 3, 56)]
    [InlineData("0/0 loading the local analyst", "loading the local analyst", 0, 0)]
    public void ProgressParameter_Kept_ReadBack(string kept, string stage, int done, int total) =>
        Assert.Equal(new WorkProgress(stage, done, total), JobProgressParameter.Parse(kept));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("analysing")]
    [InlineData("3/x analysing")]
    [InlineData("-1/5 analysing")]
    [InlineData("/5 analysing")]
    public void ProgressParameter_NotAKeptForm_Null(string? kept) => Assert.Null(JobProgressParameter.Parse(kept));

    private static Task<JsonElement> PollAsync(HttpClient client, string jobId) => JobPolling.UntilFinishedAsync(client, $"/api/reviews/jobs/{jobId}");
}
