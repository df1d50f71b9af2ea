using Microsoft.Playwright;

namespace Tandem.Web.Tests.Support;

/// <summary>
/// Debian's chromium driven by Playwright: TANDEM_CHROMIUM or /usr/bin/chromium, never a browser
/// Playwright downloads. Without it the browser tests skip, except with CI=true, where they fail.
/// Playwright's driver (node and its package) ships inside the Microsoft.Playwright package.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The browser; null when there is none (the tests skip).</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>The chromium executable the tests use.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("TANDEM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container has no user namespaces for chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>The browser, or the test skips (fails under CI=true) when chromium is not installed.</summary>
    public IBrowser Require()
    {
        if (Browser is not null)
        {
            return Browser;
        }

        var why = $"chromium was not found at {ExecutablePath}; install it with `apt-get install -y chromium` or set TANDEM_CHROMIUM";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(why);
        }

        Assert.Skip(why);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
