using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Server.Uploads;
using Tandem.Store;

namespace Tandem.Server.Tests;

/// <summary>
/// Large uploads ingested in the background: staged in the store, ingested by a Hangfire job as
/// their sender, 202 with a status URL that only the sender (and admins) can read; the staged bytes
/// are removed once ingested or refused, and ingesting the same staged bytes again adds nothing.
/// </summary>
public sealed class UploadJobsTests() : ServerTest(new Dictionary<string, string?> { [$"{UploadOptions.Section}:BackgroundBytes"] = "2048" })
{
    // Anything over 2 KB goes to the background; the small contract below stays inline.
    [Fact]
    public async Task Upload_LargerThanTheLimit_202ThenIngestedAsTheSenderWithItsAccessList()
    {
        var large = string.Concat(Enumerable.Repeat(Contracts.Secret("Quartzlake") + "\n\n", 8));
        using var response = await Alice.PostAsync("/api/documents", Contracts.Upload("group:legal", ("msa.txt", large), ("nda.txt", Contracts.Text("Birchwood"))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = queued.GetProperty("id").GetString()!;
        Assert.Equal($"/api/documents/uploads/{jobId}", response.Headers.Location?.OriginalString);
        Assert.Equal(2, queued.GetProperty("files").GetInt32());

        var done = await PollAsync(Alice, jobId);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        var documents = done.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["/uploads/msa.txt", "/uploads/nda.txt"], documents.Select(d => d.GetProperty("source").GetString()));
        var msa = await Alice.GetFromJsonAsync<JsonElement>($"/api/documents/{documents[0].GetProperty("documentId").GetString()}");
        Assert.Equal("alice", msa.GetProperty("owner").GetString());
        Assert.Contains("group:legal", msa.GetProperty("access").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0, await StagedRowsAsync());
    }

    [Fact]
    public async Task Upload_SmallOrAskedForBackground_InlineUnlessAsked()
    {
        using var inline = await Alice.PostAsync("/api/documents", Contracts.Upload(null, ("nda.txt", Contracts.Text("Birchwood"))));
        using var asked = await Alice.PostAsync("/api/documents?background=true", Contracts.Upload(null, ("nda2.txt", Contracts.Text("Cedarholm"))));

        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var done = await PollAsync(Alice, (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetUploadJob_AnotherUser404LikeAMissingOne_AdminSeesIt()
    {
        using var response = await Alice.PostAsync("/api/documents?background=true", Contracts.Upload(null, ("msa.txt", Contracts.Secret("Quartzlake"))));
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("succeeded", (await PollAsync(Alice, jobId)).GetProperty("status").GetString());

        foreach (var path in new[] { $"/api/documents/uploads/{jobId}", $"/api/documents/uploads/{Guid.NewGuid()}", "/api/documents/uploads/1", "/api/documents/uploads/x%27" })
        {
            using var answer = await Bob.GetAsync(path);
            var body = await answer.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.DoesNotContain("Quartzlake", body, StringComparison.Ordinal);
            Assert.DoesNotContain("msa", body, StringComparison.Ordinal);
        }

        Assert.Equal("succeeded", (await PollAsync(Admin, jobId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Upload_CorruptFileInTheBackground_FailedWithTheOneLineErrorAndNothingLeftStaged()
    {
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.7\n this is not a PDF body at all"u8.ToArray()), "files", "broken.pdf" },
        };
        using var response = await Alice.PostAsync("/api/documents?background=true", upload);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var failed = await PollAsync(Alice, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        var error = failed.GetProperty("error").GetString()!;
        Assert.Contains("broken.pdf", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'));
        Assert.Equal(0, await StagedRowsAsync());
        Assert.Empty((await Alice.GetFromJsonAsync<JsonElement[]>("/api/documents"))!);
    }

    [Fact]
    public async Task RunAsync_SameStagedBytesAgain_NoSecondDocumentOrVersion()
    {
        // A node that dies after ingesting but before removing the staged files runs the job again on the same bytes.
        var staging = Factory.Services.GetRequiredService<IUploadStaging>();
        var job = Factory.Services.GetRequiredService<UploadIngestJob>();
        var alice = new Principal("alice");
        async Task<string> StageAndRunAsync()
        {
            var id = await staging.StageAsync("alice", [new UploadedFile("msa.txt", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Contracts.Text("Alpha"))))]);
            return await job.RunAsync(new UploadIngestRequest(id, alice.UserId, alice.Groups, null, 1), null, CancellationToken.None);
        }

        var first = JsonDocument.Parse(await StageAndRunAsync()).RootElement[0];
        var second = JsonDocument.Parse(await StageAndRunAsync()).RootElement[0];

        Assert.Equal(first.GetProperty("documentId").GetString(), second.GetProperty("documentId").GetString());
        Assert.Equal((1, 1), (first.GetProperty("version").GetInt32(), second.GetProperty("version").GetInt32()));
        Assert.Single((await Alice.GetFromJsonAsync<JsonElement[]>("/api/documents"))!);
    }

    private async Task<long> StagedRowsAsync() =>
        await Factory.Services.GetRequiredService<SqliteDatabase>().RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM staged_uploads";
            return (long)(await command.ExecuteScalarAsync())!;
        });

    private static Task<JsonElement> PollAsync(HttpClient client, string jobId) => JobPolling.UntilFinishedAsync(client, $"/api/documents/uploads/{jobId}");
}
