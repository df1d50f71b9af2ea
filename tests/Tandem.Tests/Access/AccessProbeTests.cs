using System.Text.Json;
using System.Text.RegularExpressions;
using Tandem.Tests.Support;

namespace Tandem.Tests.Access;

/// <summary>
/// The knowledge base probed as an attacker would, through the real command line. Alice owns a
/// private contract shared with group:legal, analysed, with one accepted and one pending
/// correction. Bob reads it through the group, Carol is an outsider, Dana is an admin. Carol's
/// output must name nothing of Alice's (text, title, ids, access tokens), her probes of Alice's
/// ids must read exactly like probes of ids that do not exist, and no refused write may change
/// a byte of the store.
/// </summary>
public sealed partial class AccessProbeTests : IDisposable
{
    private const string Marker = "Quillon Vexmark";
    private const string FakeReport = "rpt_0123456789abcdef";
    private const string FakeExample = "ex_0123456789abcdef";
    private const string FakeDocument = "doc_0123456789abcdef";

    private readonly TempDirectory _dir = new();
    private readonly CliRunner _alice;
    private readonly CliRunner _bob;
    private readonly CliRunner _carol;
    private readonly CliRunner _dana;

    public AccessProbeTests()
    {
        var db = _dir.File("tandem.db");
        _alice = new CliRunner(db);
        _bob = new CliRunner(db, "bob");
        _carol = new CliRunner(db, "carol");
        _dana = new CliRunner(db, "dana");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>What the store holds of Alice's, and the strings that must never reach Carol.</summary>
    private sealed record Scenario(string Path, string DocumentId, string ReportId, string Accepted, string Pending, IReadOnlyList<string> CorrectedTexts)
    {
        public string[] Secrets => [Marker, "Quillon", "Vexmark", "vexmark", DocumentId, ReportId, Accepted, Pending, "group:legal", "user:alice", .. CorrectedTexts];
    }

    private async Task<Scenario> AlicesPrivateContractAsync()
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.Sample("saas-subscription-agreement.md"), TestContext.Current.CancellationToken);
        var path = _dir.Write("private/vexmark-saas.md", text + $"\n\n## 30. Escrow\n\n{Marker} LLC holds the source code escrow for the Customer.\n");
        var analyze = await _alice.RunAsync("analyze", path, "--format", "json", "--acl", "group:legal");
        Assert.True(analyze.Exit == 0, analyze.Error);
        var report = JsonDocument.Parse(analyze.Output).RootElement;
        var reportId = report.GetProperty("reportId").GetString()!;
        var documentId = report.GetProperty("documentId").GetString()!;
        var first = await _alice.RunAsync("correct", reportId, "--finding", "1", "--false-positive");
        var second = await _alice.RunAsync("correct", reportId, "--finding", "2", "--false-positive");
        Assert.True(first.Exit == 0 && second.Exit == 0, first.Error + second.Error);
        string ExampleOf(string output) => ExampleId().Match(output).Value;
        var accepted = ExampleOf(first.Output);
        Assert.Equal(0, (await _alice.RunAsync("examples", "review", accepted, "--accept")).Exit);
        // A plain run of words from each corrected clause: its text must not reach anyone who may not read it.
        var texts = (await new Tandem.Learning.SqliteExampleStore(_alice.DatabasePath).ListAsync(cancellationToken: TestContext.Current.CancellationToken))
            .Select(e => Words().Match(e.Input).Value.Trim()[..25]).ToList();
        return new Scenario(path, documentId, reportId, accepted, ExampleOf(second.Output), texts);
    }

    private HashSet<string> Files() =>
        Directory.GetFiles(_dir.Path, "*.jsonl", SearchOption.AllDirectories).Select(f => f + "\n" + File.ReadAllText(f)).ToHashSet(StringComparer.Ordinal);

    private static List<string> Leaks(Scenario scenario, string[] args, params string[] outputs) =>
        scenario.Secrets.Where(s => !args.Any(a => a.Contains(s, StringComparison.Ordinal)) && outputs.Any(o => o.Contains(s, StringComparison.Ordinal))).ToList();

    [Fact]
    public async Task Outsider_EveryReadingSurface_NamesNothingOfAlicesAndWritesNothing()
    {
        var scenario = await AlicesPrivateContractAsync();
        var exported = _dir.File("carol-export.jsonl");
        string[][] probes =
        [
            ["search", "Vexmark escrow source code", "--format", "json"],
            ["search", "Vexmark escrow source code"],
            ["search", "escrow", "--mode", "hybrid", "--format", "json"],
            ["documents", "--all"],
            ["examples", "list", "--format", "json"],
            ["examples", "list"],
            ["examples", "list", "--provenance", "correction", "--format", "json"],
            ["examples", "export", exported],
            ["dataset", "build", "--out", _dir.File("carol-public")],
            ["dataset", "build", "--out", _dir.File("carol-own"), "--audience", "carol"],
            ["dataset", "build", "--out", _dir.File("carol-alice"), "--audience", "user:alice"],
            ["dataset", "build", "--out", _dir.File("carol-legal"), "--audience", "group:legal"],
            ["retrain", "local", "--data", _dir.File("no-such-cuad"), "--audience", "user:alice"],
            ["retrain", "local", "--data", _dir.File("no-such-cuad"), "--audience", "group:legal"],
            ["retrain", "provider", "--model", "none", "--out", _dir.File("carol-provider"), "--audience", "group:legal"],
        ];
        var leaks = new List<string>();
        var writes = new List<string>();

        foreach (var args in probes)
        {
            var before = await StoreDump.DumpAllAsync(_carol.DatabasePath);
            var filesBefore = Files();
            var (_, output, error) = await _carol.RunAsync(args);
            var files = Files().Except(filesBefore).ToArray(); // what this probe wrote
            if (Leaks(scenario, args, [output, error, .. files]) is { Count: > 0 } found)
            {
                leaks.Add($"{string.Join(' ', args)}: {string.Join(", ", found)}");
            }

            if (before != await StoreDump.DumpAllAsync(_carol.DatabasePath))
            {
                writes.Add(string.Join(' ', args));
            }
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} of {probes.Length} probes leak:\n{string.Join("\n", leaks)}");
        Assert.True(writes.Count == 0, $"{writes.Count} probes changed the store: {string.Join("; ", writes)}");
        Assert.False(Directory.Exists(_dir.File("carol-alice")));
        Assert.False(Directory.Exists(_dir.File("carol-legal")));
    }

    [Theory]
    [InlineData("alice", "", true)]
    [InlineData("bob", "legal", true)]
    [InlineData("carol", "", false)]
    [InlineData("carol", "sales", false)]
    [InlineData("dana", "admin", true)]
    public async Task EveryUser_EveryReadingSurface_SeesAlicesContractExactlyWhenThePolicySays(string user, string groups, bool reads)
    {
        var scenario = await AlicesPrivateContractAsync();
        var cli = new CliRunner(_carol.DatabasePath, user);
        string[] As(params string[] args) => groups.Length == 0 ? args : [.. args, "--groups", groups];
        var exported = _dir.File($"{user}.jsonl");

        var seen = new Dictionary<string, bool>
        {
            ["search"] = (await cli.RunAsync(As("search", "Vexmark escrow source code"))).Output.Contains(Marker, StringComparison.Ordinal),
            ["documents"] = (await cli.RunAsync(As("documents"))).Output.Contains(scenario.DocumentId, StringComparison.Ordinal),
            ["correct --list"] = (await cli.RunAsync(As("correct", scenario.ReportId, "--list"))).Exit == 0,
            ["examples list"] = (await cli.RunAsync(As("examples", "list", "--format", "json"))).Output.Contains(scenario.Pending, StringComparison.Ordinal),
            ["examples export"] = (await cli.RunAsync(As("examples", "export", exported))).Exit == 0 && File.ReadAllText(exported).Contains(scenario.CorrectedTexts[0], StringComparison.Ordinal),
        };

        Assert.All(seen, surface => Assert.True(surface.Value == reads, $"{user} [{groups}] on {surface.Key}: {(reads ? "should see it" : "saw it")}"));
    }

    [Theory]
    [InlineData("retrain", "local", "--data", "{nowhere}", "--audience", "user:alice")]
    [InlineData("retrain", "local", "--data", "{nowhere}", "--audience", "group:legal,user:carol")]
    [InlineData("retrain", "provider", "--model", "unconfigured", "--audience", "user:alice")]
    [InlineData("dataset", "build", "--out", "{nowhere}", "--audience", "user:alice", "--eval-data", "{nowhere}")]
    public async Task Outsider_NamingAnAudienceSheIsNotIn_RefusedBeforeAnyDataIsRead(params string[] template)
    {
        var args = template.Select(a => a.Replace("{nowhere}", _dir.File("nowhere"), StringComparison.Ordinal)).ToArray();

        var (exit, _, error) = await _carol.RunAsync(args);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: you (carol) may only name an audience you belong to", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("nowhere")));
    }

    [Theory]
    [InlineData("documents", "--history", "{doc}")]
    [InlineData("correct", "{report}", "--list")]
    [InlineData("correct", "{report}", "--list", "--clauses")]
    [InlineData("correct", "{report}", "--finding", "1", "--false-positive")]
    [InlineData("correct", "{report}", "--missed", "1", "--category", "Audit Rights")]
    [InlineData("examples", "review", "{pending}", "--accept")]
    [InlineData("examples", "review", "{accepted}", "--reject")]
    [InlineData("examples", "review", "--report", "{report}", "--accept")]
    public async Task Outsider_ProbingAlicesIds_ReadsExactlyLikeIdsThatDoNotExist_AndChangesNothing(params string[] template)
    {
        var scenario = await AlicesPrivateContractAsync();
        string[] Fill(bool real) => template.Select(a => a
            .Replace("{doc}", real ? scenario.DocumentId : FakeDocument, StringComparison.Ordinal)
            .Replace("{report}", real ? scenario.ReportId : FakeReport, StringComparison.Ordinal)
            .Replace("{pending}", real ? scenario.Pending : FakeExample, StringComparison.Ordinal)
            .Replace("{accepted}", real ? scenario.Accepted : FakeExample, StringComparison.Ordinal)).ToArray();
        string Neutral(string text) => text
            .Replace(scenario.DocumentId, "<id>", StringComparison.Ordinal).Replace(FakeDocument, "<id>", StringComparison.Ordinal)
            .Replace(scenario.ReportId, "<id>", StringComparison.Ordinal).Replace(FakeReport, "<id>", StringComparison.Ordinal)
            .Replace(scenario.Pending, "<id>", StringComparison.Ordinal).Replace(scenario.Accepted, "<id>", StringComparison.Ordinal).Replace(FakeExample, "<id>", StringComparison.Ordinal);
        var before = await StoreDump.DumpAllAsync(_carol.DatabasePath);

        var real = await _carol.RunAsync(Fill(real: true));
        var fake = await _carol.RunAsync(Fill(real: false));

        Assert.Equal(1, real.Exit);
        Assert.Equal((fake.Exit, Neutral(fake.Output), Neutral(fake.Error)), (real.Exit, Neutral(real.Output), Neutral(real.Error)));
        Assert.Empty(Leaks(scenario, Fill(real: true), real.Output, real.Error));
        Assert.Equal(before, await StoreDump.DumpAllAsync(_carol.DatabasePath));
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("analyze", "--format", "json")]
    [InlineData("ingest", "--acl", "user:carol")]
    public async Task Outsider_IngestingThePathOfAlicesHiddenDocument_AnswersAsForANewOne_AndAlicesStays(params string[] command)
    {
        var scenario = await AlicesPrivateContractAsync();
        var alices = (await _alice.RunAsync("documents")).Output + (await _alice.RunAsync("correct", scenario.ReportId, "--list")).Output;
        string[] args = [command[0], scenario.Path, .. command[1..]];

        var shared = await _carol.RunAsync(args);
        var fresh = await new CliRunner(_dir.File("fresh.db"), "carol").RunAsync(args);

        Assert.True(shared.Exit == 0, shared.Error);
        Assert.Equal(Timestamp().Replace(fresh.Output, "<time>"), Timestamp().Replace(shared.Output, "<time>"));
        Assert.Equal(fresh.Error, shared.Error);
        Assert.DoesNotContain(scenario.DocumentId, shared.Output, StringComparison.Ordinal);
        Assert.Equal(alices, (await _alice.RunAsync("documents")).Output + (await _alice.RunAsync("correct", scenario.ReportId, "--list")).Output);
    }

    [Fact]
    public async Task Reader_ChangingAlicesDocumentOrItsList_RefusedAndNothingChanges()
    {
        var scenario = await AlicesPrivateContractAsync();
        var before = await StoreDump.DumpAllAsync(_bob.DatabasePath);

        var narrowing = await _bob.RunAsync("ingest", scenario.Path, "--document", scenario.DocumentId, "--acl", "user:bob", "--groups", "legal");
        File.AppendAllText(scenario.Path, "\n\n## 31. Bob\n\nBob's own clause.\n");
        var version = await _bob.RunAsync("ingest", scenario.Path, "--document", scenario.DocumentId, "--groups", "legal");
        var history = await _bob.RunAsync("documents", "--history", scenario.DocumentId, "--groups", "legal");

        Assert.Equal((1, 1, 1), (narrowing.Exit, version.Exit, history.Exit));
        Assert.Contains("only its owner (alice) or an admin may change it", narrowing.Error, StringComparison.Ordinal);
        Assert.Contains("only its owner (alice) or an admin may change it", version.Error, StringComparison.Ordinal);
        Assert.Contains("only the owner", history.Error, StringComparison.Ordinal);
        Assert.Equal(before, await StoreDump.DumpAllAsync(_bob.DatabasePath));
        Assert.Contains(Marker, (await _alice.RunAsync("search", "Vexmark escrow")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_SyncOfASharedFolderWithoutAlicesFile_DoesNotRetireIt()
    {
        var kept = _dir.Write("shared/kept.txt", ContractTexts.Nda);
        var gone = _dir.Write("shared/gone.txt", ContractTexts.Supply);
        Assert.Equal(0, (await _alice.RunAsync("sync", _dir.File("shared"), "--acl", "group:legal")).Exit);
        File.Delete(gone);

        var sync = await _bob.RunAsync("sync", _dir.File("shared"), "--groups", "legal");

        // Bob's sync mirrors the folder into documents of his own; Alice's are not his to retire.
        Assert.True(sync.Exit == 0, sync.Error);
        Assert.Contains("1 new, 0 changed, 0 unchanged, 0 restored, 0 retired", sync.Output, StringComparison.Ordinal);
        Assert.Contains("2 documents", (await _alice.RunAsync("documents")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await _alice.RunAsync("documents", "--history", Tandem.Store.SqliteDocumentStore.DocumentIdFor(gone, "alice"))).Exit);
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public async Task Owner_NarrowingTheListOfUnchangedContent_TakesEffectEverywhere_AndIsRecorded()
    {
        var scenario = await AlicesPrivateContractAsync();
        Assert.Contains(Marker, (await _bob.RunAsync("search", "Vexmark escrow", "--groups", "legal")).Output, StringComparison.Ordinal);
        Assert.Contains(scenario.Pending, (await _bob.RunAsync("examples", "list", "--groups", "legal")).Output, StringComparison.Ordinal);

        var narrowed = await _alice.RunAsync("ingest", scenario.Path, "--acl", "");

        Assert.True(narrowed.Exit == 0, narrowed.Error);
        Assert.StartsWith("new access", narrowed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, (await _bob.RunAsync("search", "Vexmark escrow", "--groups", "legal")).Output, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Pending, (await _bob.RunAsync("examples", "list", "--groups", "legal", "--format", "json")).Output, StringComparison.Ordinal);
        Assert.Equal(1, (await _bob.RunAsync("correct", scenario.ReportId, "--list", "--groups", "legal")).Exit);
        Assert.Contains(Marker, (await _alice.RunAsync("search", "Vexmark escrow")).Output, StringComparison.Ordinal);

        var history = await _alice.RunAsync("documents", "--history", scenario.DocumentId);
        var byAdmin = await _dana.RunAsync("documents", "--history", scenario.DocumentId, "--groups", "admin");
        Assert.True(history.Exit == 0, history.Error);
        Assert.Contains("2 access changes", history.Output, StringComparison.Ordinal);
        Assert.Contains("group:legal, user:alice", history.Output, StringComparison.Ordinal);
        Assert.Contains("readable now by user:alice", history.Output, StringComparison.Ordinal);
        Assert.Equal(history.Output, byAdmin.Output);
        Assert.StartsWith("unchanged", (await _alice.RunAsync("ingest", scenario.Path, "--acl", "")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ReadsChangesAndNamesAnyAudience_OwnerKeepsAccess()
    {
        var scenario = await AlicesPrivateContractAsync();

        var search = await _dana.RunAsync("search", "Vexmark escrow", "--groups", "admin");
        var widened = await _dana.RunAsync("ingest", scenario.Path, "--document", scenario.DocumentId, "--acl", "group:partners", "--groups", "admin");
        var dataset = await _dana.RunAsync("dataset", "build", "--out", _dir.File("dana"), "--audience", "user:alice", "--groups", "admin");
        var notAdmin = await _dana.RunAsync("dataset", "build", "--out", _dir.File("dana2"), "--audience", "user:alice");

        Assert.Contains(Marker, search.Output, StringComparison.Ordinal);
        Assert.True(widened.Exit == 0, widened.Error);
        Assert.StartsWith("new access", widened.Output, StringComparison.Ordinal);
        Assert.Contains("readable now by group:partners, user:alice", (await _alice.RunAsync("documents", "--history", scenario.DocumentId)).Output, StringComparison.Ordinal);
        Assert.DoesNotContain("may only name an audience", dataset.Error, StringComparison.Ordinal);
        Assert.Contains("may only name an audience you belong to", notAdmin.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderWhoReviews_TheDocumentsCorrectionsAndExamples_AreReadableAndReviewable()
    {
        var scenario = await AlicesPrivateContractAsync();

        var list = await _bob.RunAsync("correct", scenario.ReportId, "--list", "--groups", "legal");
        var review = await _bob.RunAsync("examples", "review", "--report", scenario.ReportId, "--accept", "--groups", "legal,reviewer");
        var dataset = await _bob.RunAsync("dataset", "build", "--out", _dir.File("legal"), "--audience", "group:legal", "--groups", "legal");

        Assert.True(list.Exit == 0, list.Error);
        Assert.Contains("1 example accepted by bob", review.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("may only name an audience", dataset.Error, StringComparison.Ordinal);
        // Which of the two examples the split sends to validation depends on their ids (which hash their time), so count both.
        var built = Built().Match(dataset.Output + dataset.Error);
        Assert.True(built.Success, dataset.Output + dataset.Error);
        Assert.Equal(2, int.Parse(built.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + int.Parse(built.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"built (\d+) training and (\d+) validation")]
    private static partial Regex Built();

    [GeneratedRegex(@"[A-Za-z ]{30,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"ex_[0-9a-f]{16}")]
    private static partial Regex ExampleId();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Timestamp();
}
