using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Tandem.Access;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>Every page checked by axe-core in chromium: no accessibility violation of any impact.</summary>
public sealed class AccessibilityBrowserTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task Pages_HaveNoAxeViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/app/sign-in"));
        var found = new List<string>();
        await CheckAsync(page, "sign-in", found);
        await SignInAsync(page, new Principal("alice"));
        await CheckAsync(page, "upload", found);
        await UploadAsync(page, "saas-subscription-agreement.md");
        await page.GetByText("Correct finding 1", new() { Exact = true }).ClickAsync();
        await CheckAsync(page, "report", found);
        await page.Locator("#finding-1").GetByLabel("Severity").SelectOptionAsync("info");
        await page.Locator("#finding-1").GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        await page.GotoAsync(Url("/app/corrections"));
        await CheckAsync(page, "corrections", found);
        await page.GotoAsync(Url("/app/models"));
        await CheckAsync(page, "models", found);
        await page.GotoAsync(Url("/app/costs"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        await CheckAsync(page, "costs (ROI)", found);
        await page.GetByRole(AriaRole.Button, new() { Name = "Advise" }).ClickAsync();
        await CheckAsync(page, "costs (advice)", found);
        await page.GotoAsync(Url("/app/documents"));
        await page.GetByLabel("Search the clauses you may read").FillAsync("limitation of liability");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await CheckAsync(page, "search", found);
        await page.Locator("table tbody a").First.ClickAsync();
        await CheckAsync(page, "document", found);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> found)
    {
        var results = await page.RunAxe();
        found.AddRange(results.Violations.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }
}
