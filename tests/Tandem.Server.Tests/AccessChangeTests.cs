using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Apis;

namespace Tandem.Server.Tests;

/// <summary>
/// A reader who loses access loses it at once, everywhere: when Alice takes group legal off her
/// document's list, Carol (in legal) finds nothing of it in search (every mode), chat,
/// the document list, its report or its corrections, though she found all of it a moment before.
/// </summary>
public sealed class AccessChangeTests : IAsyncLifetime
{
    private const string Marker = "wombatquill";
    private readonly ServerFactory _factory = new();
    private HttpClient _alice = null!;
    private HttpClient _carol = null!;

    public async ValueTask InitializeAsync()
    {
        _alice = await _factory.ClientForAsync("alice");
        _carol = await _factory.ClientForAsync("carol", "legal");
    }

    public async ValueTask DisposeAsync()
    {
        _alice.Dispose();
        _carol.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task SetAccess_GroupTakenOff_ItsMembersFindNothingOfTheDocumentAnyMore()
    {
        var report = await Reviewing.ReviewUploadAsync(_alice, $"{Marker}-deal.txt", Contracts.Secret(Marker), "group:legal");
        var (reportId, documentId) = (report.GetProperty("reportId").GetString()!, report.GetProperty("documentId").GetString()!);
        await AccessWorld.UploadAsync(_carol, "carol-supply.txt", Contracts.Supply, null); // so Carol still reads something afterwards
        var correction = await _carol.PostAsJsonAsync($"/api/reviews/{reportId}/corrections", new CorrectionBody(Missed: "2", Category: "Cap on Liability"));
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var seen = await CarolsViewAsync(reportId);
        // Dense search covers a clause once the background pass has embedded it, which may not have happened yet.
        Assert.All(seen.Where(s => s.Key != "search dense"), s => Assert.Contains(Marker, s.Value, StringComparison.OrdinalIgnoreCase));

        using var narrowed = await _alice.PutAsJsonAsync($"/api/documents/{documentId}/access", new AccessRequest([]));
        Assert.Equal(HttpStatusCode.NoContent, narrowed.StatusCode);

        foreach (var (what, text) in await CarolsViewAsync(reportId))
        {
            Assert.False(text.Contains(Marker, StringComparison.OrdinalIgnoreCase), $"{what} still shows the document: {text}");
            Assert.DoesNotContain(documentId, text, StringComparison.Ordinal);
        }

        await ProblemAssert.AssertAsync(await _carol.GetAsync($"/api/reviews/{reportId}"), HttpStatusCode.NotFound, ReviewsApi.NotFoundDetail);
        await ProblemAssert.AssertAsync(await _carol.GetAsync($"/api/documents/{documentId}"), HttpStatusCode.NotFound, DocumentsApi.NotFoundDetail);
        Assert.Contains(Marker, await _alice.GetStringAsync($"/api/search?q={Marker}&mode=hybrid"), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What Carol sees of the marker through every read: each answer's text, named by how it was read.</summary>
    private async Task<Dictionary<string, string>> CarolsViewAsync(string reportId)
    {
        var view = new Dictionary<string, string>();
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            view[$"search {mode}"] = (await _carol.GetFromJsonAsync<JsonElement>($"/api/search?q={Marker}%20liability%20services&mode={mode}&k=100")).GetProperty("hits").GetRawText();
        }

        foreach (var stream in new[] { false, true })
        {
            using var chat = await _carol.PostAsJsonAsync("/v1/chat/completions",
                new { model = "tandem-retrieval", stream, messages = new[] { new { role = "user", content = $"What is the {Marker} liability cap?" } } });
            view[$"chat stream={stream}"] = await chat.Content.ReadAsStringAsync();
        }

        // Embeddings are not part of the view: all-MiniLM-L6-v2 is pretrained, so its vectors do not depend on what anyone may read.
        view["documents"] = await _carol.GetStringAsync("/api/documents");
        view["corrections"] = await _carol.GetStringAsync("/api/corrections");
        view["report"] = await (await _carol.GetAsync($"/api/reviews/{reportId}?format=markdown")).Content.ReadAsStringAsync();
        return view;
    }
}
