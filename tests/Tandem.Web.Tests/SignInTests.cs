using System.Net;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>Sign-in with an API key, the cookie it gives, and what refuses it.</summary>
public sealed class SignInTests : WebTest
{
    [Fact]
    public async Task Page_WithoutCookie_RedirectsToSignIn()
    {
        using var response = await Anonymous().Client.GetAsync("/app/reviews/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/app/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ValidKey_SetsHttpOnlyStrictCookieAndOpensTheApp()
    {
        var key = await KeyAsync("alice", "legal");
        var session = Anonymous();

        using var response = await session.SignInAsync(key.Secret);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tandem_web=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key.Secret, cookie, StringComparison.Ordinal);
        var page = await session.PageAsync("/app");
        Assert.Contains("alice", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tdm_notakey_0000000000000000")]
    [InlineData("not even the shape of a key")]
    public async Task SignIn_BadKey_IsRefusedWithoutCookie(string key)
    {
        var session = Anonymous();

        using var response = await session.SignInAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tandem_web=", StringComparison.Ordinal)));
        Assert.Contains("not accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RevokedKey_IsRefused()
    {
        var key = await KeyAsync("alice");
        await Factory.Keys.RevokeAsync(key.Key.KeyId);

        using var response = await Anonymous().SignInAsync(key.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Cookie_KeyRevokedAfterSignIn_SignsOut()
    {
        var key = await KeyAsync("alice");
        var session = Anonymous();
        (await session.SignInAsync(key.Secret)).Dispose();
        await session.PageAsync("/app");

        await Factory.Keys.RevokeAsync(key.Key.KeyId);
        using var response = await session.Client.GetAsync("/app");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/app/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_Forged_IsRefused()
    {
        var session = Anonymous();
        session.Client.DefaultRequestHeaders.Add("Cookie", "tandem_web=CfDJ8forgedvaluethatnoserverissued");

        using var response = await session.Client.GetAsync("/app");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Cookie_DoesNotAuthenticateTheApi()
    {
        var session = await SignedInAsync("alice");

        using var response = await session.Client.GetAsync("/api/documents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var key = await KeyAsync("alice");

        using var response = await Anonymous().PostFormAsync("/app/sign-in", new() { ["key"] = key.Secret }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesToTheApp()
    {
        var key = await KeyAsync("alice");

        using var response = await Anonymous().PostFormAsync("/app/sign-in", new() { ["key"] = key.Secret, ["returnUrl"] = "//evil.example/app" });

        Assert.Equal("/app", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var session = await SignedInAsync("alice");

        (await session.PostFormAsync("/app/sign-out", [])).Dispose();
        using var response = await session.Client.GetAsync("/app");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignInPage_WithoutAProvider_OffersOnlyTheKey()
    {
        var session = Anonymous();

        var page = await session.PageAsync("/app/sign-in");
        using var provider = await session.PostFormAsync("/app/sign-in?handler=provider", [], tokenPage: "/app/sign-in");

        Assert.Equal(["Sign in"], page.QuerySelectorAll("main button").Select(b => b.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, provider.StatusCode);
    }

    [Fact]
    public async Task Assets_AreServedWithoutSignIn()
    {
        using var htmx = await Anonymous().Client.GetAsync("/app/assets/lib/htmx/htmx.min.js");
        using var missing = await Anonymous().Client.GetAsync("/app/assets/../Tandem.Web.dll");

        Assert.Equal(HttpStatusCode.OK, htmx.StatusCode);
        Assert.Equal("text/javascript", htmx.Content.Headers.ContentType!.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, missing.StatusCode);
    }
}
