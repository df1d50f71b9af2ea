using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _alice;
    private readonly CliRunner _bob;

    public CliTests()
    {
        _alice = new CliRunner(_dir.File("tandem.db"));
        _bob = new CliRunner(_dir.File("tandem.db"), "bob");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Analyze_SampleNda_TextReportSnapshot()
    {
        var (exit, output, error) = await _alice.RunAsync("analyze", RepositoryPaths.Sample("mutual-nda.txt"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Snapshot.Match("analyze-mutual-nda", output, _dir.Path);
    }

    [Theory]
    [InlineData("json", "\"findings\": [")]
    [InlineData("md", "## Missing protections")]
    [InlineData("html", "<h2>Missing protections")]
    public async Task Analyze_OtherFormats_RenderTheSameReport(string format, string marker)
    {
        var (exit, output, _) = await _alice.RunAsync("analyze", RepositoryPaths.Sample("saas-subscription-agreement.md"), "--format", format);

        Assert.Equal(0, exit);
        Assert.Contains(marker, output, StringComparison.Ordinal);
        Assert.Contains("Termination for Convenience", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_OutFile_IsWrittenWhole()
    {
        var target = _dir.File("report.html");

        var (exit, output, _) = await _alice.RunAsync("analyze", RepositoryPaths.Sample("supply-agreement.docx"), "--format", "html", "--out", target);

        Assert.Equal(0, exit);
        Assert.StartsWith("wrote ", output, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.False(File.Exists(target + ".tmp"));
    }

    [Fact]
    public async Task SyncAndSearch_Snapshot()
    {
        var kb = Path.Combine(_dir.Path, "kb");
        _dir.Write("kb/supply.txt", ContractTexts.Supply);
        _dir.Write("kb/nda.txt", ContractTexts.Nda);

        var sync = await _alice.RunAsync("sync", kb);
        var search = await _alice.RunAsync("search", "limitation of liability fees", "--limit", "3");

        Assert.Equal(0, sync.Exit);
        Assert.Equal(0, search.Exit);
        Snapshot.Match("sync-and-search", sync.Output + "\n" + search.Output, _dir.Path);
    }

    [Fact]
    public async Task SearchAndAnalyze_OtherUser_SeesNothingOfAlices()
    {
        var path = _dir.Write("supply.txt", ContractTexts.Supply);
        Assert.Equal(0, (await _alice.RunAsync("ingest", path)).Exit);
        var alices = (await _alice.RunAsync("documents")).Output;

        var search = await _bob.RunAsync("search", "liability", "--format", "json");
        var documents = await _bob.RunAsync("documents");
        // Bob's copy of the same path is his own document: alice's stays as it was.
        var analyze = await _bob.RunAsync("analyze", path, "--format", "json");

        Assert.Equal("[]", search.Output.Trim());
        Assert.Contains("0 documents", documents.Output, StringComparison.Ordinal);
        Assert.True(analyze.Exit == 0, analyze.Error);
        var aliceId = Assert.Single(alices.Split('\n'), l => l.Contains("doc_", StringComparison.Ordinal)).Trim().Split(' ')[0];
        Assert.DoesNotContain(aliceId, analyze.Output, StringComparison.Ordinal);
        Assert.Equal(alices, (await _alice.RunAsync("documents")).Output);
    }

    [Theory]
    [InlineData("hybrid")]
    [InlineData("dense")]
    [InlineData("hybrid:0.5")]
    public async Task Search_DenseModes_FindAndRespectAccess(string mode)
    {
        var supply = _dir.Write("supply.txt", ContractTexts.Supply);
        var nda = _dir.Write("nda.txt", ContractTexts.Nda);
        Assert.Equal(0, (await _alice.RunAsync("ingest", supply)).Exit);
        Assert.Equal(0, (await _bob.RunAsync("ingest", nda)).Exit);

        var alice = await _alice.RunAsync("search", "limitation of liability", "--mode", mode, "--format", "json");
        var bob = await _bob.RunAsync("search", "limitation of liability", "--mode", mode, "--format", "json");

        Assert.Equal(0, alice.Exit);
        Assert.Contains("Birch", alice.Output, StringComparison.Ordinal);
        Assert.Equal(0, bob.Exit);
        Assert.DoesNotContain("Birch", bob.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Alder", bob.Output, StringComparison.Ordinal);
        Assert.Contains("\"clauseId\"", bob.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_GroupAccess_LetsGroupMembersSearch()
    {
        var path = _dir.Write("supply.txt", ContractTexts.Supply);
        Assert.Equal(0, (await _alice.RunAsync("ingest", path, "--acl", "group:legal")).Exit);

        var member = await _bob.RunAsync("search", "liability", "--groups", "legal");
        var outsider = await _bob.RunAsync("search", "liability");

        Assert.Contains("1 passages", member.Output, StringComparison.Ordinal);
        Assert.Contains("0 passages", outsider.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameFileTwiceThenChanged_ReportsOutcomes()
    {
        var path = _dir.Write("nda.txt", ContractTexts.Nda);

        var first = await _alice.RunAsync("ingest", path);
        var second = await _alice.RunAsync("ingest", path);
        File.AppendAllText(path, "\n\n4. Notices. Notices are given in writing.");
        var third = await _alice.RunAsync("ingest", path);

        Assert.StartsWith("created", first.Output, StringComparison.Ordinal);
        Assert.StartsWith("unchanged", second.Output, StringComparison.Ordinal);
        Assert.StartsWith("new version", third.Output, StringComparison.Ordinal);
        Assert.Contains(" v2 ", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clauses_ShowsPathsSnapshot()
    {
        var path = _dir.Write("supply.txt", ContractTexts.Supply);

        var (exit, output, _) = await _alice.RunAsync("clauses", path);

        Assert.Equal(0, exit);
        Snapshot.Match("clauses-supply", output, _dir.Path);
    }

    [Fact]
    public async Task Help_ListsCommands()
    {
        var (exit, output, _) = await _alice.RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "ingest", "sync", "search", "analyze", "clauses", "documents", "train" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }
}
