using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Apis;
using static Tandem.Server.Tests.Problems;

namespace Tandem.Server.Tests;

/// <summary>
/// <c>/api/reviews</c> within the request: by upload and by document id, in JSON, Markdown and
/// HTML; another user's report or document is a 404 with the same body as a missing one.
/// </summary>
public sealed class ReviewsApiTests : IAsyncLifetime
{
    private const string Secret = "Quillfeather";
    private readonly ServerFactory _factory = new();
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;

    public async ValueTask InitializeAsync()
    {
        _alice = await _factory.ClientForAsync("alice");
        _bob = await _factory.ClientForAsync("bob");
    }

    public async ValueTask DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Review_Upload_201WithTheReportAndItsLocation()
    {
        using var response = await _alice.PostAsync("/api/reviews", Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("reportId").GetString()!;
        Assert.Equal($"/api/reviews/{id}", response.Headers.Location?.OriginalString);
        Assert.NotEqual(0, report.GetProperty("clauseCount").GetInt32());
        var again = await _alice.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(report.GetProperty("findings").GetArrayLength(), again.GetProperty("findings").GetArrayLength());
        Assert.Equal(id, again.GetProperty("reportId").GetString());
    }

    [Fact]
    public async Task Review_DocumentId_MarkdownByQueryAndHtmlByAccept()
    {
        var documentId = await UploadAsync(_alice, Contracts.Text("Alpha"));

        using var markdown = await _alice.PostAsJsonAsync("/api/reviews?format=markdown", new { documentId, @for = "customer" });
        Assert.Equal(HttpStatusCode.Created, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("# ", text, StringComparison.Ordinal);
        Assert.Contains("Northwind", text, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, markdown.Headers.Location);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var html = await _alice.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await html.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Review_AnotherUsersReportOrDocument_404LikeAMissingOne()
    {
        var report = await Reviewing.ReviewUploadAsync(_alice, "quillfeather.txt", Contracts.Text(Secret));
        var reportId = report.GetProperty("reportId").GetString()!;
        var documentId = report.GetProperty("documentId").GetString()!;

        using var theirs = await _bob.GetAsync($"/api/reviews/{reportId}");
        using var missing = await _bob.GetAsync("/api/reviews/rpt_0123456789abcdef");
        using var theirDocument = await _bob.PostAsJsonAsync("/api/reviews", new { documentId });

        foreach (var answer in new[] { theirs, missing })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal(ReviewsApi.NotFoundDetail, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, theirDocument.StatusCode);
        var body = await theirDocument.Content.ReadAsStringAsync();
        Assert.Contains(DocumentsApi.NotFoundDetail, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_BadRequests_OneProblemDetailsLineEach()
    {
        var upload = Contracts.Upload(null, ("msa.txt", Contracts.Text("Alpha")));
        upload.Add(new StringContent("nda-ish"), "type");
        await AssertProblemAsync(await _alice.PostAsync("/api/reviews", upload), HttpStatusCode.BadRequest, "unknown contract type 'nda-ish'; use one of:");
        await AssertProblemAsync(await _alice.PostAsync("/api/reviews", Contracts.Upload(null, ("a.txt", Contracts.Text("A")), ("b.txt", Contracts.Text("B")))),
            HttpStatusCode.BadRequest, "send exactly one contract file, not 2");
        await AssertProblemAsync(await _alice.PostAsJsonAsync("/api/reviews", new { @for = "customer" }), HttpStatusCode.BadRequest, "send {\"documentId\"");
        var documentId = await UploadAsync(_alice, Contracts.Text("Alpha"));
        await AssertProblemAsync(await _alice.PostAsJsonAsync("/api/reviews", new { documentId, strategy = "/etc/passwd" }), HttpStatusCode.BadRequest,
            "unknown prompt strategy '/etc/passwd'; use few-shot or fine-tuned");
        await AssertProblemAsync(await _alice.PostAsJsonAsync("/api/reviews", new { documentId, model = "nowhere" }), HttpStatusCode.BadRequest, "no model named 'nowhere' is configured");
        using var plain = await _alice.PostAsync("/api/reviews", new StringContent("hello"));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/problem+json"), (plain.StatusCode, plain.Content.Headers.ContentType?.MediaType));
        await AssertProblemAsync(await _alice.GetAsync("/api/reviews/rpt_x?format=pdf"), HttpStatusCode.BadRequest, "unknown format 'pdf'");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/reviews/rpt_x")).StatusCode);
    }

    private static async Task<string> UploadAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsync("/api/documents", Contracts.Upload(null, ("msa.txt", text)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single().GetProperty("documentId").GetString()!;
    }
}
