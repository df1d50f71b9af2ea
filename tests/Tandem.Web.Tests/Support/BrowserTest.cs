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
        await page.WaitForURLAsync("**/app/sign-in**", Committed);
        await page.GetByLabel("API key").FillAsync(Server.KeyFor(caller));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Wait for the address to commit, then for what the page shows, not for its "load" event: a full CI run once
        // hung here for 120 s after network idle with the page already at /app (the load state was never reported).
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/app", Committed);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review contracts" })).ToBeVisibleAsync();
    }

    /// <summary>Wait for a navigation to commit, not for its load event; then wait for what the page shows.</summary>
    protected static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Uploads a sample through the upload form; returns once its report is open.</summary>
    protected static async Task UploadAsync(IPage page, string sample)
    {
        await page.GetByLabel("Contracts", new() { Exact = false }).SetInputFilesAsync(RepositoryPaths.Sample(sample));
        await page.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        await page.WaitForURLAsync("**/app/reports/rpt_*", Committed);
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
