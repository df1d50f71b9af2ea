using Microsoft.Playwright;
using Tandem.Access;
using Tandem.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Tandem.Web.Tests;

/// <summary>The report page in a real headless chromium: highlights, click-to-scroll both ways, narrow screens, and "not found".</summary>
public sealed class ReportBrowserTests(Chromium chromium) : BrowserTest(chromium)
{
    private static readonly Principal Alice = new("alice", ["legal"]);
    private static readonly Principal Bob = new("bob");

    [Fact]
    public async Task Report_ClickingAFindingScrollsToItsClauseAndBack()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Alice);

        await UploadAsync(page, "saas-subscription-agreement.md");

        Assert.True(await page.Locator(".contract .clause.flagged").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("report-1280.png") });
        // The last finding's clause is far from the top of the contract.
        var finding = page.Locator(".finding-list > li.finding").Last;
        var link = finding.Locator("a.to-clause");
        var clauseId = (await link.GetAttributeAsync("href"))![1..];
        await link.ClickAsync();
        var clause = page.Locator("#" + clauseId);
        await Expect(clause).ToBeFocusedAsync();
        await Expect(clause).ToBeInViewportAsync();

        await page.Locator("#finding-1 a.to-clause").ClickAsync();
        var firstClause = page.Locator("#" + (await page.Locator("#finding-1 a.to-clause").GetAttributeAsync("href"))![1..]);
        await firstClause.Locator(".clause-text").ClickAsync();
        await Expect(page.Locator("#" + await firstClause.GetAttributeAsync("data-finding"))).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Report_At390PixelsWide_HasNoHorizontalScroll()
    {
        var page = await NewPageAsync(390, 844);
        await SignInAsync(page, Alice);

        await UploadAsync(page, "saas-subscription-agreement.md");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the report page scrolls sideways by {overflow}px at 390px wide");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("report-390.png") });
        await page.Locator(".finding-list > li.finding a.to-clause").First.ClickAsync();
        await Expect(page.Locator(".clause.active")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Report_OpenedByAnotherUser_IsNotFound()
    {
        var alice = await NewPageAsync();
        await SignInAsync(alice, Alice);
        await UploadAsync(alice, "saas-subscription-agreement.md");
        var title = await alice.Locator(".report-head h1").TextContentAsync();

        var bob = await NewPageAsync();
        await SignInAsync(bob, Bob);
        var response = await bob.GotoAsync(alice.Url);

        Assert.Equal(404, response!.Status);
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        Assert.DoesNotContain(title!, await bob.ContentAsync(), StringComparison.Ordinal);
    }
}
