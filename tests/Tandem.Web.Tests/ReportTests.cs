using System.Net;
using Microsoft.Extensions.DependencyInjection;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>The report page: the contract beside its findings, its downloads, and "not found" for anyone who may not read it.</summary>
public sealed class ReportTests : WebTest
{
    [Fact]
    public async Task Report_ShowsTheContractWithEveryFindingsClauseHighlightedAndLinked()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);

        var page = await alice.PageAsync(url);

        var clauses = page.QuerySelectorAll(".contract .clause");
        var findings = page.QuerySelectorAll(".finding-list > li.finding");
        Assert.NotEmpty(findings);
        foreach (var finding in findings)
        {
            // Each finding names its severity in words and links to its clause, which links back.
            Assert.Matches("Severity: (critical|high|medium|low|info)", finding.QuerySelector(".sev-label")!.TextContent);
            var target = finding.QuerySelector("a.to-clause")!.GetAttribute("href")![1..];
            var clause = page.GetElementById(target)!;
            Assert.Contains("flagged", clause.ClassList);
            Assert.Contains(clause.QuerySelectorAll("a.to-finding"), a => a.GetAttribute("href") == "#" + finding.Id);
            Assert.Matches("Finding \\d+: (critical|high|medium|low|info) risk", clause.QuerySelector("a.to-finding")!.TextContent);
        }

        Assert.True(clauses.Length > findings.Select(f => f.QuerySelector("a.to-clause")!.GetAttribute("href")).Distinct().Count(), "unflagged clauses are shown too");
        Assert.Equal(Enumerable.Range(0, clauses.Length).Select(i => "clause-" + i), clauses.Select(c => c.Id));
        Assert.Contains("Playbook", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Model", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reviewed for", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#missing-heading"));
    }

    [Fact]
    public async Task Report_AQuoteNarrowerThanItsClause_IsMarkedExactlyInTheContract()
    {
        var alice = await SignedInAsync("alice");
        var caller = new Tandem.Access.Principal("alice");
        var services = Factory.Services;
        var path = Path.Combine(Path.GetDirectoryName(Factory.DatabasePath)!, "notice.txt");
        await File.WriteAllTextAsync(path, "NOTICE AGREEMENT\n\n1. Term. Either party may terminate on thirty (30) days' notice to the other.\n\n2. Law. The laws of Ontario govern.\n");
        var ingested = await services.GetRequiredService<Tandem.Store.DocumentIngestor>().IngestFileAsync(path, caller);
        var document = (await services.GetRequiredService<Tandem.Store.IDocumentStore>().GetDocumentAsync(ingested.DocumentId, caller))!;
        var clause = document.Clauses.First(c => c.Clause.Text.Contains("thirty", StringComparison.Ordinal));
        const string quoted = "thirty (30) days' notice";
        var start = clause.Clause.Start + clause.Clause.Text.IndexOf(quoted, StringComparison.Ordinal);
        var finding = new Tandem.Analysis.Finding("Notice Period to Terminate Renewal", Tandem.Analysis.Severity.High, clause.ClauseId, clause.Clause.Path, null, quoted,
            start, start + quoted.Length, 3, "Short notice.", [], 0.9);
        var report = Tandem.Analysis.RiskReport.For(document, Tandem.Analysis.PlaybookLoader.Load(Tandem.Analysis.PlaybookLoader.DefaultPath()), "test", "test-model",
            DateTimeOffset.UtcNow, document.Clauses.Count, [finding], []);
        await services.GetRequiredService<Tandem.Analysis.IReportStore>().SaveAsync(report, caller);

        var page = await alice.PageAsync($"/app/reports/{report.ReportId}");

        var flagged = Assert.Single(page.QuerySelectorAll(".contract .clause.flagged"));
        Assert.Equal(quoted, Assert.Single(flagged.QuerySelectorAll("mark.quote")).TextContent);
        Assert.Equal(clause.Clause.Text, flagged.QuerySelector(".clause-text")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".contract .clause:not(.flagged) mark"));
    }

    [Fact]
    public async Task Report_AFindingReadWithADefinition_CitesItAndLinksToItsClause()
    {
        var alice = await SignedInAsync("alice");
        // Written for this test: the royalty clause is fine on its face; the "Net Receipts" it is paid on are cut by 40%.
        const string Licence = """
            # Film Distribution Licence

            This Film Distribution Licence is made on 2 March 2026 between Quillon Pictures Ltd (the "Licensor") and Brackwater Media Ltd (the "Licensee").

            ## 1. Definitions

            1.1 "Net Receipts" means all revenue received by the Licensee from the Film, after deduction of a distribution fee of forty per cent (40%) of such revenue and a reserve for returns.

            ## 2. Payment

            2.1 The Licensee shall pay the Licensor a royalty of twelve per cent (12%) of Net Receipts within thirty days after the end of each calendar quarter.

            2.2 This Agreement is governed by the laws of England and Wales.
            """;
        using var response = await alice.PostFormAsync("/app/reviews/new", new() { ["for"] = "licensor", ["type"] = string.Empty },
            [("film-licence.md", System.Text.Encoding.UTF8.GetBytes(Licence))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await alice.PageAsync(response.Headers.Location!.OriginalString);

        var cited = Assert.Single(page.QuerySelectorAll(".finding-list .definition"));
        Assert.Contains("\"Net Receipts\" (clause 1.1)", cited.TextContent, StringComparison.Ordinal);
        Assert.Contains("distribution fee of forty per cent", cited.TextContent, StringComparison.Ordinal);
        var target = page.GetElementById(cited.QuerySelector("a.to-definition")!.GetAttribute("href")![1..])!;
        Assert.StartsWith("1.1 \"Net Receipts\" means", target.QuerySelector(".clause-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OfAnotherUser_IsNotFoundAndShowsNoneOfIt()
    {
        var alice = await SignedInAsync("alice", "legal");
        var bob = await SignedInAsync("bob");
        var url = await ReviewAsync(alice);
        var mine = await alice.PageAsync(url);
        var title = mine.QuerySelector(".report-head h1")!.TextContent;
        var quote = mine.QuerySelector(".finding blockquote")!.TextContent;

        foreach (var seen in new[] { url, url + "?handler=download&format=html", url + "?handler=download&format=docx" })
        {
            using var response = await bob.Client.GetAsync(seen);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(title, body, StringComparison.Ordinal);
            Assert.DoesNotContain(quote[..40], body, StringComparison.Ordinal);
        }

        using var missing = await alice.Client.GetAsync("/app/reports/rpt_0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html", "text/html", "<html")]
    [InlineData("markdown", "text/markdown", "# Risk report")]
    [InlineData("json", "application/json", "\"reportId\"")]
    public async Task Download_TextFormats_AreTheApisRenderings(string format, string mediaType, string start)
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);

        using var response = await alice.Client.GetAsync($"{url}?handler=download&format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains(start, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Download_Docx_OpensWithHeadingsAndAFindingsTable()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);
        var findings = (await alice.PageAsync(url)).QuerySelectorAll(".finding-list > li.finding").Length;

        using var response = await alice.Client.GetAsync(url + "?handler=download&format=docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var styles = body.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value).ToList();
        Assert.Contains("Title", styles);
        Assert.Contains("Heading1", styles);
        Assert.Equal(findings, styles.Count(s => s == "Heading2") - (await MissingCountAsync(alice, url)));
        var table = Assert.Single(body.Descendants<Table>());
        Assert.Equal(findings + 1, table.Elements<TableRow>().Count());
        Assert.NotNull(document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().FirstOrDefault(s => s.StyleId == "Heading1"));
    }

    [Fact]
    public async Task Download_UnknownFormat_IsABadRequest()
    {
        var alice = await SignedInAsync("alice", "legal");
        var url = await ReviewAsync(alice);

        using var response = await alice.Client.GetAsync(url + "?handler=download&format=exe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<int> MissingCountAsync(WebSession session, string url) =>
        (await session.PageAsync(url)).QuerySelectorAll(".missing-list > li").Length;

    private static async Task<string> ReviewAsync(WebSession session)
    {
        using var response = await UploadAsync(session, Sample("saas-subscription-agreement.md"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
