using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Reviews;

namespace Tandem.Server.Tests;

/// <summary>
/// Named playbooks: the standard one and a firm's from the playbooks folder, listed by
/// <c>GET /api/playbooks</c>, chosen per review, batch or upload, and named in the stored report;
/// an unknown name is a 400 in one line that stores nothing, and a bad file stops the start.
/// </summary>
public sealed class PlaybooksApiTests : IAsyncLifetime
{
    private readonly FirmPlaybooks _playbooks = new();
    private readonly ServerFactory _factory;
    private HttpClient _alice = null!;

    public PlaybooksApiTests() => _factory = new ServerFactory(_playbooks.Settings());

    public async ValueTask InitializeAsync() => _alice = await _factory.ClientForAsync("alice");

    public async ValueTask DisposeAsync()
    {
        _alice.Dispose();
        await _factory.DisposeAsync();
        _playbooks.Dispose();
    }

    [Fact]
    public async Task List_TheStandardPlaybookFirstThenTheFolders()
    {
        var listed = await _alice.GetFromJsonAsync<JsonElement>("/api/playbooks");

        Assert.Equal(["standard", "firm-nda"], listed.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var firm = listed[1];
        Assert.Equal(("Firm NDA Playbook", "3.1"), (firm.GetProperty("title").GetString(), firm.GetProperty("version").GetString()));
        Assert.True(firm.GetProperty("rules").GetInt32() > 10);
    }

    [Fact]
    public async Task Review_NamedPlaybook_IsUsedAndRecordedInTheReport()
    {
        using var upload = Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha")));
        upload.Add(new StringContent("firm-nda"), "playbook");

        using var chosen = await _alice.PostAsync("/api/reviews", upload);
        var report = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        using var standard = await _alice.PostAsJsonAsync("/api/reviews", new { documentId = report.GetProperty("documentId").GetString() });
        var standardReport = await standard.Content.ReadFromJsonAsync<JsonElement>();
        var markdown = await _alice.GetStringAsync($"/api/reviews/{report.GetProperty("reportId").GetString()}?format=markdown");

        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        Assert.Equal(FirmPlaybooks.Header, report.GetProperty("playbook").GetString());
        Assert.Equal(FirmPlaybooks.StandardHeader, standardReport.GetProperty("playbook").GetString());
        Assert.NotEqual(report.GetProperty("reportId").GetString(), standardReport.GetProperty("reportId").GetString());
        Assert.Contains($"- Playbook: {FirmPlaybooks.Header}", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_UnknownPlaybook_400InOneLineAndNothingStored()
    {
        using var upload = Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha")));
        upload.Add(new StringContent("../../etc/passwd"), "playbook");

        await ProblemAssert.AssertAsync(await _alice.PostAsync("/api/reviews", upload), HttpStatusCode.BadRequest,
            "unknown playbook '../../etc/passwd'; use one of: standard, firm-nda (GET /api/playbooks)");
        await ProblemAssert.AssertAsync(await _alice.PostAsJsonAsync("/api/batches", new { documentIds = new[] { "doc_x" }, playbook = "nope" }),
            HttpStatusCode.BadRequest, "unknown playbook 'nope'");
        Assert.Equal(0, (await _alice.GetFromJsonAsync<JsonElement>("/api/documents")).GetArrayLength());
    }

    [Fact]
    public async Task Batch_NamedPlaybook_EveryContractsReportNamesIt()
    {
        using var upload = Contracts.Upload(null, ("alpha.txt", Contracts.Text("Alpha")), ("beta.txt", Contracts.Text("Beta")));
        upload.Add(new StringContent("firm-nda"), "playbook");

        using var accepted = await _alice.PostAsync("/api/batches", upload);
        var batch = await BatchesApiTests.PollAsync(_alice, accepted.Headers.Location!.OriginalString);

        var reports = batch.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("reportUrl").GetString()!).ToList();
        Assert.Equal(2, reports.Count);
        foreach (var url in reports)
        {
            Assert.Equal(FirmPlaybooks.Header, (await _alice.GetFromJsonAsync<JsonElement>(url)).GetProperty("playbook").GetString());
        }
    }

    [Fact]
    public async Task ReviewJob_NamedPlaybook_TheWorkerUsesIt()
    {
        await using var factory = new ServerFactory(_playbooks.Settings(($"{ReviewJobOptions.Section}:InlineMaxClauses", "0")));
        using var alice = await factory.ClientForAsync("alice");

        using var queued = await alice.PostAsJsonAsync("/api/reviews", new { documentId = await UploadAsync(alice), playbook = "firm-nda" });
        var done = await JobPolling.UntilFinishedAsync(alice, queued.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal(FirmPlaybooks.Header, (await alice.GetFromJsonAsync<JsonElement>(done.GetProperty("reportUrl").GetString())).GetProperty("playbook").GetString());
    }

    [Fact]
    public void Start_ABadPlaybookFile_IsOneLineNamingIt()
    {
        File.WriteAllText(Path.Combine(_playbooks.Folder, "broken.yml"), "name: Broken\nrules:\n  - category: Not A Category\n");
        using var factory = new ServerFactory(_playbooks.Settings());

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var line = (error as TandemException ?? error.InnerException as TandemException)!.ToUserMessage();
        Assert.StartsWith($"{Path.Combine(_playbooks.Folder, "broken.yml")}: playbook broken.yml, rule 1: unknown category 'Not A Category'", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Start_AMissingFolder_IsOneLine()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Tandem:Server:Playbooks:Folder"] = Path.Combine(_playbooks.Folder, "absent") });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("the playbooks folder", (error as TandemException ?? error.InnerException as TandemException)!.Message, StringComparison.Ordinal);
    }

    private static async Task<string> UploadAsync(HttpClient client)
    {
        using var uploaded = await client.PostAsync("/api/documents", Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha"))));
        return (await uploaded.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("documentId").GetString()!;
    }
}
