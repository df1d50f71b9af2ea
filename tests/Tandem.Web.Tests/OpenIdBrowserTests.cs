using Microsoft.Playwright;
using Tandem.Access;
using Tandem.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Tandem.Web.Tests;

/// <summary>Sign-in through the firm's OpenID Connect provider in a real headless chromium: the button, the provider's page, and back into the app.</summary>
public sealed class OpenIdBrowserTests : BrowserTest
{
    private readonly FakeOpenIdProvider _provider;

    public OpenIdBrowserTests(Chromium chromium)
        : this(chromium, new FakeOpenIdProvider())
    {
    }

    private OpenIdBrowserTests(Chromium chromium, FakeOpenIdProvider provider)
        : base(chromium, provider.ServerSettings())
    {
        _provider = provider;
        _provider.AddUser("dana", "legal");
        _provider.Register(Server.BaseAddress);
    }

    [Fact]
    public async Task SignIn_ThroughTheProvider_LandsOnTheAppAsThatUser()
    {
        var dana = await Server.IngestAsync("dana-msa.txt", "1. Services. The supplier provides the services.", new Principal("dana"));
        await Server.IngestAsync("erin-nda.txt", "1. Confidentiality. Each party keeps secrets.", new Principal("erin"));
        var page = await NewPageAsync();

        await page.GotoAsync(Url("/app/documents"));
        await ExpectPathAsync(page, "/app/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Firm SSO" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue as dana" }).ClickAsync();
        await ExpectPathAsync(page, "/app/documents");

        await Expect(page.Locator("header .who")).ToHaveTextAsync("dana");
        var rows = page.Locator("table tbody th a");
        await Expect(rows).ToHaveCountAsync(1);
        Assert.EndsWith(Uri.EscapeDataString(dana.DocumentId), await rows.GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ExpectPathAsync(page, "/app/sign-in");
        Assert.Single(_provider.EndedSessions);
        await page.GotoAsync(Url("/app"));
        await ExpectPathAsync(page, "/app/sign-in");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
