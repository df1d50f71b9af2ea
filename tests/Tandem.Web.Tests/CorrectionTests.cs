using System.Net;
using Tandem.Learning;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>Corrections made on the report page, saved by the same service as POST /api/reviews/{id}/corrections.</summary>
public sealed class CorrectionTests : WebTest
{
    [Fact]
    public async Task Correct_Severity_IsSavedWithWhoAndWhenAndShownPending()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);
        var page = await alice.PageAsync(url);
        var severity = page.QuerySelector("#finding-1 select[name=severity] option[selected]")!.GetAttribute("value");
        var other = severity == "low" ? "medium" : "low";

        using var response = await alice.PostFormAsync(url + "?handler=correct", Fields(page, 1, ("severity", other)), tokenPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches($"^{url}\\?saved=cor_[0-9a-f]{{16}}#finding-1$", response.Headers.Location!.OriginalString);
        var saved = Assert.Single(await CorrectionsAsync());
        Assert.Equal("alice", saved.Correction.Author);
        Assert.Equal(Correction.Change, saved.Correction.Kind);
        Assert.Null(saved.Correction.Rationale);
        Assert.Null(saved.Correction.Category);
        Assert.Equal("pending", saved.Review);
        var after = await alice.PageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Correction saved", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"severity → {other} — by alice", after.QuerySelector("#finding-1 .correction")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_QuoteInsideTheClause_IsSavedAsTheNarrowedQuote()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);
        var page = await alice.PageAsync(url);
        var words = page.QuerySelector("#finding-1 blockquote")!.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var narrowed = string.Join(' ', words.Skip(2).Take(8));

        using var response = await alice.PostFormAsync(url + "?handler=correct", Fields(page, 1, ("quote", narrowed)), tokenPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(narrowed, Assert.Single(await CorrectionsAsync()).Correction.Quote);
    }

    [Fact]
    public async Task Correct_QuoteFromAnotherClause_IsRefusedAndNothingSaved()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);
        var page = await alice.PageAsync(url);
        // Another finding's quote, from another clause (two findings may quote one clause under two categories).
        var first = page.QuerySelector("#finding-1 blockquote")!.TextContent;
        var elsewhere = page.QuerySelectorAll("[id^=finding-] blockquote").Select(q => q.TextContent).First(t => !first.Contains(t, StringComparison.Ordinal) && !t.Contains(first, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8);

        using var response = await alice.PostFormAsync(url + "?handler=correct", Fields(page, 1, ("quote", string.Join(' ', elsewhere))), tokenPage: url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not occur in clause", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CorrectionsAsync());
    }

    [Fact]
    public async Task Correct_FalsePositive_IsSaved()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);
        var page = await alice.PageAsync(url);
        var fields = Fields(page, 2);
        fields["action"] = "false-positive";
        fields["note"] = "not a cap at all";

        using var response = await alice.PostFormAsync(url + "?handler=correct", fields, tokenPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await CorrectionsAsync());
        Assert.Equal(Correction.FalsePositive, saved.Correction.Kind);
        Assert.Equal(2, saved.Correction.Finding);
    }

    [Fact]
    public async Task Missed_OnAnUnflaggedClause_IsSaved()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);
        var page = await alice.PageAsync(url);
        var clause = page.QuerySelectorAll(".contract .clause:not(.flagged)").Last();

        using var response = await alice.PostFormAsync(url + "?handler=missed", new()
        {
            ["clause"] = clause.GetAttribute("data-clause-id")!, ["category"] = "Audit Rights", ["severity"] = "medium", ["rationale"] = "an audit right in disguise",
        }, tokenPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await CorrectionsAsync());
        Assert.Equal(Correction.Missed, saved.Correction.Kind);
        Assert.Equal("Audit Rights", saved.Correction.Category);
        Assert.Equal(clause.GetAttribute("data-clause-id"), saved.Correction.ClauseId);
    }

    [Fact]
    public async Task Correct_OnAnotherUsersReport_IsNotFoundAndNothingSaved()
    {
        var alice = await SignedInAsync("alice", "legal");
        var bob = await SignedInAsync("bob");
        var url = await ReviewAsync(alice);
        var page = await alice.PageAsync(url);
        var token = await bob.TokenAsync("/app/reviews/new");
        var fields = Fields(page, 1, ("severity", "info"));
        fields["__RequestVerificationToken"] = token;

        using var response = await bob.Client.PostAsync(url + "?handler=correct", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await CorrectionsAsync());
    }

    [Fact]
    public async Task Correct_WithoutAntiforgeryToken_IsRefused()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);
        var page = await alice.PageAsync(url);

        using var response = await alice.PostFormAsync(url + "?handler=correct", Fields(page, 1, ("severity", "info")), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await CorrectionsAsync());
    }

    /// <summary>The finding's form as the page fills it, with <paramref name="changes"/> made.</summary>
    private static Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument page, int finding, params (string Name, string Value)[] changes)
    {
        var form = page.QuerySelector($"#finding-{finding} form")!;
        var fields = new Dictionary<string, string>
        {
            ["finding"] = finding.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["action"] = "change",
            ["category"] = form.QuerySelector("select[name=category] option[selected]")!.GetAttribute("value")!,
            ["severity"] = form.QuerySelector("select[name=severity] option[selected]")!.GetAttribute("value")!,
            ["rationale"] = form.QuerySelector("textarea[name=rationale]")!.TextContent,
            ["quote"] = string.Empty,
            ["note"] = string.Empty,
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields;
    }

    private static async Task<string> ReviewAsync(WebSession session)
    {
        using var response = await UploadAsync(session, Sample("saas-subscription-agreement.md"));
        return response.Headers.Location!.OriginalString;
    }
}
