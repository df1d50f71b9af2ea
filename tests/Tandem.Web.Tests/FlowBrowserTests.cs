using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tandem.Access;
using Tandem.Learning;
using Tandem.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Tandem.Web.Tests;

/// <summary>The loop in a real headless chromium: a lawyer reviews and corrects by selecting text, a reviewer accepts.</summary>
public sealed class FlowBrowserTests(Chromium chromium) : BrowserTest(chromium)
{
    // In no group, so the retraining audience (her own access tokens, as the API takes them) reads her private contract.
    private static readonly Principal Alice = new("alice");
    private static readonly Principal Root = new("root", ["admin"]);

    [Fact]
    public async Task Flow_UploadCorrectBySelectingTextThenTheReviewerAccepts()
    {
        var lawyer = await NewPageAsync();
        await SignInAsync(lawyer, Alice);
        await UploadAsync(lawyer, "saas-subscription-agreement.md");
        await Expect(lawyer.Locator(".contract .clause.flagged").First).ToBeVisibleAsync();

        // Go to finding 1's clause and select some of its words, as a lawyer would with the mouse.
        var link = lawyer.Locator("#finding-1 a.to-clause");
        await link.ClickAsync();
        var clauseId = (await link.GetAttributeAsync("href"))![1..];
        await Expect(lawyer.Locator("#" + clauseId)).ToBeFocusedAsync();
        var selected = await lawyer.EvaluateAsync<string>("""
            (id) => {
              const node = document.querySelector('#' + id + ' .clause-text').firstChild;
              const text = node.textContent;
              const words = [...text.matchAll(/\S+/g)];
              const range = document.createRange();
              range.setStart(node, words[2].index);
              range.setEnd(node, words[9].index + words[9][0].length);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              return selection.toString();
            }
            """, clauseId);
        await lawyer.GetByText("Correct finding 1", new() { Exact = true }).ClickAsync();
        var quote = lawyer.Locator("#finding-1 input[name=quote]");
        await Expect(quote).ToHaveValueAsync(selected);
        await lawyer.Locator("#finding-1").GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        await Expect(lawyer.GetByText("Correction saved")).ToBeVisibleAsync();
        await Expect(lawyer.Locator("#finding-1 .correction")).ToContainTextAsync("quote narrowed — by alice");

        var reviewer = await NewPageAsync();
        await SignInAsync(reviewer, Root);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Corrections" }).ClickAsync();
        var item = reviewer.Locator("article.queue-item");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.Locator("section[aria-label='Corrected finding'] blockquote")).ToHaveTextAsync(selected);
        await reviewer.ScreenshotAsync(new() { Path = Screenshots.PathOf("corrections-1280.png") });
        await item.GetByRole(AriaRole.Checkbox).CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Accept checked" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("1 accepted");

        var recorded = Assert.Single(await Server.Services.GetRequiredService<CorrectionService>().ListAsync(Root));
        Assert.Equal(("accepted", "root", "alice", selected), (recorded.Review, recorded.Reviewer, recorded.Correction.Author, recorded.Correction.Quote));

        // The lawyer's models page counts it toward the retraining policy, and offers her no promotion (admins only).
        await lawyer.GetByRole(AriaRole.Link, new() { Name = "Models" }).ClickAsync();
        await Expect(lawyer.Locator("#retrain-decision")).ToContainTextAsync("1 accepted corrections arrived since");
        await Expect(lawyer.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Promote") })).ToHaveCountAsync(0);
        await lawyer.GetByText("Scores per category").First.ClickAsync();
        await lawyer.ScreenshotAsync(new() { Path = Screenshots.PathOf("models-1280.png") });
    }
}
