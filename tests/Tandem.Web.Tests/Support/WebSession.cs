using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Tandem.Server.Tests;

namespace Tandem.Web.Tests.Support;

/// <summary>
/// A browser-like client of the in-memory server: it keeps cookies, follows no redirects (tests
/// check where they go), and posts forms with the antiforgery token the page it came from carries.
/// </summary>
public sealed class WebSession : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public WebSession(ServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>A session over <paramref name="client"/> (e.g. one to a server on a real port that follows redirects across sites).</summary>
    public WebSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    /// <summary>Signs in with <paramref name="key"/>; the sign-in answer.</summary>
    public Task<HttpResponseMessage> SignInAsync(string key) => PostFormAsync("/app/sign-in", new() { ["key"] = key });

    /// <summary>A page's HTML, parsed.</summary>
    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>GETs <paramref name="url"/> and parses it, failing unless it answers 200.</summary>
    public async Task<IHtmlDocument> PageAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return Parse(html);
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>.</summary>
    public async Task<string> TokenAsync(string page) =>
        (await PageAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"{page} has no antiforgery token");

    /// <summary>POSTs <paramref name="fields"/> (and <paramref name="files"/>, as multipart) to <paramref name="url"/> with the token of <paramref name="tokenPage"/> (default: the same URL).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, IReadOnlyList<(string Name, byte[] Bytes)>? files = null,
        string? tokenPage = null, bool withToken = true)
    {
        var all = new List<KeyValuePair<string, string>>(fields);
        if (withToken)
        {
            all.Add(new("__RequestVerificationToken", await TokenAsync(tokenPage ?? url.Split('?')[0])));
        }

        if (files is null)
        {
            return await Client.PostAsync(url, new FormUrlEncodedContent(all));
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in all)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            multipart.Add(new ByteArrayContent(bytes), "files", name);
        }

        return await Client.PostAsync(url, multipart);
    }

    public void Dispose() => Client.Dispose();
}
