using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Server.Apis;
using Tandem.Server.Batches;
using Tandem.Server.Reviews;

namespace Tandem.Server.Tests;

/// <summary>
/// Batch reviews on the embedded server: an upload set or stored documents, one job per contract,
/// followed to a summary per contract; a contract that fails is that contract's line; a batch is its
/// caller's and admins', and a job run twice (a worker that died) leaves one report.
/// </summary>
public sealed class BatchesApiTests : ServerTest
{
    [Fact]
    public async Task Post_UploadSet_202ThenCompletedWithASummaryPerContract()
    {
        using var form = Contracts.Upload(null, ("alpha.txt", Contracts.Text("Alpha")), ("beta.txt", Contracts.Text("Beta")), ("supply.txt", Contracts.Supply));
        form.Add(new StringContent("customer"), "for");

        using var accepted = await Alice.PostAsync("/api/batches", form);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var queued = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var url = accepted.Headers.Location!.OriginalString;
        Assert.Equal($"/api/batches/{queued.GetProperty("batchId").GetString()}", url);
        Assert.Equal(3, queued.GetProperty("total").GetInt32());
        var batch = await PollAsync(Alice, url);
        Assert.Equal(("completed", 3, 2, 1), (batch.GetProperty("status").GetString(), batch.GetProperty("total").GetInt32(), batch.GetProperty("done").GetInt32(),
            batch.GetProperty("failed").GetInt32()));
        var contracts = batch.GetProperty("contracts").EnumerateArray().ToList();
        Assert.Equal(["/uploads/alpha.txt", "/uploads/beta.txt", "/uploads/supply.txt"], contracts.Select(c => c.GetProperty("source").GetString()));
        foreach (var reviewed in contracts.Take(2))
        {
            Assert.Equal("reviewed", reviewed.GetProperty("status").GetString());
            var report = await Alice.GetFromJsonAsync<JsonElement>(reviewed.GetProperty("reportUrl").GetString());
            Assert.Equal(reviewed.GetProperty("reportId").GetString(), report.GetProperty("reportId").GetString());
            var severities = reviewed.GetProperty("severities");
            Assert.Equal(5, severities.EnumerateObject().Count());
            Assert.Equal(report.GetProperty("findings").GetArrayLength() + report.GetProperty("missingProtections").GetArrayLength(),
                severities.EnumerateObject().Sum(s => s.Value.GetInt32()));
            Assert.InRange(reviewed.GetProperty("highestRisks").GetArrayLength(), 1, 3);
        }

        Assert.Equal("failed", contracts[2].GetProperty("status").GetString());
        Assert.StartsWith("'customer' is not one of this contract's parties", contracts[2].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DocumentIds_ReviewsTheStoredDocuments()
    {
        var ids = await UploadAsync(Alice, ("gamma.txt", Contracts.Text("Gamma")), ("delta.txt", Contracts.Text("Delta")));

        using var accepted = await Alice.PostAsJsonAsync("/api/batches", new BatchBody([.. ids, ids[0]], For: "provider"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var batch = await PollAsync(Alice, accepted.Headers.Location!.OriginalString);
        Assert.Equal((2, 2), (batch.GetProperty("total").GetInt32(), batch.GetProperty("done").GetInt32()));
        Assert.Equal(ids, batch.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("documentId").GetString()!));
    }

    [Fact]
    public async Task Post_AnotherUsersDocument_404AndNothingQueued()
    {
        var ids = await UploadAsync(Alice, ("secret.txt", Contracts.Text("Heliotrope")));

        await ProblemAssert.AssertAsync(await Bob.PostAsJsonAsync("/api/batches", new BatchBody(ids)), HttpStatusCode.NotFound, DocumentsApi.NotFoundDetail);

        var jobs = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        Assert.Equal(0, jobs.Enqueued + jobs.Processing + jobs.Succeeded + jobs.Failed);
    }

    [Fact]
    public async Task Post_BadBodies_400Or415()
    {
        await ProblemAssert.AssertAsync(await Alice.PostAsJsonAsync("/api/batches", new BatchBody([])), HttpStatusCode.BadRequest, "send {\"documentIds\"");
        using var noFiles = Contracts.Upload("group:legal");
        await ProblemAssert.AssertAsync(await Alice.PostAsync("/api/batches", noFiles), HttpStatusCode.BadRequest, "the batch has no contracts");
        await ProblemAssert.AssertAsync(await Alice.PostAsync("/api/batches", new StringContent("{", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "the JSON body could not be read");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Alice.PostAsync("/api/batches", new StringContent("hello"))).StatusCode);
        using var form = Contracts.Upload(null, ("alpha.txt", Contracts.Text("Alpha")));
        form.Add(new StringContent("nonsense"), "type");
        await ProblemAssert.AssertAsync(await Alice.PostAsync("/api/batches", form), HttpStatusCode.BadRequest, "unknown contract type 'nonsense'");
    }

    [Fact]
    public async Task Get_AnotherUser404LikeAMissingOne_AdminSeesIt()
    {
        using var accepted = await Alice.PostAsync("/api/batches", Contracts.Upload(null, ("alpha.txt", Contracts.Text("Alpha"))));
        var url = accepted.Headers.Location!.OriginalString;

        await ProblemAssert.AssertAsync(await Bob.GetAsync(url), HttpStatusCode.NotFound, BatchesApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await Bob.GetAsync($"/api/batches/bat_{Guid.NewGuid():N}"), HttpStatusCode.NotFound, BatchesApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await Bob.GetAsync("/api/batches/x' OR 1=1"), HttpStatusCode.NotFound, BatchesApi.NotFoundDetail);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task RunAsync_RunAgainAfterADeath_OneReportAndTheSameResult()
    {
        using var accepted = await Alice.PostAsync("/api/batches", Contracts.Upload(null, ("alpha.txt", Contracts.Text("Alpha"))));
        var first = await PollAsync(Alice, accepted.Headers.Location!.OriginalString);
        var contract = first.GetProperty("contracts")[0];
        var asked = new ReviewJobRequest(contract.GetProperty("documentId").GetString()!, "alice", ["legal"], null, null, true, null, "few-shot");

        // What Hangfire does with a job whose worker died half way: it runs the same job again.
        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<BatchReviewJob>().RunAsync(first.GetProperty("batchId").GetString()!, 0, "/uploads/alpha.txt", asked,
                CancellationToken.None);
        }

        var again = await Alice.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!.OriginalString);
        Assert.Equal((1, 1), (again.GetProperty("total").GetInt32(), again.GetProperty("done").GetInt32()));
        Assert.Equal(contract.GetProperty("reportId").GetString(), again.GetProperty("contracts")[0].GetProperty("reportId").GetString());
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = new SqliteCommand("SELECT COUNT(*) FROM reports", connection);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static async Task<List<string>> UploadAsync(HttpClient client, params (string Name, string Text)[] files)
    {
        using var uploaded = await client.PostAsync("/api/documents", Contracts.Upload(null, files));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        return [.. (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(d => d.GetProperty("documentId").GetString()!)];
    }

    /// <summary>The batch at <paramref name="url"/> once every contract is done or failed; at most 60 seconds of polling.</summary>
    internal static async Task<JsonElement> PollAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var batch = await client.GetFromJsonAsync<JsonElement>(url);
            if (batch.GetProperty("status").GetString() == BatchStatus.Completed || DateTime.UtcNow > deadline)
            {
                return batch;
            }

            await Task.Delay(100);
        }
    }
}
