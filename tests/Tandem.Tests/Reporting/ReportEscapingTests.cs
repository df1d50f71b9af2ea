using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Tandem.Analysis;
using Tandem.Reporting;

namespace Tandem.Tests.Reporting;

/// <summary>
/// A contract, its file name, the playbook and a model's output are not ours: in every report
/// format they must show as written and never become live HTML, links, images or terminal codes.
/// </summary>
public sealed class ReportEscapingTests
{
    private const string Attack = "<script>alert(1)</script> <iframe src=\"https://evil.example/\"></iframe> [click](javascript:alert(1)) " +
        "![](https://evil.example/x.png) <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">here</a> **loud** | cell &amp; `code`";

    private static readonly RiskReport Report = new()
    {
        ReportId = "rpt_0123456789abcdef",
        DocumentId = "doc_0123456789abcdef",
        DocumentTitle = "<script>alert('title')</script>[x](javascript:alert(3))",
        Source = "/contracts/evil.md",
        Version = 1,
        ContentHash = "00",
        Playbook = "standard <b>1</b>",
        Model = "local-analyst",
        CreatedAt = DateTimeOffset.UnixEpoch,
        ClauseCount = 3,
        Findings =
        [
            new Finding("Cap On Liability", Severity.High, "cl_1", "3", "<i>Liability</i>",
                "3. " + Attack + "\n- a line that would be a list\n# a line that would be a heading\n===\n12) numbered ![](https://evil.example/y.png)",
                0, 10, 3, "Because " + Attack, ["deviation " + Attack], 0.9)
            {
                Answer = Attack,
                Measured = "notice " + Attack,
                Definitions = [new DefinedTerm("Term " + Attack, "1.1", 0, 5, "\"Term\" means " + Attack)],
            },
        ],
        MissingProtections = [new MissingProtection("Audit Rights " + Attack, Severity.Medium, Attack, null)],
        Unverified = [new UnverifiedClaim("Category <script>x</script>", 2, Attack, "Odd <iframe src=x></iframe> reason")],
    };

    [Fact]
    public void Render_Markdown_HostileTextShowsAsWrittenAndNothingIsLive()
    {
        var markdown = ReportMarkdown.Render(Report);
        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        var document = new HtmlParser().ParseDocument(html);

        AssertNothingLive(document);
        var text = document.Body!.TextContent;
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("[click](javascript:alert(1))", text, StringComparison.Ordinal);
        Assert.Contains("![](https://evil.example/x.png)", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert('title')</script>[x](javascript:alert(3))", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var quote = Assert.Single(document.QuerySelectorAll("blockquote"));
        Assert.Empty(quote.QuerySelectorAll("ul, ol, h1, h2, strong, code"));
        Assert.Contains("- a line that would be a list", quote.TextContent, StringComparison.Ordinal);
        Assert.Contains("12) numbered", quote.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_HostileTextIsEncodedAndNothingIsLive()
    {
        var document = new HtmlParser().ParseDocument(ReportHtml.Render(Report));

        AssertNothingLive(document);
        Assert.Contains("<script>alert('title')</script>", document.Title, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", document.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Odd <iframe src=x></iframe> reason", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"Term\" means <script>alert(1)</script>", document.QuerySelector("p.definition")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Json_HostileTextRoundTripsExactly()
    {
        using var json = JsonDocument.Parse(ReportJson.Render(Report));

        var root = json.RootElement;
        Assert.Equal(Report.DocumentTitle, root.GetProperty("documentTitle").GetString());
        Assert.Equal(Report.Findings[0].Quote, root.GetProperty("findings")[0].GetProperty("quote").GetString());
        Assert.Equal(Report.Findings[0].Rationale, root.GetProperty("findings")[0].GetProperty("rationale").GetString());
        Assert.Equal(Report.Unverified[0].Reason, root.GetProperty("unverified")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void ForTerminal_ControlCharactersFromFileNameAndModel_ReplacedLineBreaksKept()
    {
        var report = Report with
        {
            DocumentTitle = "evil\u001B]0;owned\u0007",
            Findings = [Report.Findings[0] with
            {
                Rationale = "fine\u001B[2J\rerased", Quote = "line one\nline two",
                Definitions = [new DefinedTerm("Term\u001B[31m", "1.1", 0, 5, "means\u001B[2J")],
            }],
        };

        var terminal = ReportText.ForTerminal(report);
        Assert.Equal(("Term?[31m", "means?[2J"), (terminal.Findings[0].Definitions[0].Term, terminal.Findings[0].Definitions[0].Text));

        Assert.Equal("evil?]0;owned?", terminal.DocumentTitle);
        Assert.Equal("fine?[2J?erased", terminal.Findings[0].Rationale);
        Assert.Equal("line one\nline two", terminal.Findings[0].Quote);
        Assert.Equal(Report.Findings[0].Answer, terminal.Findings[0].Answer);
    }

    private static void AssertNothingLive(IDocument document)
    {
        Assert.Empty(document.QuerySelectorAll("script, iframe, img, object, embed"));
        Assert.DoesNotContain(document.QuerySelectorAll("[href], [src]"), e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src") ?? string.Empty).Contains("javascript:", StringComparison.OrdinalIgnoreCase)
            || (e.GetAttribute("href") ?? e.GetAttribute("src") ?? string.Empty).Contains("evil.example", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }
}
