using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Tandem.Access;
using Tandem.Server;
using Tandem.Server.Tests;
using Tandem.Web.Identity;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>
/// Several web nodes on one store: the Data Protection key ring lives in the store, so a sign-in
/// cookie or antiforgery token one node issued is accepted by another node on the same store, and
/// a token from a node on another store is refused (a key ring in a folder of this machine would
/// accept it).
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task Cookie_IssuedByOneNode_IsAcceptedByAnotherOnTheSameStore()
    {
        await using var nodeA = new ServerFactory();
        using var clientA = Client(nodeA);
        await using var nodeB = new ServerFactory(new Dictionary<string, string?> { [ServerExtensions.DatabaseKey] = nodeA.DatabasePath });
        using var clientB = Client(nodeB);
        var key = await nodeA.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });

        // Node A's sign-in form (its antiforgery cookie and token) is posted to node B ...
        var (antiforgery, token) = await FormOfAsync(clientA, "/app/sign-in");
        using var signIn = await PostAsync(clientB, "/app/sign-in", antiforgery, new() { ["key"] = key.Secret, ["__RequestVerificationToken"] = token });
        // ... and node B's sign-in cookie opens the app on node A.
        using var app = await GetAsync(clientA, "/app", CookieOf(signIn, WebIdentity.CookieName));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Equal("alice", WebSession.Parse(await app.Content.ReadAsStringAsync()).QuerySelector("header .who")!.TextContent);
    }

    [Fact]
    public async Task AntiforgeryToken_IssuedByANodeOnAnotherStore_IsRefused()
    {
        await using var nodeA = new ServerFactory();
        using var clientA = Client(nodeA);
        await using var other = new ServerFactory();
        using var otherClient = Client(other);
        var key = await nodeA.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        var (antiforgery, token) = await FormOfAsync(otherClient, "/app/sign-in");

        // A key ring in a folder of this machine would be shared by both, and this sign-in would pass.
        using var signIn = await PostAsync(clientA, "/app/sign-in", antiforgery, new() { ["key"] = key.Secret, ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(WebIdentity.CookieName, StringComparison.Ordinal)));
    }

    private static HttpClient Client(ServerFactory node) => node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The antiforgery cookie a page sets and the token its form carries.</summary>
    private static async Task<(string Cookie, string Token)> FormOfAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        var token = WebSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return (CookieOf(response, ".AspNetCore.Antiforgery."), token);
    }

    /// <summary>The <c>name=value</c> of the cookie whose name starts with <paramref name="name"/> in a response's Set-Cookie headers.</summary>
    private static string CookieOf(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name, StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string cookie, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
