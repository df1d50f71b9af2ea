using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Apis;
using static Tandem.Server.Tests.Problems;

namespace Tandem.Server.Tests;

/// <summary>
/// Each documents endpoint for an owner (alice), a reader through a group (carol, in legal), a
/// stranger (bob) and an admin. Nothing of alice's private document reaches bob: no text, id,
/// file name or sign that it exists, in any body or header.
/// </summary>
public sealed class DocumentsApiTests : IAsyncLifetime
{
    private const string Secret = "Quillfeather";
    private readonly ServerFactory _factory = new();
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;
    private HttpClient _carol = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _alice = await _factory.ClientForAsync("alice", "legal");
        _bob = await _factory.ClientForAsync("bob");
        _carol = await _factory.ClientForAsync("carol", "legal");
        _admin = await _factory.ClientForAsync("root", "admin");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { _alice, _bob, _carol, _admin })
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Upload_TwoFiles_BothListedForTheOwner()
    {
        using var response = await _alice.PostAsync("/api/documents", Contracts.Upload(null, ("one.txt", Contracts.Text("Alpha")), ("two.md", Contracts.Text("Beta"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Created", "Created"], stored.EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        var listed = await _alice.GetFromJsonAsync<JsonElement>("/api/documents");
        Assert.Equal(2, listed.GetArrayLength());
    }

    [Fact]
    public async Task Get_SameFileUploadedTwice_ShowsBothVersions()
    {
        var id = await UploadAsync(_alice, "msa.txt", Contracts.Text("Alpha"));
        Assert.Equal(id, await UploadAsync(_alice, "msa.txt", Contracts.Text("Gamma")));

        var document = await _alice.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");

        Assert.Equal([1, 2], document.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("alice", document.GetProperty("owner").GetString());
        Assert.Contains(document.GetProperty("clauses").EnumerateArray(), c => c.GetProperty("clause").GetProperty("text").GetString()!.Contains("Gamma", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_UnreadableFile_400WithTheCliLineAndNothingStored()
    {
        using var response = await _alice.PostAsync("/api/documents", Contracts.Upload(null, ("good.txt", Contracts.Text("Alpha")), ("empty.txt", "")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "empty.txt is empty; check that it was saved or copied completely");
        Assert.Equal(0, (await _alice.GetFromJsonAsync<JsonElement>("/api/documents")).GetArrayLength());
    }

    [Theory]
    [InlineData("contract.exe", "contract.exe has an unsupported file type (.exe); supported types are")]
    [InlineData("../", "an uploaded file has no usable name")]
    public async Task Upload_BadFile_400ProblemDetails(string name, string detail)
    {
        using var response = await _alice.PostAsync("/api/documents", Contracts.Upload(null, (name, Contracts.Text("Alpha"))));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Upload_NoFileOrNotMultipart_RefusedAsProblemDetails()
    {
        await AssertProblemAsync(await _alice.PostAsync("/api/documents", Contracts.Upload("bob")), HttpStatusCode.BadRequest, "the request holds no file");
        using var json = await _alice.PostAsync("/api/documents", JsonContent.Create(new { text = "x" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        await AssertProblemAsync(await _alice.PostAsync("/api/documents", Contracts.Upload("group:", ("a.txt", Contracts.Text("Alpha")))),
            HttpStatusCode.BadRequest, "invalid access entry 'group:'");
    }

    [Fact]
    public async Task EveryEndpoint_AStrangersCalls_RevealNothingOfAPrivateDocument()
    {
        var id = await UploadAsync(_alice, "quillfeather-merger.txt", Contracts.Text(Secret));
        var missing = "doc_0123456789abcdef";
        await UploadAsync(_bob, "bobcat.txt", Contracts.Text("Bobcat"));

        var calls = new List<(string Name, HttpResponseMessage Private, HttpResponseMessage? Missing)>
        {
            ("list", await _bob.GetAsync("/api/documents?all=true"), null),
            ("get", await _bob.GetAsync($"/api/documents/{id}"), await _bob.GetAsync($"/api/documents/{missing}")),
            ("history", await _bob.GetAsync($"/api/documents/{id}/history"), await _bob.GetAsync($"/api/documents/{missing}/history")),
            ("access", await _bob.PutAsJsonAsync($"/api/documents/{id}/access", new AccessRequest(["bob"])), await _bob.PutAsJsonAsync($"/api/documents/{missing}/access", new AccessRequest(["bob"]))),
            ("retire", await _bob.DeleteAsync($"/api/documents/{id}"), await _bob.DeleteAsync($"/api/documents/{missing}")),
        };

        foreach (var (name, answer, forMissing) in calls)
        {
            var seen = await EverythingAsync(answer);
            foreach (var leak in new[] { id, Secret, "quillfeather-merger", "Quillfeather Systems" })
            {
                Assert.False(seen.Contains(leak, StringComparison.Ordinal), $"{name} shows '{leak}':\n{seen}");
            }

            if (forMissing is not null)
            {
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
                Assert.Equal(Shape(await EverythingAsync(forMissing), missing), Shape(seen, id));
            }
        }

        var alices = await _alice.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
        Assert.Equal(["user:alice"], alices.GetProperty("access").EnumerateArray().Select(a => a.GetString()));
        Assert.Null(alices.GetProperty("retiredAt").GetString());
    }

    [Fact]
    public async Task GroupReader_ReadsButMayNotRetireReshareOrSeeHistory()
    {
        var id = await UploadAsync(_alice, "msa.txt", Contracts.Text("Alpha"), "group:legal");

        Assert.Equal(HttpStatusCode.OK, (await _carol.GetAsync($"/api/documents/{id}")).StatusCode);
        await AssertProblemAsync(await _carol.DeleteAsync($"/api/documents/{id}"), HttpStatusCode.Forbidden, "only the document's owner or an admin may retire it");
        await AssertProblemAsync(await _carol.PutAsJsonAsync($"/api/documents/{id}/access", new AccessRequest(["carol"])), HttpStatusCode.Forbidden, "only the document's owner");
        await AssertProblemAsync(await _carol.GetAsync($"/api/documents/{id}/history"), HttpStatusCode.Forbidden, "only the document's owner");

        var document = await _alice.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
        Assert.Equal(["group:legal", "user:alice"], document.GetProperty("access").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, document.GetProperty("retiredAt").ValueKind);
    }

    [Fact]
    public async Task Owner_ChangesAccessThenRetires_HistoryRecordsIt()
    {
        var id = await UploadAsync(_alice, "msa.txt", Contracts.Text("Alpha"));

        Assert.Equal(HttpStatusCode.NoContent, (await _alice.PutAsJsonAsync($"/api/documents/{id}/access", new AccessRequest(["bob"]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bob.GetAsync($"/api/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _alice.DeleteAsync($"/api/documents/{id}")).StatusCode);

        Assert.Equal(0, (await _alice.GetFromJsonAsync<JsonElement>("/api/documents")).GetArrayLength());
        Assert.Equal(1, (await _alice.GetFromJsonAsync<JsonElement>("/api/documents?all=true")).GetArrayLength());
        var history = await _alice.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/history");
        var last = history.EnumerateArray().Last();
        Assert.Equal(["user:alice", "user:bob"], last.GetProperty("newAccess").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Admin_ReadsRetiresAndSeesHistoryOfAnyonesDocument()
    {
        var id = await UploadAsync(_alice, "msa.txt", Contracts.Text("Alpha"));

        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/api/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/api/documents/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/documents/{id}")).StatusCode);
        Assert.Equal(0, (await _alice.GetFromJsonAsync<JsonElement>("/api/documents")).GetArrayLength());
    }

    private static async Task<string> UploadAsync(HttpClient client, string name, string text, string? access = null)
    {
        using var response = await client.PostAsync("/api/documents", Contracts.Upload(access, (name, text)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single().GetProperty("documentId").GetString()!;
    }

    private static Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailStart) =>
        ProblemAssert.AssertAsync(response, status, detailStart);

    /// <summary>The status, headers and body of an answer, as one text to search.</summary>
    private static async Task<string> EverythingAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n{await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>An answer with what differs between any two requests removed (the trace id, the length it changes, the id asked for).</summary>
    private static string Shape(string answer, string askedFor) =>
        System.Text.RegularExpressions.Regex.Replace(answer, "\"traceId\":\"[^\"]*\"|Content-Length: \\d+", "").Replace(askedFor, "<id>", StringComparison.Ordinal);
}
