using System.Net;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>The knowledge base pages: documents the caller may read, search with the query's words marked, and access lists.</summary>
public sealed class DocumentsTests : WebTest
{
    [Fact]
    public async Task Documents_AnotherUsersDocument_IsNeitherListedNorShownNorFound()
    {
        var alice = await SignedInAsync("alice");
        var bob = await SignedInAsync("bob");
        var url = await UploadedDocumentAsync(alice);

        var list = await bob.PageAsync("/app/documents");
        using var opened = await bob.Client.GetAsync(url);
        var search = await SearchAsync(bob, "limitation of liability");

        Assert.Empty(list.QuerySelectorAll("table tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.DoesNotContain("saas-subscription-agreement", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(search.QuerySelectorAll("li.hit"));
    }

    [Fact]
    public async Task Search_MarksTheQueryWordsInEachHit()
    {
        var alice = await SignedInAsync("alice");
        await UploadedDocumentAsync(alice);

        var page = await SearchAsync(alice, "limitation of liability");

        var hits = page.QuerySelectorAll("li.hit");
        Assert.NotEmpty(hits);
        var marked = hits.SelectMany(h => h.QuerySelectorAll("mark")).Select(m => m.TextContent.ToLowerInvariant()).ToHashSet();
        Assert.Contains("liability", marked);
        Assert.DoesNotContain("of", marked);
        Assert.StartsWith("/app/documents/doc_", hits[0].QuerySelector("h3 a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_TheOwnerSharesIt_ThenTheReaderMayOpenItButNotChangeIt()
    {
        var alice = await SignedInAsync("alice");
        var bob = await SignedInAsync("bob");
        var url = await UploadedDocumentAsync(alice);

        using var shared = await alice.PostFormAsync(url + "?handler=access", new() { ["readers"] = "bob" }, tokenPage: url);
        var page = await bob.PageAsync(url);
        using var refused = await bob.PostFormAsync(url + "?handler=access", new() { ["readers"] = "bob, carol" }, tokenPage: url);

        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Contains("bob", page.GetElementById("readers")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form input[name=readers]"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("carol", (await alice.PageAsync(url)).GetElementById("readers")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> SearchAsync(WebSession session, string query)
    {
        using var response = await session.PostFormAsync("/app/documents?handler=search", new() { ["q"] = query }, tokenPage: "/app/documents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebSession.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads the SaaS sample for review; its document page's address.</summary>
    private static async Task<string> UploadedDocumentAsync(WebSession session)
    {
        (await UploadAsync(session, Sample("saas-subscription-agreement.md"))).Dispose();
        return (await session.PageAsync("/app/documents")).QuerySelector("table tbody a")!.GetAttribute("href")!;
    }
}
