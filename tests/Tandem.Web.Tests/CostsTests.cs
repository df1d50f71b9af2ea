using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Economics;
using Tandem.Web.Costs;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>The costs page: the caller's own usage, the ROI calculator with what-ifs, and the advisor, through the API's services.</summary>
public sealed class CostsTests : WebTest
{
    [Fact]
    public async Task Costs_SignedOut_RedirectsToSignIn()
    {
        using var response = await Anonymous().Client.GetAsync("/app/costs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/app/sign-in?ReturnUrl=%2Fapp%2Fcosts", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_SignedIn_RendersUsageRoiAndAdvisorForms()
    {
        var alice = await SignedInAsync("alice", "legal");

        var page = await alice.PageAsync("/app/costs");

        Assert.Contains("0 metered model calls in the last 30 days", page.GetElementById("usage-total")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#roi-form input[name='before.prompt_tokens']"));
        Assert.Equal(AdvisorQuestion.All.Count, page.QuerySelectorAll("#advice-form fieldset").Length);
        Assert.NotNull(page.QuerySelector("nav a[href='/app/costs']"));
    }

    [Fact]
    public async Task Costs_UsageRecordedForAlice_ShownToAliceAndNotToBob()
    {
        var ledgers = Factory.Services.GetRequiredService<IUsageLedgers>();
        await ledgers.For(new Principal("alice", ["legal"])).RecordAsync(new UsageEntry(DateTimeOffset.UtcNow, "reviewer", "alice-model-7", "analyze",
            12_000, 0, 900, TimeSpan.FromMilliseconds(1500), 0.25m, true, "few-shot", 4_000));
        var alice = await SignedInAsync("alice", "legal");
        var bob = await SignedInAsync("bob", "legal");

        var alicePage = await alice.PageAsync("/app/costs?days=7");
        var bobPage = await bob.PageAsync("/app/costs?days=7");

        var row = alicePage.QuerySelector("#usage tbody tr")!.TextContent;
        Assert.Contains("alice-model-7", row, StringComparison.Ordinal);
        Assert.Contains("few-shot", row, StringComparison.Ordinal);
        Assert.Contains("$0.25", row, StringComparison.Ordinal);
        Assert.NotNull(alicePage.QuerySelector("#usage tbody .bar"));
        Assert.DoesNotContain("alice-model-7", bobPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 metered model calls", bobPage.GetElementById("usage-total")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roi_PostedDefaults_ShowsTheResultAndWhatIfs()
    {
        var alice = await SignedInAsync("alice", "legal");

        using var response = await alice.PostFormAsync("/app/costs?handler=roi", RoiForm.Defaults(), tokenPage: "/app/costs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebSession.Parse(await response.Content.ReadAsStringAsync());
        // The published case: about $1,100 a month saved before training, paid back in under a month.
        var expected = RoiCalculator.Calculate(RoiScenarioLoader.Parse(RoiForm.ToJson(RoiForm.Defaults(), "x"), "x", Factory.Services.GetRequiredService<PriceBook>()));
        Assert.InRange(expected.MonthlySaving, 1000m, 1200m);
        Assert.Contains("It pays", page.GetElementById("roi-result")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#roi-whatifs tbody tr");
        Assert.Equal(1 + RoiForm.WhatIfs.Count, rows.Length);
        Assert.Contains(expected.NetMonthlySaving.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture), rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2x the base price", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("-$", rows[3].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queries_per_month", "lots", "queries_per_month is not a number")]
    [InlineData("training.retrain_every_months", "0", "training.retrain_every_months must be more than 0")]
    [InlineData("before.cached_prompt_share", "2", "before.cached_prompt_share is a share between 0 and 1")]
    public async Task Roi_BadInput_ShowsOneLineErrorNot500(string field, string value, string message)
    {
        var alice = await SignedInAsync("alice", "legal");
        var fields = RoiForm.Defaults();
        fields[field] = value;

        using var response = await alice.PostFormAsync("/app/costs?handler=roi", fields, tokenPage: "/app/costs");

        var page = await RefusedAsync(response);
        var error = page.GetElementById("error")!.TextContent;
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.Null(page.GetElementById("roi-result"));
        Assert.Equal(value, page.QuerySelector($"#roi-form input[name='{field}']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Costs_BadWindow_ShowsOneLineErrorNot500()
    {
        var alice = await SignedInAsync("alice", "legal");

        using var response = await alice.Client.GetAsync("/app/costs?days=0");

        Assert.Contains("days must be between 1 and 3650, not 0", (await RefusedAsync(response)).GetElementById("error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advice_PostedAnswers_ShowsRecommendationWithReasons()
    {
        var alice = await SignedInAsync("alice", "legal");

        using var response = await alice.PostFormAsync("/app/costs?handler=advice",
            new() { ["knowledge_changes"] = "weekly", ["citations_required"] = "true", ["per_user_access"] = "true" }, tokenPage: "/app/costs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Recommendation: Retrieval", page.GetElementById("advice-result")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("weekly", page.QuerySelector("#advice-result + .table-wrap tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("weekly", page.QuerySelector("#knowledge_changes option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Advice_UnknownFrequency_ShowsOneLineError()
    {
        var alice = await SignedInAsync("alice", "legal");

        using var response = await alice.PostFormAsync("/app/costs?handler=advice", new() { ["knowledge_changes"] = "hourly" }, tokenPage: "/app/costs");

        Assert.Contains("unknown knowledge change frequency 'hourly'", (await RefusedAsync(response)).GetElementById("error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roi_WithoutAntiforgeryToken_IsRefused()
    {
        var alice = await SignedInAsync("alice", "legal");

        using var response = await alice.PostFormAsync("/app/costs?handler=roi", RoiForm.Defaults(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("roi-result", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The page of a refused request, which must answer 400 (a bad input), not 500.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return WebSession.Parse(await response.Content.ReadAsStringAsync());
    }
}
