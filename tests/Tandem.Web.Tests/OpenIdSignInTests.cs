using System.Net;
using Tandem.Access;
using Tandem.Server;
using Tandem.Server.Tests;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>
/// Sign-in through the firm's OpenID Connect provider (a fake one on 127.0.0.1, speaking the
/// protocol): the code flow with PKCE ends with the same cookie and caller as an API key's, and
/// every token the server must not trust is refused with a page, not a cookie.
/// </summary>
public sealed class OpenIdSignInTests : IAsyncLifetime
{
    private readonly FakeOpenIdProvider _provider = new();
    private readonly KestrelServer _server;
    private readonly List<WebSession> _sessions = [];
    private readonly Dictionary<WebSession, CookieContainer> _jars = [];

    public OpenIdSignInTests()
    {
        _provider.AddUser("alice", "legal");
        _provider.AddUser("bob");
        _server = new KestrelServer(_provider.ServerSettings());
        _provider.Register(_server.BaseAddress);
    }

    [Fact]
    public async Task SignIn_CodeFlowWithPkce_SignsInAsTheTokensUserWhoSeesOnlyTheirDocuments()
    {
        var alices = await _server.IngestAsync("alice-nda.txt", "1. Confidentiality. Alice's supplier keeps the terms secret.", new Principal("alice"));
        var bobs = await _server.IngestAsync("bob-lease.txt", "1. Rent. Bob's tenant pays monthly.", new Principal("bob"));
        var session = Session();

        using var landing = await SignInThroughProviderAsync(session, "alice", "/app/documents");
        var documents = await session.PageAsync("/app/documents");

        Assert.Equal("/app/signed-in", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/app/documents", WebSession.Parse(await landing.Content.ReadAsStringAsync()).QuerySelector("main a")!.GetAttribute("href"));
        Assert.Equal("alice", documents.QuerySelector("header .who")!.TextContent);
        Assert.Equal([alices.DocumentId], DocumentIds(documents));
        Assert.NotEqual(alices.DocumentId, bobs.DocumentId);
        var cookie = Assert.Single(CookiesOf(session), c => c.Name == "tandem_web");
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task SignIn_GroupsFromTheToken_ApplyTheAccessPolicy()
    {
        var memo = await _server.IngestAsync("legal-only.txt", "1. Scope. The legal team's memo.", new Principal("carol"), access: "group:legal");
        var alice = Session();
        var bob = Session();

        (await SignInThroughProviderAsync(alice, "alice", "/app/documents")).Dispose();
        (await SignInThroughProviderAsync(bob, "bob", "/app/documents")).Dispose();

        Assert.Equal([memo.DocumentId], DocumentIds(await alice.PageAsync("/app/documents")));
        Assert.Empty(DocumentIds(await bob.PageAsync("/app/documents")));
    }

    [Theory]
    [InlineData(IdTokenTampering.WrongNonce)]
    [InlineData(IdTokenTampering.WrongAudience)]
    [InlineData(IdTokenTampering.Expired)]
    [InlineData(IdTokenTampering.BadSignature)]
    public async Task SignIn_TokenTheServerMustNotTrust_IsRefusedWithoutCookie(IdTokenTampering tampering)
    {
        _provider.Tampering = tampering;
        var session = Session();

        using var landing = await SignInThroughProviderAsync(session, "alice", "/app");

        Assert.Equal(HttpStatusCode.Unauthorized, landing.StatusCode);
        Assert.Equal("/app/sign-in", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("did not complete", WebSession.Parse(await landing.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(CookiesOf(session), c => c.Name == "tandem_web");
        using var app = await session.Client.GetAsync("/app");
        Assert.Equal("/app/sign-in", app.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_TokenWithoutAUserClaim_IsRefusedWithAClearPage()
    {
        _provider.Tampering = IdTokenTampering.NoUserClaim;
        var session = Session();

        using var landing = await SignInThroughProviderAsync(session, "alice", "/app");

        Assert.Equal(HttpStatusCode.Unauthorized, landing.StatusCode);
        Assert.Contains("named no user Tandem can use", WebSession.Parse(await landing.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.DoesNotContain(CookiesOf(session), c => c.Name == "tandem_web");
    }

    [Fact]
    public async Task Token_WrongPkceVerifier_IsRefusedByTheProviderAndTheCodeIsSpent()
    {
        using var client = Client(followRedirects: false);
        var session = new WebSession(client);
        using var toProvider = await session.PostFormAsync("/app/sign-in?handler=provider", new() { ["returnUrl"] = "/app" }, tokenPage: "/app/sign-in");
        using var toCallback = await client.GetAsync(toProvider.Headers.Location + "&login_hint=alice");
        var callback = toCallback.Headers.Location!;
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;

        using var token = await client.PostAsync($"{_provider.Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = new Uri(_server.BaseAddress, "/app/signin-oidc").ToString(),
            ["client_id"] = FakeOpenIdProvider.ClientId, ["client_secret"] = FakeOpenIdProvider.ClientSecret,
            ["code_verifier"] = "a-verifier-that-does-not-match-the-challenge-0123456789",
        }));
        using var back = await client.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Contains("PKCE", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/app/sign-in?failed=provider", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_ClearsTheCookieAndEndsTheProvidersSession()
    {
        var session = Session();
        (await SignInThroughProviderAsync(session, "alice", "/app")).Dispose();
        await session.PageAsync("/app");

        using var signedOut = await session.PostFormAsync("/app/sign-out", [], tokenPage: "/app");
        using var app = await session.Client.GetAsync("/app");

        Assert.Equal("/app/sign-in", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("alice", FakeOpenIdProvider.SubjectOf(Assert.Single(_provider.EndedSessions)!));
        Assert.DoesNotContain(CookiesOf(session), c => c.Name == "tandem_web");
        Assert.Equal("/app/sign-in", app.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_ProviderWithoutEndSession_StillClearsTheCookie()
    {
        _provider.AdvertisesEndSession = false;
        await using var server = new KestrelServer(_provider.ServerSettings());
        _provider.Register(server.BaseAddress);
        var session = Session(server);
        (await SignInThroughProviderAsync(session, "alice", "/app")).Dispose();

        using var signedOut = await session.PostFormAsync("/app/sign-out", [], tokenPage: "/app");

        Assert.Equal("/app/sign-in", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Empty(_provider.EndedSessions);
        Assert.DoesNotContain(CookiesOf(session), c => c.Name == "tandem_web");
    }

    [Fact]
    public async Task SignInPage_OffersTheProviderByItsName()
    {
        var page = await Session().PageAsync("/app/sign-in");

        Assert.Contains(page.QuerySelectorAll("button"), b => b.TextContent == "Sign in with Firm SSO");
    }

    [Fact]
    public void Start_AuthorityWithoutClientId_IsOneClearError()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Tandem:Auth:Oidc:Authority"] = _provider.Issuer });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var line = (error as TandemException ?? error.InnerException as TandemException)!;
        Assert.Equal("Tandem:Auth:Oidc:Authority is set but Tandem:Auth:Oidc:ClientId is not", line.Message);
    }

    /// <summary>Clicks "Sign in with Firm SSO" on the sign-in page, then <paramref name="user"/>'s button on the provider's form; the page it all lands on.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(WebSession session, string user, string returnUrl)
    {
        using var chooser = await session.PostFormAsync("/app/sign-in?handler=provider", new() { ["returnUrl"] = returnUrl }, tokenPage: "/app/sign-in");
        Assert.Equal(HttpStatusCode.OK, chooser.StatusCode);
        var form = WebSession.Parse(await chooser.Content.ReadAsStringAsync()).QuerySelector("form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={Uri.EscapeDataString(i.GetAttribute("value")!)}")
            .Append($"login_hint={Uri.EscapeDataString(user)}");
        return await session.Client.GetAsync($"{_provider.Issuer}{form.GetAttribute("action")}?{string.Join('&', fields)}");
    }

    /// <summary>The documents the knowledge base page lists.</summary>
    private static string[] DocumentIds(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table tbody th a").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!.Split('/')[^1])).ToArray();

    /// <summary>A browser-like session with a cookie jar that follows redirects, also to the provider.</summary>
    private WebSession Session(KestrelServer? server = null)
    {
        var jar = new CookieContainer();
        var session = new WebSession(Client(followRedirects: true, server, jar));
        _sessions.Add(session);
        _jars[session] = jar;
        return session;
    }

    private HttpClient Client(bool followRedirects, KestrelServer? server = null, CookieContainer? jar = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = jar ?? new CookieContainer() })
        {
            BaseAddress = (server ?? _server).BaseAddress,
        };

    private IEnumerable<Cookie> CookiesOf(WebSession session) => _jars[session].GetAllCookies();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _sessions.ForEach(s => s.Dispose());
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
