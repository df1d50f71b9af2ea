using System.Net;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>A contract too long to review within the request: its job's page follows it, then htmx is sent on to the report.</summary>
public sealed class JobTests() : WebTest(new Dictionary<string, string?> { ["Tandem:Server:Reviews:InlineMaxClauses"] = "1" })
{
    [Fact]
    public async Task Upload_LongContract_FollowsItsJobThenRedirectsHtmxToTheReport()
    {
        var alice = await SignedInAsync("alice");
        var bob = await SignedInAsync("bob");

        using var response = await UploadAsync(alice, Sample("mutual-nda.txt"));

        var job = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/app/reviews/jobs/", job, StringComparison.Ordinal);
        Assert.NotNull((await alice.PageAsync(job)).QuerySelector("#job [role=status]"));
        using (var stranger = await bob.Client.GetAsync(job))
        {
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        }

        string? report = null;
        for (var waited = 0; report is null && waited < 60_000; waited += 200)
        {
            await Task.Delay(200);
            using var progress = await alice.Client.GetAsync(job + "?handler=progress");
            report = progress.Headers.TryGetValues("HX-Redirect", out var to) ? to.Single() : null;
        }

        Assert.Matches("^/app/reports/rpt_[0-9a-f]{16}$", report);
        Assert.NotEmpty((await alice.PageAsync(report!)).QuerySelectorAll(".clause"));
    }

    [Fact]
    public async Task JobPage_Running_ShowsTheStageAndHowFarItHasCome()
    {
        var alice = await SignedInAsync("alice");
        var id = Tandem.Server.Tests.RunningReviewJobs.Create(Factory.Services, "alice", new WorkProgress("analysing 1500 clauses", 23, 56));

        var page = await alice.PageAsync(WebPaths.Job(id) + "?handler=progress");

        Assert.Contains("analysing 1500 clauses", page.QuerySelector("#job [role=status]")!.TextContent, StringComparison.Ordinal);
        var bar = page.QuerySelector("#job progress")!;
        Assert.Equal(("23", "56"), (bar.GetAttribute("value"), bar.GetAttribute("max")));
    }
}
