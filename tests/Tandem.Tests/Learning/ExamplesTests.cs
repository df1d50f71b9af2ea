using System.Text.Json;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

public sealed class ExamplesTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public ExamplesTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    private static string Line(string category, string input, string provenance = "correction") =>
        JsonSerializer.Serialize(new { category, input, severity = "high", rationale = "r", provenance, sources = new[] { "doc_1" }, access = new[] { "group:legal" } });

    [Fact]
    public async Task Import_DuplicatesSkippedOrMarked_RoundTripsThroughExport()
    {
        var file = _dir.Write("a.jsonl", string.Join("\n",
            Line("Governing Law", "This Agreement is governed by the laws of the State of New York."),
            Line("Governing Law", "this agreement is governed by the laws of the state of new york"), // exact after normalising
            Line("Governing Law", "This Agreement is governed by the laws of the State of New York, USA."), // near
            Line("Cap on Liability", "Liability is capped at the fees paid in the prior twelve months.")) + "\n");

        var (exit, output, error) = await _cli.RunAsync("examples", "import", file);

        Assert.True(exit == 0, error);
        Assert.Contains("imported 3 examples; 1 exact duplicates skipped; 1 near duplicates marked", output, StringComparison.Ordinal);
        var examples = await new SqliteExampleStore(_cli.DatabasePath).ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(examples[0].Id, examples[1].NearDuplicateOf);
        Assert.Equal(["group:legal", "user:alice"], examples[0].Access); // the importer keeps access, as an ingesting user does
        Assert.All(examples, e => Assert.False(e.Reviewed)); // corrections wait for review

        var exported = _dir.File("out.jsonl");
        Assert.Equal(0, (await _cli.RunAsync("examples", "export", exported)).Exit);
        Assert.Equal(3, File.ReadAllLines(exported).Length);
        Assert.Contains("imported 0 examples; 3 exact duplicates skipped", (await _cli.RunAsync("examples", "import", exported)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImport_CorrectionsKeepNoFindingAndQuote_QuoteMustBeInTheInput()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqliteExampleStore(_cli.DatabasePath);
        await store.AddAsync([
            new TrainingExample("ex_a", "clause-review", "The credits are the exclusive remedy.", TrainingExample.NoFinding, "medium", "not exclusivity", "correction", ["d"], ["group:legal"], "alice", DateTimeOffset.UnixEpoch, true, null),
            new TrainingExample("ex_b", "clause-review", "Liability shall not exceed\n\nthe fees paid in three months.", "Cap on Liability", "high", "low cap", "correction", ["d"], ["group:legal"], "alice", DateTimeOffset.UnixEpoch, true, null)
            { Quote = "shall not exceed the fees paid" },
        ], ct);
        var exported = _dir.File("corrections.jsonl");
        Assert.Equal(0, (await _cli.RunAsync("examples", "export", exported, "--groups", "legal")).Exit);

        var other = new CliRunner(_dir.File("other.db"));
        var (exit, output, error) = await other.RunAsync("examples", "import", exported);

        Assert.True(exit == 0, error);
        Assert.Contains("imported 2 examples", output, StringComparison.Ordinal);
        var imported = await new SqliteExampleStore(other.DatabasePath).ListAsync(cancellationToken: ct);
        Assert.Equal(TrainingExample.NoFinding, imported[0].Category);
        Assert.Equal("shall not exceed the fees paid", imported[1].Quote);
        var bad = _dir.Write("badquote.jsonl", JsonSerializer.Serialize(new { category = "Cap on Liability", input = "Liability is capped.", quote = "uncapped forever", provenance = "correction" }) + "\n");
        var refused = await other.RunAsync("examples", "import", bad);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("line 1: the \"quote\" must occur in the \"input\"", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatasetBuild_Cli_WritesValidatesAndEstimatesTheTrainingCost()
    {
        var categories = new[] { "Governing Law", "Cap on Liability", "Anti-Assignment" };
        var lines = Enumerable.Range(0, 30).Select(i => JsonSerializer.Serialize(new
        {
            category = categories[i % 3], input = $"Clause {i} of a services agreement about {categories[i % 3]}, schedule item {i * 11}.", provenance = "curated", access = new[] { "public" },
        }));
        // Curated public examples: only an admin imports them as such.
        Assert.Equal(0, (await _cli.RunAsync("examples", "import", _dir.Write("curated.jsonl", string.Join("\n", lines)), "--groups", "admin")).Exit);

        var (exit, output, error) = await _cli.RunAsync("dataset", "build", "--out", _dir.File("ds"), "--retrieval-aware", "--epochs", "2", "--base-model", "gpt-4.1-mini");

        Assert.True(exit == 0, error + output);
        Assert.Matches(@"wrote \d+ training and \d+ validation examples", output);
        Assert.Matches(@"training cost estimate: [\d,]+ tokens × 2 epochs × \$[\d.]+/M = \$\d+\.\d\d \(gpt-4.1-mini, price book ", output);
        Assert.True(File.Exists(_dir.File("ds/train.jsonl")));
        var unknown = await _cli.RunAsync("dataset", "build", "--out", _dir.File("ds2"), "--base-model", "no-such-model");
        Assert.Contains("training cost estimate: unknown (no-such-model has no training price in the price book)", unknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatasetBuild_OutIsAnExistingFile_OneLineUserErrorAndTheFileUntouched()
    {
        var file = _dir.Write("taken.txt", "keep me");

        var (exit, _, error) = await _cli.RunAsync("dataset", "build", "--out", file);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("is a file, not a folder; give --out a folder", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public async Task DatasetBuild_FailsValidation_ExitsOneAndWritesNothing()
    {
        Assert.Equal(0, (await _cli.RunAsync("examples", "import", _dir.Write("few.jsonl", JsonSerializer.Serialize(new { category = "Governing Law", input = "Governed by Delaware law.", provenance = "curated" }) + "\n"))).Exit);

        var (exit, output, error) = await _cli.RunAsync("dataset", "build", "--out", _dir.File("ds"));

        Assert.Equal(1, exit);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.Contains("nothing written to", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("ds")));
    }

    [Fact]
    public async Task Import_TextOfAnExampleTheImporterMayNotRead_CountsAsNewAndStaysSeparate()
    {
        var secret = "Alice's private clause: the fee is capped at forty thousand dollars.";
        Assert.Equal(0, (await _cli.RunAsync("examples", "import", _dir.Write("alice.jsonl", JsonSerializer.Serialize(new { category = "Cap on Liability", input = secret, provenance = "correction", access = new[] { "user:alice" } }) + "\n"))).Exit);
        var carol = new CliRunner(_cli.DatabasePath, "carol");
        var guess = _dir.Write("guess.jsonl", string.Join("\n",
            JsonSerializer.Serialize(new { category = "Cap on Liability", input = secret, provenance = "imported" }),
            JsonSerializer.Serialize(new { category = "Cap on Liability", input = secret + " Really.", provenance = "imported" })) + "\n");

        var (exit, output, error) = await carol.RunAsync("examples", "import", guess);

        Assert.True(exit == 0, error);
        Assert.Contains("imported 2 examples; 0 exact duplicates skipped; 1 near duplicates marked", output, StringComparison.Ordinal); // the near one is carol's own first line
        var alices = await new SqliteExampleStore(_cli.DatabasePath).ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["user:alice"], alices.Single(e => e.Author == "alice").Access);
        Assert.Equal(3, alices.Count);
        Assert.DoesNotContain(alices.Single(e => e.Author == "alice").Id, (await carol.RunAsync("examples", "list", "--format", "json")).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("review", "--report", "rpt_0123456789abcdef", "--accept")]
    [InlineData("review", "ex_0123456789abcdef", "--reject")]
    public async Task Review_NoStoreYet_UnknownLikeAnyMissingId_AndNoStoreCreated(params string[] args)
    {
        var fresh = new CliRunner(_dir.File("fresh/none.db"));
        Directory.CreateDirectory(_dir.File("fresh"));
        var existing = new CliRunner(_dir.File("fresh/existing.db"));
        Assert.Equal(0, (await existing.RunAsync("examples", "import", _dir.Write("one.jsonl", Line("Governing Law", "Governed by Delaware law.") + "\n"))).Exit);

        var (exit, _, error) = await fresh.RunAsync(["examples", .. args]);

        Assert.Equal(1, exit);
        Assert.Equal((await existing.RunAsync(["examples", .. args])).Error.Replace("existing.db", "none.db", StringComparison.Ordinal), error);
        Assert.False(File.Exists(fresh.DatabasePath));
    }

    [Fact]
    public async Task Import_BadLines_NothingImportedAndEachNamed()
    {
        var file = _dir.Write("bad.jsonl", string.Join("\n", Line("Governing Law", "Fine clause."), "{oops", Line("Not A Category", "x"), Line("Governing Law", "y", provenance: "guess")) + "\n");

        var (exit, _, error) = await _cli.RunAsync("examples", "import", file);

        Assert.Equal(1, exit);
        Assert.Contains("3 bad lines, so nothing was imported: line 2: not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("line 3: needs a known \"category\"", error, StringComparison.Ordinal);
        Assert.Contains("line 4:", error, StringComparison.Ordinal);
        Assert.Empty(await new SqliteExampleStore(_cli.DatabasePath).ListAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ImportCuadThenReview_ReviewersImportCuratedAndReviewOthersImports()
    {
        _dir.Write("cuad/contracts/A.txt", "Agreement A. Governed by Delaware law.");
        _dir.Write("cuad/master_clauses.csv", "Filename,Governing Law\nA.pdf,\"['Governed by Delaware law.']\"\n");
        var refused = await _cli.RunAsync("examples", "import", "--cuad", _dir.File("cuad")); // curated public examples: admins and reviewers only
        Assert.Equal(0, (await _cli.RunAsync("examples", "import", "--cuad", _dir.File("cuad"), "--groups", "reviewer")).Exit);
        Assert.Equal(0, (await _cli.RunAsync("examples", "import", _dir.Write("c.jsonl", Line("Cap on Liability", "Capped at fees.") + "\n"))).Exit);
        var store = new SqliteExampleStore(_cli.DatabasePath);
        var all = await store.ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, refused.Exit);
        Assert.StartsWith("error: you (alice) may not import CUAD gold clauses", refused.Error, StringComparison.Ordinal);
        var curated = Assert.Single(all, e => e.Provenance == "curated");
        Assert.True(curated.Reviewed);
        Assert.Equal(["public"], curated.Access);
        Assert.Equal(["A"], curated.SourceDocuments);
        var correction = Assert.Single(all, e => e.Provenance == "correction");

        var ownImport = await _cli.RunAsync("examples", "review", correction.Id, "--accept"); // an importer is not her own reviewer
        Assert.Equal(1, ownImport.Exit);
        Assert.StartsWith($"error: you (alice) may not review {correction.Id}", ownImport.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("examples", "review", correction.Id, "--accept", "--groups", "reviewer")).Exit);
        Assert.Equal(1, (await _cli.RunAsync("examples", "review", correction.Id, "--groups", "reviewer")).Exit); // neither flag
        Assert.True((await store.ListAsync("Cap on Liability", cancellationToken: TestContext.Current.CancellationToken)).Single().Reviewed);
        Assert.Equal(0, (await _cli.RunAsync("examples", "review", curated.Id, "--reject", "--groups", "reviewer")).Exit);
        Assert.Single(await store.ListAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(1, (await _cli.RunAsync("examples", "review", "ex_missing", "--accept", "--groups", "reviewer")).Exit);
    }
}
