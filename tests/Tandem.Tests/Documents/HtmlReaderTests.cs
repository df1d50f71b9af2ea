using System.Text;
using Tandem.Documents;

namespace Tandem.Tests.Documents;

public sealed class HtmlReaderTests
{
    [Fact]
    public async Task ReadTextAsync_ScriptsStylesAndHead_AreDropped()
    {
        const string html = """
            <html><head><title>Title text</title><style>p { color: red }</style>
            <script>var secret = "tracking";</script></head>
            <body><noscript>Enable JavaScript</noscript><template><p>template</p></template>
            <p>Visible clause.</p><script>alert("x")</script></body></html>
            """;

        var text = await ReadAsync(html);

        Assert.Equal("Visible clause.", text);
    }

    [Fact]
    public async Task ReadTextAsync_Entities_AreDecoded()
    {
        var text = await ReadAsync("<p>&ldquo;Fees&rdquo; &amp; costs&nbsp;&sect;&#160;2 &#x2013; &lt;net&gt; caf&eacute;</p>");

        Assert.Equal("\u201CFees\u201D & costs \u00A7 2 \u2013 <net> caf\u00E9", text);
    }

    [Fact]
    public async Task ReadTextAsync_BlocksAndBreaks_EndLinesAndInlineWhitespaceCollapses()
    {
        const string html = """
            <h1>Services   Agreement</h1>
            <div>Between <b>Acme</b>
               and <i>Beta</i></div>
            <p>Line one<br>Line two</p>
            <section><article>Nested block</article></section>
            """;

        var text = await ReadAsync(html);

        Assert.Equal("Services Agreement\n\nBetween Acme and Beta\n\nLine one\nLine two\n\nNested block", text);
    }

    [Fact]
    public async Task ReadTextAsync_OrderedLists_NumberedHonouringStartAndType()
    {
        const string html = """
            <ol><li>First</li><li>Second<ol type="a"><li>sub one</li><li>sub two</li></ol></li></ol>
            <ol start="4"><li>Fourth</li><li value="9">Ninth</li><li>Tenth</li></ol>
            <ol type="i" start="3"><li>three</li><li>four</li></ol>
            <ul><li>bullet</li></ul>
            """;

        var text = await ReadAsync(html);

        Assert.Equal(
            "1. First\n2. Second\na. sub one\nb. sub two\n\n4. Fourth\n9. Ninth\n10. Tenth\n\niii. three\niv. four\n\nbullet",
            text);
    }

    [Fact]
    public async Task ReadTextAsync_ListItemWithParagraph_KeepsNumberOnSameLine()
    {
        var text = await ReadAsync("<ol><li><p>Term.</p></li><li><p>Fees.</p></li></ol>");

        Assert.StartsWith("1. Term.", text, StringComparison.Ordinal);
        Assert.Contains("2. Fees.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTextAsync_Table_RowPerLineCellsJoinedByBars()
    {
        const string html = """
            <p>Before</p>
            <table><thead><tr><th>Party</th><th>Role</th></tr></thead>
            <tbody><tr><td>Acme <b>Corp</b></td><td><p>Supplier</p></td></tr><tr><td></td><td></td></tr>
            <tr><td>Beta</td><td>Customer</td></tr></tbody></table>
            <p>After</p>
            """;

        var text = await ReadAsync(html);

        Assert.Equal("Before\n\nParty | Role\nAcme Corp | Supplier\nBeta | Customer\n\nAfter", text);
    }

    [Fact]
    public async Task ReadTextAsync_Pre_KeepsLineBreaks()
    {
        var text = await ReadAsync("<pre>Name:   Acme\nAddress: 1 Main St</pre><p>Next</p>");

        Assert.Equal("Name:   Acme\nAddress: 1 Main St\n\nNext", text);
    }

    [Fact]
    public async Task ReadTextAsync_HiddenElements_AreDropped()
    {
        var text = await ReadAsync("<p>Shown</p><p hidden>Hidden</p><div style=\"display: none\">Also hidden</div>");

        Assert.Equal("Shown", text);
    }

    [Fact]
    public async Task ReadTextAsync_BinaryContent_ThrowsLooksBinary()
    {
        await using var stream = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);

        var ex = await Assert.ThrowsAsync<DocumentException>(
            () => new HtmlReader().ReadTextAsync(stream, "page.html", TestContext.Current.CancellationToken));

        Assert.Contains("page.html looks like a binary file", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(string html)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(html));
        var raw = await new HtmlReader().ReadTextAsync(stream, "page.html", TestContext.Current.CancellationToken);
        return TextNormalizer.Normalize(raw);
    }
}
