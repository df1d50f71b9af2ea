using System.Net;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>Upload and review: one file opens its report, many make a batch whose table follows the reviews.</summary>
public sealed class UploadTests : WebTest
{
    [Theory]
    [InlineData("saas-subscription-agreement.md")]
    [InlineData("mutual-nda.txt")]
    [InlineData("consulting-services-agreement.html")]
    [InlineData("software-licence-agreement.pdf")]
    [InlineData("supply-agreement.docx")]
    public async Task Upload_OneFile_OpensItsReport(string sample)
    {
        var alice = await SignedInAsync("alice", "legal");

        using var response = await UploadAsync(alice, Sample(sample));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/app/reports/rpt_[0-9a-f]{16}$", location);
        var report = await alice.PageAsync(location);
        Assert.NotEmpty(report.QuerySelectorAll(".contract .clause"));
    }

    [Fact]
    public async Task Upload_ManyFiles_ShowsTheBatchUntilEveryContractIsReviewed()
    {
        var alice = await SignedInAsync("alice", "legal");

        using var response = await UploadAsync(alice, Sample("saas-subscription-agreement.md"), Sample("mutual-nda.txt"));

        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/app/batches/", location, StringComparison.Ordinal);
        var page = await alice.PageAsync(location);
        Assert.Equal(2, page.QuerySelectorAll("table.batch tbody tr").Length);
        Assert.NotNull(page.QuerySelector("[aria-live=polite]"));
        AngleSharp.Dom.IElement section;
        var waited = 0;
        do
        {
            await Task.Delay(200);
            waited += 200;
            section = (await alice.PageAsync(location + "?handler=progress")).QuerySelector("#batch")!;
        }
        while (section.HasAttribute("hx-trigger") && waited < 60_000);

        // Polling stops once every contract is reviewed: the replacement carries no trigger.
        Assert.False(section.HasAttribute("hx-trigger"));
        Assert.Equal(2, section.QuerySelectorAll("tbody a[href^='/app/reports/rpt_']").Length);
        Assert.NotEmpty(section.QuerySelectorAll("ul.risks li"));
    }

    [Fact]
    public async Task Upload_NoFile_SaysSo()
    {
        var alice = await SignedInAsync("alice");

        using var response = await alice.PostFormAsync("/app/reviews/new", new() { ["for"] = string.Empty }, files: []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no file was chosen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        var alice = await SignedInAsync("alice");

        using var response = await alice.PostFormAsync("/app/reviews/new", [], [Sample("mutual-nda.txt")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Batch_OfAnotherUser_IsNotFound()
    {
        var alice = await SignedInAsync("alice");
        var bob = await SignedInAsync("bob");
        using var response = await UploadAsync(alice, Sample("saas-subscription-agreement.md"), Sample("mutual-nda.txt"));

        using var seen = await bob.Client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.NotFound, seen.StatusCode);
        Assert.DoesNotContain("mutual-nda", await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
