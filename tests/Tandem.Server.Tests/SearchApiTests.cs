using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;

namespace Tandem.Server.Tests;

public sealed class SearchApiTests
{
    private static readonly Principal Alice = new("alice");

    [Theory]
    [InlineData("bm25")]
    [InlineData("dense")]
    [InlineData("hybrid")]
    public async Task Search_EachMode_ReturnsCitableHits(string mode)
    {
        await using var server = new KestrelServer();
        var stored = await server.IngestAsync("supply.txt", Contracts.Supply, Alice);
        using var client = server.ClientFor(Alice);

        using var response = await client.GetAsync($"/api/search?q=either%20party%20liability&k=3&mode={mode}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var hit = body.GetProperty("hits")[0];
        Assert.Equal(stored.DocumentId, hit.GetProperty("documentId").GetString());
        Assert.Equal(1, hit.GetProperty("version").GetInt32());
        // Clauses 3 and 5 hold "either party".
        Assert.Contains(hit.GetProperty("path").GetString(), new[] { "3", "5" });
        var (start, end) = (hit.GetProperty("start").GetInt32(), hit.GetProperty("end").GetInt32());
        Assert.Equal(hit.GetProperty("text").GetString()!.Length, end - start);
        Assert.Contains("ither party", hit.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DocumentUploadedThroughTheApi_EmbeddedInTheBackgroundThenFoundDensely()
    {
        await using var server = new KestrelServer();
        using var client = server.ClientFor(Alice);
        using var upload = await client.PostAsync("/api/documents", Contracts.Upload(null, ("supply.txt", Contracts.Supply)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var index = server.Services.GetRequiredService<Tandem.Retrieval.RetrievalIndex>();

        // Nobody embeds for this test: the server's background pass has to.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement hits;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            hits = (await client.GetFromJsonAsync<JsonElement>("/api/search?q=cap%20on%20damages&mode=dense&k=3", TestContext.Current.CancellationToken)).GetProperty("hits");
        }
        while (hits.GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(index.LiveItems, index.EmbeddedItems);
        Assert.Contains("liability", hits[0].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_AfterAnotherIngest_FindsTheNewDocument()
    {
        await using var server = new KestrelServer();
        await server.IngestAsync("supply.txt", Contracts.Supply, Alice);
        using var client = server.ClientFor(Alice);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/search?q=confidential&mode=bm25");

        await server.IngestAsync("services.txt", Contracts.Secret("widget"), Alice);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/search?q=confidential&mode=bm25");

        Assert.Equal(0, before.GetProperty("hits").GetArrayLength());
        Assert.Equal(1, after.GetProperty("hits").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/search", "q is missing")]
    [InlineData("/api/search?q=liability&k=0", "k must be a whole number from 1 to 100")]
    [InlineData("/api/search?q=liability&k=ten", "k must be a whole number from 1 to 100")]
    [InlineData("/api/search?q=liability&mode=fuzzy", "unknown retrieval configuration 'fuzzy'")]
    [InlineData("/api/search?q=%3F%21", "has no searchable words")]
    public async Task Search_BadInput_AnswersProblemDetailsSayingWhat(string url, string expected)
    {
        await using var server = new KestrelServer();
        using var client = server.ClientFor(Alice);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoKey_IsRefused()
    {
        await using var server = new KestrelServer();
        using var client = server.ClientFor(null);

        using var response = await client.GetAsync("/api/search?q=liability");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsSearchAndTheOpenAiEndpoints()
    {
        await using var server = new KestrelServer();
        using var client = server.ClientFor(null);

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/v1/models", "/v1/chat/completions", "/v1/embeddings" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " is missing from the OpenAPI document");
        }
    }
}
