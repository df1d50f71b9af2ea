using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Server.Apis;
using Tandem.Server.Reviews;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>
/// One server, its logs captured at Trace, and everything Alice keeps private on it, made through
/// the API as she would: two documents (a marker word in their file names and texts), a report
/// reviewed within the request and one reviewed as a job, a pending and an accepted correction,
/// a dataset for her alone, a fine-tune of it registered as her model, and metered chat calls.
/// Group legal (carol) may read one other document of hers; nobody else may read anything of hers.
/// Beside her: the callers who must learn nothing of it, with valid, revoked, expired, forged and
/// unknown keys, a JWT and a JWT signed by someone else.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    /// <summary>In Alice's file names and texts.</summary>
    public const string Marker = "zanzibarquux";

    /// <summary>In Alice's texts only, so a quote of them is found even when a question names <see cref="Marker"/>.</summary>
    public const string TextMarker = "quokkavellum";

    /// <summary>A document id, report id ... of a kind, that names nothing.</summary>
    public const string MissingDocument = "doc_0000000000000000";

    private readonly FakeModelServer _provider = new();
    private readonly string _keyVariable = "TANDEM_TEST_ACCESS_" + Guid.NewGuid().ToString("N");
    private readonly Microsoft.IdentityModel.Tokens.SymmetricSecurityKey _jwtKey = TestJwt.SigningKey();
    private readonly List<HttpClient> _clients = [];

    public AccessWorld()
    {
        var settings = TestJwt.Settings();
        settings[$"{ReviewJobOptions.Section}:InlineMaxClauses"] = "6";
        settings["Tandem:Server:RateLimit:PermitsPerMinute"] = "100000";
        settings["Tandem:Server:MaxRequestMB"] = "1";
        settings["Tandem:Models:base:Provider"] = "openai";
        settings["Tandem:Models:base:Model"] = "gpt-4.1-mini-2025-04-14";
        settings["Tandem:Models:base:BaseUrl"] = _provider.BaseUrl.ToString();
        settings["Tandem:Models:base:ApiKeyVariable"] = _keyVariable;
        Environment.SetEnvironmentVariable(_keyVariable, "sk-access-test");
        Factory = new ServerFactory(settings, services =>
        {
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
            TestJwt.Trust(services, _jwtKey);
        });
    }

    public ServerFactory Factory { get; }

    /// <summary>How many requests the configured model's provider has had.</summary>
    public int ProviderRequestCount => _provider.Requests.Count;

    /// <summary>The bodies of the provider's requests after the first <paramref name="count"/>.</summary>
    public IEnumerable<string> ProviderRequestsSince(int count) => _provider.Requests.Skip(count).Select(r => r.Body);

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>What the server logged while Alice made her things.</summary>
    public IReadOnlyList<string> AliceLog { get; private set; } = [];

    public HttpClient Alice { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Callers who are who they say but may read nothing of Alice's private things: a stranger, a member of group legal, a reviewer, and a stranger signed in with a JWT.</summary>
    public IReadOnlyList<(string Name, HttpClient Client)> Strangers { get; private set; } = [];

    /// <summary>Callers who are nobody: no key, a revoked, an expired, a forged and an unknown key, a JWT signed with another key, and a bearer of the wrong shape.</summary>
    public IReadOnlyList<(string Name, HttpClient Client)> Nobodies { get; private set; } = [];

    /// <summary>Carol, in group legal.</summary>
    public HttpClient Carol => Strangers[1].Client;

    public string PrivateDocumentId { get; private set; } = string.Empty;

    public string LargeDocumentId { get; private set; } = string.Empty;

    public string SharedDocumentId { get; private set; } = string.Empty;

    public string ReportId { get; private set; } = string.Empty;

    public string JobId { get; private set; } = string.Empty;

    public string JobReportId { get; private set; } = string.Empty;

    /// <summary>Alice's upload ingested in the background (its job id).</summary>
    public string UploadJobId { get; private set; } = string.Empty;

    public string UploadedDocumentId { get; private set; } = string.Empty;

    public string PendingCorrectionId { get; private set; } = string.Empty;

    public string AcceptedCorrectionId { get; private set; } = string.Empty;

    public IReadOnlyList<string> ExampleIds { get; private set; } = [];

    public string DatasetId { get; private set; } = string.Empty;

    public string FineTuneJobId { get; private set; } = string.Empty;

    public string ModelId { get; private set; } = string.Empty;

    public string FineTunedModelName { get; private set; } = string.Empty;

    public string AliceKeyId { get; private set; } = string.Empty;

    public string AliceKey { get; private set; } = string.Empty;

    /// <summary>The file names of Alice's private documents.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [$"{Marker}-plan.txt", $"{Marker}-master.txt", $"{Marker}-bulk.txt"];

    /// <summary>Every id of Alice's private things, each with its kind.</summary>
    public IReadOnlyList<string> Ids =>
    [
        PrivateDocumentId, LargeDocumentId, ReportId, JobId, JobReportId, UploadJobId, UploadedDocumentId, PendingCorrectionId, AcceptedCorrectionId, .. ExampleIds, DatasetId, FineTuneJobId,
        ModelId, FineTunedModelName, AliceKeyId,
    ];

    /// <summary>What no response, header or log line may show a caller who may not read it (unless the caller's own request carries it).</summary>
    public IReadOnlyList<string> Forbidden => [Marker, TextMarker, .. FileNames, .. FileNames.Select(f => f[..f.LastIndexOf('.')]), .. Ids, AliceKey[^64..]];

    public async ValueTask InitializeAsync()
    {
        var alice = await Factory.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        (AliceKeyId, AliceKey) = (alice.Key.KeyId, alice.Secret);
        Alice = Client(alice.Secret);
        Admin = await ClientForAsync("root", "admin");
        Strangers =
        [
            ("bob", await ClientForAsync("bob")),
            ("carol (group legal)", await ClientForAsync("carol", "legal")),
            ("dave (reviewer)", await ClientForAsync("dave", "reviewer")),
            ("erin (JWT)", Client(TestJwt.Token(_jwtKey, TestJwt.Audience, "erin", "legal"))),
        ];
        Nobodies = await NobodiesAsync(alice.Secret);
        await LearningData.SeedAsync(Factory);
        await AliceWorksAsync();
        AliceLog = [.. Logs.Lines];
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await Factory.DisposeAsync();
        _provider.Dispose();
        Environment.SetEnvironmentVariable(_keyVariable, null);
    }

    private async Task<IReadOnlyList<(string Name, HttpClient Client)>> NobodiesAsync(string aliceKey)
    {
        var revoked = await Factory.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        await Factory.Keys.RevokeAsync(revoked.Key.KeyId);
        var expired = await Factory.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice", Groups = ["admin"], Lifetime = TimeSpan.FromMilliseconds(1) });
        await Task.Delay(50);
        var (_, _, unknown) = ApiKeyToken.Generate();
        var anonymous = Factory.CreateClient();
        _clients.Add(anonymous);
        return
        [
            ("no key", anonymous),
            ("revoked key", Client(revoked.Secret)),
            ("expired admin key", Client(expired.Secret)),
            ("forged key (alice's id, another secret)", Client(aliceKey[..^8] + "00000000")),
            ("key of an unknown id", Client(unknown)),
            ("JWT signed with another key", Client(TestJwt.Token(TestJwt.SigningKey(), TestJwt.Audience, "alice", "admin"))),
            ("bearer of no known shape", Client("alice")),
        ];
    }

    private async Task AliceWorksAsync()
    {
        var report = await Reviewing.ReviewUploadAsync(Alice, FileNames[0], Contracts.Text(Marker).Replace("Exhibit A.", $"Exhibit A, the {TextMarker} migration included.", StringComparison.Ordinal));
        (ReportId, PrivateDocumentId) = (report.GetProperty("reportId").GetString()!, report.GetProperty("documentId").GetString()!);
        Assert.True(report.GetProperty("findings").GetArrayLength() > 0, "the private report needs a finding to correct");

        var large = string.Join("\n\n", Enumerable.Range(1, 10).Select(i =>
            $"{i}. Clause {i}. The {Marker} supplier keeps the {TextMarker} records of item {i} for {i} years and may audit them on notice."));
        LargeDocumentId = (await UploadAsync(Alice, FileNames[1], $"{Marker.ToUpperInvariant()} MASTER AGREEMENT\n\n{large}", null))[0];
        SharedDocumentId = (await UploadAsync(Alice, "legal-supply.txt", Contracts.Supply, "group:legal"))[0];
        (JobId, JobReportId) = await ReviewAsJobAsync(LargeDocumentId);
        (UploadJobId, UploadedDocumentId) = await UploadInTheBackgroundAsync(FileNames[2], $"The {Marker} bulk schedule lists the {TextMarker} sites.");

        PendingCorrectionId = (await Reviewing.FalsePositiveAsync(Alice, ReportId, 1)).GetProperty("id").GetString()!;
        using (var missed = await Alice.PostAsJsonAsync($"/api/reviews/{ReportId}/corrections", new CorrectionBody(Missed: "1", Category: "Audit Rights")))
        {
            Assert.True(missed.StatusCode == HttpStatusCode.Created, await missed.Content.ReadAsStringAsync());
            AcceptedCorrectionId = (await missed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        Assert.Equal(HttpStatusCode.OK, (await Alice.PostAsync($"/api/corrections/{AcceptedCorrectionId}/accept", null)).StatusCode);
        ExampleIds = (await Alice.GetFromJsonAsync<JsonElement>("/api/examples")).EnumerateArray()
            .Where(e => e.GetProperty("access").EnumerateArray().All(a => a.GetString() == "user:alice"))
            .Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, ExampleIds.Count);

        using (var dataset = await Alice.PostAsJsonAsync("/api/datasets", new DatasetRequest(Audience: "alice")))
        {
            Assert.True(dataset.StatusCode == HttpStatusCode.Created, await dataset.Content.ReadAsStringAsync());
            DatasetId = (await dataset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        Assert.Contains(TextMarker, await Alice.GetStringAsync($"/api/datasets/{DatasetId}/download") + await Alice.GetStringAsync($"/api/datasets/{DatasetId}/download?split=validation"),
            StringComparison.Ordinal);
        using (var started = await Alice.PostAsJsonAsync("/api/finetunes", new FineTuneRequest(DatasetId, "base", Suffix: Marker)))
        {
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            FineTuneJobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        }

        // The fake provider's job succeeds on the third look; the look that sees it registers the model.
        var followed = await Alice.GetFromJsonAsync<JsonElement>($"/api/finetunes/{FineTuneJobId}");
        for (var i = 0; i < 5 && followed.GetProperty("registeredModelId").ValueKind == JsonValueKind.Null; i++)
        {
            followed = await Alice.GetFromJsonAsync<JsonElement>($"/api/finetunes/{FineTuneJobId}");
        }

        (ModelId, FineTunedModelName) = (followed.GetProperty("registeredModelId").GetString()!, followed.GetProperty("fineTunedModel").GetString()!);
        Assert.Contains(Marker, FineTunedModelName, StringComparison.Ordinal);
        using var chat = await Alice.PostAsJsonAsync("/v1/chat/completions", new { model = "base", messages = new[] { new { role = "user", content = $"What does the {Marker} plan cap?" } } });
        Assert.True(chat.StatusCode == HttpStatusCode.OK, await chat.Content.ReadAsStringAsync());
        Assert.Contains(TextMarker, await Alice.GetStringAsync($"/api/search?q={Marker}&mode=bm25"), StringComparison.Ordinal);
    }

    /// <summary>Uploads files as one caller; returns their document ids.</summary>
    public static async Task<IReadOnlyList<string>> UploadAsync(HttpClient client, string name, string text, string? access)
    {
        using var response = await client.PostAsync("/api/documents", Contracts.Upload(access, (name, text)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(d => d.GetProperty("documentId").GetString()!).ToList();
    }

    private async Task<(string JobId, string DocumentId)> UploadInTheBackgroundAsync(string name, string text)
    {
        using var response = await Alice.PostAsync("/api/documents?background=true", Contracts.Upload(null, (name, text)));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var status = await JobPolling.UntilFinishedAsync(Alice, $"/api/documents/uploads/{jobId}");
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        return (jobId, status.GetProperty("documents")[0].GetProperty("documentId").GetString()!);
    }

    private async Task<(string JobId, string ReportId)> ReviewAsJobAsync(string documentId)
    {
        using var queued = await Alice.PostAsJsonAsync("/api/reviews", new ReviewBody(documentId));
        Assert.True(queued.StatusCode == HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync());
        var jobId = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        for (var i = 0; i < 600; i++)
        {
            var status = await Alice.GetFromJsonAsync<JsonElement>($"/api/reviews/jobs/{jobId}");
            if (status.GetProperty("status").GetString() == "succeeded")
            {
                return (jobId, status.GetProperty("reportId").GetString()!);
            }

            Assert.NotEqual("failed", status.GetProperty("status").GetString());
            await Task.Delay(100);
        }

        throw new TimeoutException($"review job {jobId} did not finish within 60 seconds");
    }

    private async Task<HttpClient> ClientForAsync(string user, params string[] groups)
    {
        var client = await Factory.ClientForAsync(user, groups);
        _clients.Add(client);
        return client;
    }

    private HttpClient Client(string token)
    {
        var client = Factory.ClientWith(token);
        _clients.Add(client);
        return client;
    }
}
