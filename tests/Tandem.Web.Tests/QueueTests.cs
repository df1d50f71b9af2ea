using System.Net;
using Tandem.Learning;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>The reviewer queue: pending corrections the reviewer may read, decided one or many at a time by the API's rules.</summary>
public sealed class QueueTests : WebTest
{
    [Fact]
    public async Task Queue_ShowsOriginalAndCorrectedSideBySide_OnlyToThoseWhoMayReadTheReport()
    {
        var alice = await SignedInAsync("alice", "legal");
        var admin = await SignedInAsync("root", "admin");
        var bob = await SignedInAsync("bob");
        var id = await CorrectAsync(alice, 1, ("severity", "info"));

        var seen = await admin.PageAsync("/app/corrections");
        var none = await bob.PageAsync("/app/corrections");

        var item = seen.QuerySelector($"article[aria-labelledby='head-{id}']")!;
        Assert.Contains("Severity: info", item.QuerySelector("section[aria-label='Corrected finding']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Severity: info", item.QuerySelector("section[aria-label='Original finding']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("By alice", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector($"input[type=checkbox][value='{id}']"));
        Assert.Null(none.QuerySelector("article"));
    }

    [Fact]
    public async Task Accept_Many_AcceptsEveryCheckedCorrection()
    {
        var alice = await SignedInAsync("alice", "legal");
        var admin = await SignedInAsync("root", "admin");
        var first = await CorrectAsync(alice, 1, ("severity", "info"));
        var second = await CorrectAsync(alice, 2, ("rationale", "a rationale of our own"));

        using var response = await DecideAsync(admin, "accept", first, second);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var all = await CorrectionsAsync();
        Assert.All(all, c => Assert.Equal(("accepted", "root"), (c.Review, c.Reviewer)));
        Assert.Equal(2, all.Count);
        var page = await admin.PageAsync("/app/corrections");
        Assert.Contains("2 accepted", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("article"));
    }

    [Fact]
    public async Task Reject_One_LeavesTheOthersPending()
    {
        var alice = await SignedInAsync("alice", "legal");
        var admin = await SignedInAsync("root", "admin");
        var first = await CorrectAsync(alice, 1, ("severity", "info"));
        var second = await CorrectAsync(alice, 2, ("severity", "info"));

        (await DecideAsync(admin, "reject", first)).Dispose();

        var all = (await CorrectionsAsync()).ToDictionary(c => c.Correction.Id, c => c.Review);
        Assert.Equal("rejected", all[first]);
        Assert.Equal("pending", all[second]);
    }

    [Fact]
    public async Task Accept_ByAUserWhoMayNotReadTheReport_IsNotFoundAndStaysPending()
    {
        var alice = await SignedInAsync("alice", "legal");
        var bob = await SignedInAsync("bob");
        var id = await CorrectAsync(alice, 1, ("severity", "info"));

        (await DecideAsync(bob, "accept", id)).Dispose();

        Assert.Equal("pending", Assert.Single(await CorrectionsAsync()).Review);
        Assert.Contains("1 not found", (await bob.PageAsync("/app/corrections")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_WithoutAntiforgeryToken_IsRefused()
    {
        var alice = await SignedInAsync("alice", "legal");
        var admin = await SignedInAsync("root", "admin");
        var id = await CorrectAsync(alice, 1, ("severity", "info"));

        using var response = await admin.Client.PostAsync("/app/corrections", new FormUrlEncodedContent([new("ids", id), new("decision", "accept")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pending", Assert.Single(await CorrectionsAsync()).Review);
    }

    private static async Task<HttpResponseMessage> DecideAsync(WebSession session, string decision, params string[] ids)
    {
        var content = new List<KeyValuePair<string, string>>(ids.Select(id => new KeyValuePair<string, string>("ids", id)))
        {
            new("decision", decision), new("__RequestVerificationToken", await session.TokenAsync("/app/reviews/new")),
        };
        return await session.Client.PostAsync("/app/corrections", new FormUrlEncodedContent(content));
    }

    /// <summary>Reviews the sample once per session (the same report each time) and corrects finding <paramref name="finding"/>; the correction's id.</summary>
    private static async Task<string> CorrectAsync(WebSession session, int finding, params (string Name, string Value)[] changes)
    {
        using var upload = await UploadAsync(session, Sample("saas-subscription-agreement.md"));
        var url = upload.Headers.Location!.OriginalString;
        var fields = new Dictionary<string, string> { ["finding"] = finding.ToString(System.Globalization.CultureInfo.InvariantCulture), ["action"] = "change" };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        using var response = await session.PostFormAsync(url + "?handler=correct", fields, tokenPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return System.Text.RegularExpressions.Regex.Match(response.Headers.Location!.OriginalString, "saved=(cor_[0-9a-f]+)").Groups[1].Value;
    }
}
