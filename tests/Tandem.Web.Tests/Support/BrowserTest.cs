using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Access;
using Tandem.Server.Tests;
using Tandem.Tests.Support;

namespace Tandem.Web.Tests.Support;

/// <summary>The server on a real 127.0.0.1 port (with <paramref name="settings"/>, if any) and a headless chromium, with helpers for the usual steps of a flow.</summary>
public abstract class BrowserTest(Chromium chromium, IReadOnlyDictionary<string, string?>? settings = null) : IClassFixture<Chromium>, IAsyncLifetime
{
    static BrowserTest() => Assertions.SetDefaultExpectTimeout(60_000);

    private readonly List<IBrowserContext> _contexts = [];

    protected KestrelServer Server { get; } = new(settings);

    /// <summary>A fresh browser profile (no cookies) at <paramref name="width"/> × <paramref name="height"/>.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await chromium.Require().NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        _contexts.Add(context);
        // Generous: under ./test.sh every test project runs at once on a small machine, and a page may wait for the
        // store while the background pass embeds a contract just uploaded (a sign-in took over 30 s there once).
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return await context.NewPageAsync();
    }

    /// <summary>The app's address for <paramref name="path"/>.</summary>
    protected string Url(string path) => new Uri(Server.BaseAddress, path).ToString();

    /// <summary>Signs <paramref name="caller"/> in through the sign-in page with a real key.</summary>
    protected async Task SignInAsync(IPage page, Principal caller)
    {
        await page.GotoAsync(Url("/app"));
        await ExpectPathAsync(page, "/app/sign-in");
        await page.GetByLabel("API key").FillAsync(Server.KeyFor(caller));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ExpectPathAsync(page, "/app");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review contracts" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until the page's address has the path <paramref name="pathPattern"/> (a regular expression for the
    /// path; any query or fragment), polling the address; then wait for what the page shows. Not
    /// <c>WaitForURLAsync</c>: when the redirects have already landed by the time it is called, it waits for the
    /// page's "load" event even with <c>WaitUntil = Commit</c>, and full CI runs hung there for 120 s after network
    /// idle with the page already at the address (the load state was never reported).
    /// </summary>
    protected static Task ExpectPathAsync(IPage page, string pathPattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex($"^https?://[^/?#]+{pathPattern}(?:[?#].*)?$"));

    /// <summary>Uploads a sample through the upload form; returns once its report is open.</summary>
    protected static async Task UploadAsync(IPage page, string sample)
    {
        await page.GetByLabel("Contracts", new() { Exact = false }).SetInputFilesAsync(RepositoryPaths.Sample(sample));
        await page.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        await ExpectPathAsync(page, "/app/reports/rpt_[^/?#]+");
        await Assertions.Expect(page.Locator(".report-head h1")).ToBeVisibleAsync();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
