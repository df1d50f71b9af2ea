using System.Net;
using Tandem.Server.Tests;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>The upload page offers the server's playbooks; the one chosen reviews the contract and the report's header names it.</summary>
public sealed class PlaybookChoiceTests : WebTest
{
    private readonly FirmPlaybooks _playbooks;

    public PlaybookChoiceTests()
        : this(new FirmPlaybooks())
    {
    }

    private PlaybookChoiceTests(FirmPlaybooks playbooks)
        : base(playbooks.Settings()) => _playbooks = playbooks;

    [Fact]
    public async Task UploadPage_OffersEveryPlaybookWithItsVersion_TheStandardFirst()
    {
        var alice = await SignedInAsync("alice");

        var page = await alice.PageAsync("/app/reviews/new");

        var options = page.QuerySelectorAll("select#playbook option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();
        Assert.Equal([("standard", "Ashgrove & Tull Standard Commercial Playbook (2026.12)"), ("firm-nda", "Firm NDA Playbook (3.1)")], options);
        Assert.Equal("Playbook", page.QuerySelector("label[for=playbook]")!.TextContent);
    }

    [Fact]
    public async Task Upload_WithTheFirmsPlaybook_TheReportNamesIt()
    {
        var alice = await SignedInAsync("alice");

        using var response = await alice.PostFormAsync("/app/reviews/new", new() { ["for"] = "customer", ["playbook"] = "firm-nda" }, [Sample("saas-subscription-agreement.md")]);
        var report = await alice.PageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(FirmPlaybooks.Header, Fact(report, "Playbook"));
        Assert.Contains("customer", Fact(report, "Reviewed for"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Upload_UnknownPlaybook_IsRefusedOnThePage()
    {
        var alice = await SignedInAsync("alice");

        using var response = await alice.PostFormAsync("/app/reviews/new", new() { ["playbook"] = "nope" }, [Sample("mutual-nda.txt")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown playbook 'nope'", WebSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Empty((await alice.PageAsync("/app/documents")).QuerySelectorAll("table tbody tr"));
    }

    /// <summary>A fact of the report's header (dt/dd), by its label.</summary>
    private static string Fact(AngleSharp.Html.Dom.IHtmlDocument report, string label) =>
        report.QuerySelectorAll(".facts div").Single(d => d.QuerySelector("dt")!.TextContent == label).QuerySelector("dd")!.TextContent.Trim();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _playbooks.Dispose();
    }
}
