using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tandem.Access;
using Tandem.Learning;
using Tandem.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Tandem.Web.Tests;

/// <summary>An admin-only action refused for a non-admin in a real headless chromium: no button is offered, and a forged form gets the refusal page.</summary>
public sealed class AdminOnlyBrowserTests(Chromium chromium) : BrowserTest(chromium)
{
    private static readonly Principal Alice = new("alice", ["legal"]);

    [Theory]
    [InlineData("promote", "only admins promote models")]
    [InlineData("retrain", "only admins retrain models")]
    public async Task AdminAction_ForgedByANonAdmin_GetsTheRefusalAndTheRegistryIsUnchanged(string handler, string refusal)
    {
        var registry = Server.Services.GetRequiredService<IModelRegistry>();
        await registry.RegisterAsync(TestModels.SelfHosted("sh-candidate", null, "public"));
        var before = await registry.ListAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, Alice);
        await page.GetByRole(AriaRole.Link, new() { Name = "Models" }).ClickAsync();
        await Expect(page.Locator("article[aria-labelledby='model-sh-candidate']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^(Promote|Evaluate|Retrain)") })).ToHaveCountAsync(0);

        // What a user could do with the browser's tools: post the admin's form by hand, with the page's own antiforgery token.
        await page.EvaluateAsync("""
            ([handler]) => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = '/app/models?handler=' + handler;
              const fields = { id: 'sh-candidate', data: '/tmp', force: 'true', reason: 'forged',
                __RequestVerificationToken: document.querySelector('input[name=__RequestVerificationToken]').value };
              for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
              }
              document.body.appendChild(form);
              form.submit();
            }
            """, new object[] { handler });

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(refusal);
        var after = await registry.ListAsync();
        Assert.Equal(before.Select(m => (m.Id, m.Status)), after.Select(m => (m.Id, m.Status)));
        Assert.Equal(ModelStatus.Candidate, (await registry.GetAsync("sh-candidate"))!.Status);
        var jobs = Server.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().GetStatistics();
        Assert.Equal(0, jobs.Enqueued + jobs.Processing + jobs.Succeeded + jobs.Failed);
    }
}
