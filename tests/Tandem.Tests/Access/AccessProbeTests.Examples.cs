using System.Text.Json;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Access;

/// <summary>Probes of who puts what into training data: reviewing examples, and importing them.</summary>
public sealed partial class AccessProbeTests
{
    [Theory]
    [InlineData("bob", "legal", "alice's", false)] // a reader is not a reviewer
    [InlineData("bob", "legal", "bob's", false)] // nor of his own correction of her report
    [InlineData("bob", "legal,reviewer", "bob's", false)] // a reviewer does not review his own correction
    [InlineData("bob", "legal,reviewer", "alice's", true)]
    [InlineData("alice", "", "bob's", true)] // the document's owner reviews what others corrected on it
    [InlineData("dana", "admin", "bob's", true)]
    public async Task AnyUser_ReviewingACorrection_OnlyTheOwnerAnAdminOrAnotherReviewer(string user, string groups, string whose, bool allowed)
    {
        var scenario = await AlicesPrivateContractAsync();
        var bobs = await _bob.RunAsync("correct", scenario.ReportId, "--finding", "1", "--rationale", "Bob thinks this cap is fine", "--groups", "legal");
        Assert.True(bobs.Exit == 0, bobs.Error);
        var id = whose == "bob's" ? ExampleId().Match(bobs.Output).Value : scenario.Pending;
        var cli = new CliRunner(_bob.DatabasePath, user);
        string[] As(params string[] args) => groups.Length == 0 ? args : [.. args, "--groups", groups];
        var before = await StoreDump.DumpAllAsync(_bob.DatabasePath);

        var accept = await cli.RunAsync(As("examples", "review", id, "--accept"));
        var reject = await cli.RunAsync(As("examples", "review", "--report", scenario.ReportId, "--reject"));

        if (allowed)
        {
            Assert.True(accept.Exit == 0, accept.Error);
            Assert.True((await new SqliteExampleStore(_bob.DatabasePath).ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(e => e.Id == id).Reviewed);
            return;
        }

        Assert.Equal((1, 1), (accept.Exit, reject.Exit));
        Assert.StartsWith($"error: you ({user}) may not review {id}", accept.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was reviewed", reject.Error, StringComparison.Ordinal);
        Assert.Equal(before, await StoreDump.DumpAllAsync(_bob.DatabasePath));
    }

    [Fact]
    public async Task Outsider_ImportingCuratedExamplesForLegal_StoredAsPendingImports_NothingTrainsUnreviewed()
    {
        await AlicesPrivateContractAsync();
        var poison = _dir.Write("poison.jsonl", JsonSerializer.Serialize(new
        {
            category = "Cap on Liability", input = "Carol poison: liability is unlimited for the customer only.", provenance = "curated", access = new[] { "group:legal" },
        }) + "\n");

        var import = await _carol.RunAsync("examples", "import", poison);
        _dir.Write("cuad/contracts/A.txt", "Agreement A. Governed by Delaware law.");
        _dir.Write("cuad/master_clauses.csv", "Filename,Governing Law\nA.pdf,\"['Governed by Delaware law.']\"\n");
        var cuad = await _carol.RunAsync("examples", "import", "--cuad", _dir.File("cuad"));

        Assert.True(import.Exit == 0, import.Error);
        Assert.Contains("1 curated examples stored as pending imports", import.Output, StringComparison.Ordinal);
        var stored = (await new SqliteExampleStore(_carol.DatabasePath).ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(e => e.Author == "carol");
        Assert.Equal(("imported", false), (stored.Provenance, stored.Reviewed));
        Assert.Equal(["group:legal", "user:carol"], stored.Access);
        Assert.Equal(1, cuad.Exit);
        Assert.StartsWith("error: you (carol) may not import CUAD gold clauses", cuad.Error, StringComparison.Ordinal);
        var legal = await _bob.RunAsync("dataset", "build", "--out", _dir.File("legal"), "--audience", "group:legal", "--groups", "legal");
        var written = Directory.Exists(_dir.File("legal")) ? Directory.GetFiles(_dir.File("legal")).Select(File.ReadAllText) : [];
        Assert.DoesNotContain("Carol poison", legal.Output + string.Concat(written), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outsider_ImportNamingAlicesHiddenDocumentAsItsSource_NeitherFollowsHerListNorRevealsIt()
    {
        var scenario = await AlicesPrivateContractAsync();
        // Document ids are predictable from the owner and the path: Carol can name Alice's without reading it.
        var guessed = Tandem.Store.SqliteDocumentStore.DocumentIdFor(scenario.Path, "alice");
        var claim = _dir.Write("claim.jsonl", JsonSerializer.Serialize(new
        {
            category = "Governing Law", input = "Carol's claim: governed by the laws of Atlantis.", provenance = "imported", sources = new[] { guessed },
        }) + "\n");
        Assert.Equal(0, (await _carol.RunAsync("examples", "import", claim)).Exit);
        var before = (await _carol.RunAsync("examples", "list", "--format", "json")).Output;

        Assert.Equal(0, (await _alice.RunAsync("ingest", scenario.Path, "--acl", "")).Exit); // Alice narrows her list

        Assert.Contains("Atlantis", before, StringComparison.Ordinal);
        Assert.Equal(before, (await _carol.RunAsync("examples", "list", "--format", "json")).Output);
        Assert.DoesNotContain("Atlantis", (await _bob.RunAsync("examples", "list", "--format", "json", "--groups", "legal")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outsider_ImportingExamplesWithoutAList_TheyAreHersAlone_PublicIsForAdmins()
    {
        var line = JsonSerializer.Serialize(new { category = "Governing Law", input = "Carol's own clause: governed by the laws of Ruritania.", provenance = "imported" }) + "\n";
        var mine = _dir.Write("mine.jsonl", line);
        var everyone = _dir.Write("everyone.jsonl", line.Replace("}", ",\"access\":[\"public\"]}", StringComparison.Ordinal));

        var import = await _carol.RunAsync("examples", "import", mine);
        var published = await _carol.RunAsync("examples", "import", everyone);

        Assert.True(import.Exit == 0, import.Error);
        Assert.DoesNotContain("Ruritania", (await _alice.RunAsync("examples", "list", "--format", "json")).Output, StringComparison.Ordinal);
        Assert.Contains("Ruritania", (await _carol.RunAsync("examples", "list", "--format", "json")).Output, StringComparison.Ordinal);
        Assert.Equal(1, published.Exit);
        Assert.Contains("line 1: only an admin may import public examples", published.Error, StringComparison.Ordinal);
        // An admin may publish it, though Carol holds a private copy of the same text.
        var byAdmin = await _dana.RunAsync("examples", "import", everyone, "--groups", "admin");
        Assert.True(byAdmin.Exit == 0, byAdmin.Error);
        Assert.Contains("imported 1 examples", byAdmin.Output, StringComparison.Ordinal);
        Assert.Contains("Ruritania", (await _alice.RunAsync("examples", "list", "--format", "json")).Output, StringComparison.Ordinal);
    }
}
