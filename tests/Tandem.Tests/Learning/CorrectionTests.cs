using System.Text.Json;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

/// <summary>
/// <c>tandem correct</c>: reports are kept with their context; each kind of correction is checked
/// against the report, kept with the original finding, and becomes an unreviewed training example
/// carrying the document's access list; reviewing accepts it; bad corrections change nothing.
/// </summary>
public sealed class CorrectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _alice;

    public CorrectionTests() => _alice = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    private async Task<JsonElement> AnalyzeAsync()
    {
        var (exit, output, error) = await _alice.RunAsync("analyze", RepositoryPaths.Sample("saas-subscription-agreement.md"), "--format", "json", "--acl", "group:legal");
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public async Task Analyze_KeepsTheReportWithItsContext_ReadableOnlyByThoseWhoMayReadTheDocument()
    {
        var json = await AnalyzeAsync();
        var store = new SqliteReportStore(_alice.DatabasePath);
        var ct = TestContext.Current.CancellationToken;

        var report = await store.GetAsync(json.GetProperty("reportId").GetString()!, new Principal("alice"), ct);

        Assert.NotNull(report);
        Assert.Equal(json.GetProperty("findings").GetArrayLength(), report.Findings.Count);
        Assert.Equal(json.GetProperty("findings")[0].GetProperty("quote").GetString(), report.Findings[0].Quote);
        Assert.Equal("local", report.Context!.Analyzer);
        Assert.Equal(report.ClauseCount, report.Context.Clauses.Count);
        Assert.All(report.Findings, f => Assert.Contains(report.Context.Clauses, c => c.ClauseId == f.ClauseId));
        Assert.NotNull(await store.GetAsync(report.ReportId, new Principal("carol", ["legal"]), ct));
        Assert.Null(await store.GetAsync(report.ReportId, new Principal("mallory"), ct));
    }

    [Fact]
    public async Task Correct_EachKind_KeptWithOriginalAndBecomesAnUnreviewedExampleWithTheDocumentsAccess()
    {
        var json = await AnalyzeAsync();
        var id = json.GetProperty("reportId").GetString()!;
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        var capIndex = findings.FindIndex(f => f.GetProperty("category").GetString() == "Cap on Liability") + 1;
        var cap = findings[capIndex - 1];
        var words = string.Join(' ', cap.GetProperty("quote").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).Take(6));
        var ct = TestContext.Current.CancellationToken;

        var falsePositive = await _alice.RunAsync("correct", id, "--finding", "1", "--false-positive", "--note", "not this");
        var changed = await _alice.RunAsync("correct", id, "--finding", capIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), "--severity", "low", "--rationale", "Cap is below our floor.", "--quote", words);
        var again = await _alice.RunAsync("correct", id, "--finding", "1", "--false-positive", "--note", "not this");
        var missedClause = (await new SqliteReportStore(_alice.DatabasePath).GetAsync(id, new Principal("alice"), ct))!.Context!.Clauses
            .First(c => findings.All(f => f.GetProperty("clauseId").GetString() != c.ClauseId) && c.Text.Split(' ').Length > 5);
        var missed = await _alice.RunAsync("correct", id, "--missed", missedClause.Path, "--category", "audit rights");

        Assert.True(falsePositive.Exit == 0, falsePositive.Error);
        Assert.True(changed.Exit == 0, changed.Error);
        Assert.True(missed.Exit == 0, missed.Error);
        Assert.Contains("already recorded", again.Output, StringComparison.Ordinal);
        Assert.Contains("awaits review: tandem examples review ex_", falsePositive.Output, StringComparison.Ordinal);

        var corrections = await new SqliteCorrectionStore(_alice.DatabasePath).ListAsync(id, ct);
        Assert.Equal([Correction.FalsePositive, Correction.Change, Correction.Missed], corrections.Select(c => c.Correction.Kind));
        Assert.All(corrections, c => Assert.Equal("pending", c.Review));
        var change = corrections[1].Correction;
        Assert.Equal(("Cap on Liability", "Low", "Cap is below our floor."), (change.Original!.Category, change.Severity, change.Rationale));
        Assert.Contains(words, change.Quote, StringComparison.Ordinal);
        Assert.Equal(cap.GetProperty("quote").GetString(), change.ClauseText);

        var examples = await new SqliteExampleStore(_alice.DatabasePath).ListAsync(provenance: "correction", cancellationToken: ct);
        Assert.Equal(3, examples.Count);
        Assert.All(examples, e => Assert.Equal(["group:legal", "user:alice"], e.Access));
        Assert.All(examples, e => Assert.False(e.Reviewed));
        Assert.Equal(TrainingExample.NoFinding, examples.Single(e => e.Id == corrections[0].Correction.ExampleId).Category);
        Assert.Equal(("Cap on Liability", "low"), (examples.Single(e => e.Id == change.ExampleId).Category, examples.Single(e => e.Id == change.ExampleId).Severity));
        Assert.Equal(change.Quote, examples.Single(e => e.Id == change.ExampleId).Quote);
        Assert.Equal("Audit Rights", examples.Single(e => e.Id == corrections[2].Correction.ExampleId).Category);
        // The report was a review for the customer: its examples teach that side, and a changed finding keeps whom it favoured.
        Assert.All(examples, e => Assert.Equal("Customer", e.Side));
        Assert.Equal("them", examples.Single(e => e.Id == change.ExampleId).Favours);
        Assert.Null(examples.Single(e => e.Id == corrections[2].Correction.ExampleId).Favours);

        Assert.Equal(0, (await _alice.RunAsync("examples", "review", change.ExampleId, "--accept")).Exit);
        Assert.Equal(0, (await _alice.RunAsync("examples", "review", corrections[0].Correction.ExampleId, "--reject")).Exit);
        var list = await _alice.RunAsync("correct", id, "--list");
        var withClauses = await _alice.RunAsync("correct", id, "--list", "--clauses");
        var covered = (await new SqliteReportStore(_alice.DatabasePath).GetAsync(id, new Principal("alice"), ct))!.Context!.Clauses.Count;
        Assert.DoesNotContain("Heading", list.Output, StringComparison.Ordinal);
        Assert.Contains("Heading", withClauses.Output, StringComparison.Ordinal);
        Assert.True(withClauses.Output.Split('\n').Length >= list.Output.Split('\n').Length + covered, "every covered clause is listed");
        Assert.Contains($"{change.Id} [accepted by alice]", list.Output, StringComparison.Ordinal);
        Assert.Contains($"{corrections[0].Correction.Id} [rejected by alice]", list.Output, StringComparison.Ordinal);
        Assert.Contains($"{corrections[2].Correction.Id} [pending]", list.Output, StringComparison.Ordinal);

        // Retrieval-aware datasets draw a correction's distractors from its own contract, never the
        // clause itself nor a clause of the same category.
        var neighbours = await CorrectedReports.NeighboursAsync(new SqliteCorrectionStore(_alice.DatabasePath), new SqliteReportStore(_alice.DatabasePath), ct);
        var report = (await new SqliteReportStore(_alice.DatabasePath).GetAsync(id, new Principal("alice"), ct))!;
        var capNeighbours = neighbours[change.ExampleId];
        Assert.True(capNeighbours.Count > 10);
        Assert.DoesNotContain(capNeighbours, t => change.ClauseText.Contains(t, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings.Where(f => f.Category == "Cap on Liability"), f => capNeighbours.Any(t => f.Quote.Contains(t, StringComparison.Ordinal)));
        Assert.False(neighbours.ContainsKey(corrections[0].Correction.ExampleId)); // rejected: no example, no neighbours

        // A reviewer who may read the document (through group:legal) takes a report's pending corrections at once.
        var bob = new CliRunner(_alice.DatabasePath, "bob");
        var batch = await bob.RunAsync("examples", "review", "--report", id, "--accept", "--groups", "legal,reviewer");
        Assert.True(batch.Exit == 0, batch.Error);
        Assert.Contains("1 example accepted by bob", batch.Output, StringComparison.Ordinal);
        Assert.Equal("bob", (await new SqliteCorrectionStore(_alice.DatabasePath).ListAsync(id, ct))[2].Reviewer);
        Assert.Equal(1, (await bob.RunAsync("examples", "review", "--accept")).Exit);
    }

    [Theory]
    [InlineData("no-such-finding", "--finding", "999", "--false-positive")]
    [InlineData("quote-not-in-clause", "--finding", "1", "--quote", "words that the clause never says")]
    [InlineData("unknown-category", "--finding", "1", "--category", "Bogus Category")]
    [InlineData("bad-severity", "--finding", "1", "--severity", "dire")]
    [InlineData("nothing-to-change", "--finding", "1")]
    [InlineData("false-positive-with-change", "--finding", "1", "--false-positive", "--severity", "low")]
    [InlineData("missed-without-category", "--missed", "1.1")]
    [InlineData("missed-unknown-clause", "--missed", "99.99", "--category", "Audit Rights")]
    public async Task Correct_BadRequest_ClearErrorAndNothingKept(string why, params string[] args)
    {
        var id = (await AnalyzeAsync()).GetProperty("reportId").GetString()!;

        var (exit, output, error) = await _alice.RunAsync(["correct", id, .. args]);

        Assert.True(exit == 1, why + ": " + output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(await new SqliteCorrectionStore(_alice.DatabasePath).ListAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Correct_SameAsTheReport_NothingToCorrect()
    {
        var json = await AnalyzeAsync();
        var first = json.GetProperty("findings")[0];

        var (exit, _, error) = await _alice.RunAsync("correct", json.GetProperty("reportId").GetString()!, "--finding", "1",
            "--category", first.GetProperty("category").GetString()!, "--severity", first.GetProperty("severity").GetString()!);

        Assert.Equal(1, exit);
        Assert.Contains("finding 1 already says that", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_SomeoneWhoMayNotReadTheDocument_ReportNotFound()
    {
        var id = (await AnalyzeAsync()).GetProperty("reportId").GetString()!;

        var (exit, _, error) = await new CliRunner(_alice.DatabasePath, "mallory").RunAsync("correct", id, "--finding", "1", "--false-positive");
        var (unknownExit, _, unknown) = await _alice.RunAsync("correct", "rpt_0000", "--finding", "1", "--false-positive");

        Assert.Equal((1, 1), (exit, unknownExit));
        Assert.Contains("does not exist or you (mallory) may not read its document", error, StringComparison.Ordinal);
        Assert.Contains("report rpt_0000 does not exist", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelAsync_AcceptedCorrectionsOnly_ReportsThatHidFindingsLeftOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var full = (await AnalyzeAsync()).GetProperty("reportId").GetString()!;
        var (exit, output, _) = await _alice.RunAsync("analyze", RepositoryPaths.Sample("mutual-nda.txt"), "--format", "json", "--no-info");
        Assert.Equal(0, exit);
        var partial = JsonDocument.Parse(output).RootElement.GetProperty("reportId").GetString()!;
        Assert.Equal(0, (await _alice.RunAsync("correct", full, "--finding", "1", "--false-positive")).Exit);
        Assert.Equal(0, (await _alice.RunAsync("correct", full, "--finding", "2", "--false-positive")).Exit);
        Assert.Equal(0, (await _alice.RunAsync("correct", partial, "--finding", "1", "--false-positive")).Exit);
        var corrections = new SqliteCorrectionStore(_alice.DatabasePath);
        var examples = new SqliteExampleStore(_alice.DatabasePath);
        var all = await corrections.ListAsync(cancellationToken: ct);
        await examples.ReviewAsync(all[0].Correction.ExampleId, accept: true, "bob", ct);
        await examples.ReviewAsync(all[2].Correction.ExampleId, accept: true, "bob", ct);

        var labelling = await CorrectedReports.LabelAsync(corrections, new SqliteReportStore(_alice.DatabasePath), examples, Tandem.Access.AccessPolicy.Default, ["user:alice"], _ => false, ct);

        Assert.Equal((1, 1), (labelling.Reports, labelling.Corrections));
        Assert.Equal(partial, Assert.Single(labelling.Excluded).Id);
        Assert.Contains("--no-info", labelling.Excluded[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["saas-subscription-agreement"], labelling.Contracts);
        Assert.True(labelling.Clauses.Count > 20);
    }

    [Fact]
    public void Label_ReportFindingsWithCorrectionsApplied()
    {
        ContextClause Clause(string id, string path, int start, string text) => new(id, path, null, ClauseKind.Section, start, start + text.Length, text);
        var clauses = new[]
        {
            Clause("c1", "1", 0, "The laws of Texas govern this Agreement."),
            Clause("c2", "2", 50, "Liability is capped at fees paid in twelve months."),
            Clause("c3", "3", 120, "Neither party may assign this Agreement."),
            Clause("c4", "3#2", 170, "Any attempted assignment is void."),
        };
        Finding Found(string category, ContextClause c) => new(category, Severity.Low, c.ClauseId, c.Path, null, c.Text, c.Start, c.End, 1, null, [], 0.9);
        var report = new RiskReport
        {
            ReportId = "rpt_x", DocumentId = "doc", DocumentTitle = "t", Source = "/x/Contract 01.txt", Version = 1, ContentHash = "h", Playbook = "p", Model = "m",
            CreatedAt = DateTimeOffset.UnixEpoch, ClauseCount = 4, MissingProtections = [],
            Findings = [Found("Governing Law", clauses[0]), Found("Exclusivity", clauses[1]), Found("Cap on Liability", clauses[2])],
            Context = new ReportContext("local", clauses, clauses.Select(c => c.ClauseId).ToList()),
        };
        Correction Fix(string kind, int? finding, string? category, string clausePath = "", string? quote = null) =>
            new("cor", "rpt_x", "doc", 1, finding, kind, "", clausePath, "", finding is { } n ? report.Findings[n - 1] : null, category, null, null, quote, null, "alice", DateTimeOffset.UnixEpoch, "ex");

        var rows = CorrectedReports.Label(report, [
            Fix(Correction.FalsePositive, 2, null),
            Fix(Correction.Change, 3, "Anti-Assignment"),
            Fix(Correction.Missed, null, "Cap on Liability", "2"),
            Fix(Correction.Missed, null, "Covenant Not to Sue", "3", quote: "attempted assignment is void"),
        ], "Contract 01");

        string[] Labels(int i) => ClauseCategories.All.Where((_, k) => rows[i].Labels[k]).ToArray();
        Assert.Equal(["Governing Law"], Labels(0));
        Assert.Equal(["Cap on Liability"], Labels(1));
        Assert.Equal(["Anti-Assignment"], Labels(2));
        Assert.Equal(["Covenant Not to Sue"], Labels(3));
        Assert.All(rows, r => Assert.Equal("Contract 01", r.Contract));
    }
}
