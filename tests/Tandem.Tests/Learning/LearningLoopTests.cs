using System.Text;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

/// <summary>
/// The loop offline on a CUAD-like folder written here: a candidate trained on more labelled
/// contracts beats the champion on the held-out gate contracts and is promoted; a candidate
/// trained on less is refused; forcing needs a reason, which is recorded.
/// </summary>
public sealed class LearningLoopTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;
    private readonly CliRunner _admin; // promotes, forces, registers and scores models
    private readonly string _data;

    public LearningLoopTests()
    {
        _cli = new CliRunner(_dir.File("tandem.db"));
        _admin = new CliRunner(_dir.File("tandem.db"), "alice", "admin");
        DataFolders.WriteCuadLike(_dir.File("cuad"));
        _data = _dir.File("cuad");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Loop_MoreDataPromoted_WorseRefused_ForceRecorded()
    {
        var models = _dir.File("registry");
        var small = await RetrainAsync("--contracts", "2");
        Assert.Equal(0, (await _admin.RunAsync(ReplaceShipped(small.Id))).Exit); // the shipped champion was never scored on this data

        var full = await RetrainAsync();
        var promote = await _admin.RunAsync("models", "promote", full.Id);
        Assert.True(promote.Exit == 0, promote.Output + promote.Error);
        Assert.True(full.Scores!.Aupr > small.Scores!.Aupr, $"{full.Scores.Aupr} vs {small.Scores.Aupr}");
        Assert.Equal(small.Id, full.Parent);

        var worse = await RetrainAsync("--contracts", "1");
        var refused = await _admin.RunAsync("models", "promote", worse.Id);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("the gate refused", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Champion, (await Registry().GetAsync(full.Id, TestContext.Current.CancellationToken))!.Status);

        Assert.Equal(1, (await _admin.RunAsync("models", "promote", worse.Id, "--force")).Exit); // no reason
        Assert.Equal(0, (await _admin.RunAsync("models", "promote", worse.Id, "--force", "--reason", "rollback drill")).Exit);
        var all = await Registry().ListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("forced past the gate: rollback drill", all.Single(m => m.Id == worse.Id).Note);
        Assert.Equal(ModelStatus.Retired, all.Single(m => m.Id == full.Id).Status);
        Assert.Single(all, m => m.Status == ModelStatus.Champion);

        // A cron run right after: nothing is due, and the decision is kept.
        var cron = await _cli.RunAsync("retrain", "local", "--data", _data, "--models-dir", models, "--if-due");
        Assert.Equal(0, cron.Exit);
        Assert.StartsWith("not due: the newest model", cron.Output, StringComparison.Ordinal);
        Assert.False(Assert.Single(await Registry().ListDecisionsAsync(TestContext.Current.CancellationToken)).Due);
        Assert.Equal(4, (await Registry().ListAsync(TestContext.Current.CancellationToken)).Count); // with the retired shipped model

        // Scripts read the registry and the decisions as JSON.
        var listed = System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("models", "registry", "--format", "json")).Output).RootElement;
        Assert.Equal(4, listed.GetArrayLength());
        Assert.Equal(worse.Id, listed.EnumerateArray().Single(m => m.GetProperty("status").GetString() == "champion").GetProperty("id").GetString());
        var decision = System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("models", "registry", "--decisions", "--format", "json")).Output).RootElement;
        Assert.False(decision.GetProperty("due").GetBoolean());
        Assert.Contains("not due", (await _cli.RunAsync("models", "registry", "--decisions")).Output, StringComparison.Ordinal);

        Task<RegisteredModel> RetrainAsync(params string[] extra) => LearningLoopTests.RetrainAsync(_cli, _data, models, extra);
    }

    [Fact]
    public async Task Loop_CorrectionsDrawnFromGold_RetrainedCandidatePromoted_CuratedOnlyRefused()
    {
        var models = _dir.File("registry");
        var ct = TestContext.Current.CancellationToken;
        var champion = await RetrainAsync(_cli, _data, models, "--contracts", "2");
        Assert.Equal(0, (await _admin.RunAsync(ReplaceShipped(champion.Id))).Exit);

        // The champion reviews the other non-held-out contracts; a stand-in lawyer corrects the
        // reports from the gold labels through 'tandem correct'; a reviewer accepts them.
        var corrected = await _cli.RunAsync("eval", "corrections", "--data", _data, "--skip", "2", "--accept", "--acl", "group:legal");
        Assert.True(corrected.Exit == 0, corrected.Error);
        Assert.Matches(@"reviewed \d+ contracts", corrected.Output);
        var corrections = await new SqliteCorrectionStore(_cli.DatabasePath).ListAsync(cancellationToken: ct);
        Assert.NotEmpty(corrections);
        Assert.All(corrections, c => Assert.True(c.Accepted));
        var reports = new Tandem.Analysis.SqliteReportStore(_cli.DatabasePath);
        var sources = (await reports.GetForTrainingAsync(corrections.Select(c => c.Correction.ReportId).ToList(), ct)).Select(r => Path.GetFileNameWithoutExtension(r.Source)).ToList();
        Assert.DoesNotContain(sources, LocalRetrainer.IsGateContract);
        Assert.Contains(corrections, c => c.Correction.Kind == Correction.Missed);

        var retrained = await RetrainAsync(_cli, _data, models, "--contracts", "2");
        Assert.Contains("corrected reports", retrained.Note, StringComparison.Ordinal);
        Assert.True(retrained.Scores!.Aupr > champion.Scores!.Aupr + 0.01, $"{retrained.Scores.Aupr} vs {champion.Scores.Aupr}");
        var promote = await _admin.RunAsync("models", "promote", retrained.Id);
        Assert.True(promote.Exit == 0, promote.Output + promote.Error);

        // Without the corrections the same curated data cannot pass the new champion.
        var curatedOnly = await RetrainAsync(_cli, _data, models, "--contracts", "2", "--no-corrections");
        Assert.Equal(1, (await _admin.RunAsync("models", "promote", curatedOnly.Id)).Exit);

        // An audience that may not read the corrected documents gets none of them (alice may name it: she is in sales).
        var guarded = await _cli.RunAsync("retrain", "local", "--data", _data, "--models-dir", models, "--contracts", "2", "--audience", "group:sales", "--groups", "sales");
        Assert.True(guarded.Exit == 0, guarded.Error);
        Assert.Contains("0 accepted corrections on 0 reports", guarded.Output, StringComparison.Ordinal);
        Assert.Contains("the audience may not read it", guarded.Output, StringComparison.Ordinal);

        // Enough accepted corrections since the newest model make a retrain due.
        var cron = await _cli.RunAsync("retrain", "local", "--data", _data, "--models-dir", models, "--if-due", "--after-corrections", "1", "--no-corrections");
        Assert.Contains("not due", cron.Output, StringComparison.Ordinal); // every correction predates the newest model
    }

    [Fact]
    public async Task Promote_FreshStore_TheShippedChampionStaysUntilReplaced_AnalyzeReviewsWithTheChampion()
    {
        var ct = TestContext.Current.CancellationToken;
        var shipped = SqliteModelRegistry.ShippedModelId(Tandem.Analysis.LocalAnalyst.DefaultPath());
        var candidate = await RetrainAsync(_cli, _data, _dir.File("registry"), "--contracts", "1");
        Assert.Equal(shipped, candidate.Parent);

        // The shipped model's gate scores are on CUAD's gate set, not this data's: no comparison, no promotion.
        var refused = await _admin.RunAsync("models", "promote", candidate.Id);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("scored on different held-out sets", refused.Output, StringComparison.Ordinal);
        Assert.Contains($"the gate refused {candidate.Id}; {shipped} stays champion", refused.Error, StringComparison.Ordinal);
        Assert.Contains("would be in-sample", (await _admin.RunAsync("models", "evaluate", shipped, "--data", _data)).Error, StringComparison.Ordinal);

        // 'analyze' reviews with the champion and names it; another model gives another report, and the first stays.
        var sample = RepositoryPaths.Sample("mutual-nda.txt");
        var before = System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("analyze", sample, "--format", "json")).Output).RootElement;
        Assert.StartsWith($"local analyst {shipped} (sha256 ", before.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await _admin.RunAsync(ReplaceShipped(candidate.Id))).Exit);
        var after = System.Text.Json.JsonDocument.Parse((await _cli.RunAsync("analyze", sample, "--format", "json")).Output).RootElement;
        Assert.StartsWith($"local analyst {candidate.Id} (sha256 ", after.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(before.GetProperty("reportId").GetString(), after.GetProperty("reportId").GetString());
        var reports = new Tandem.Analysis.SqliteReportStore(_cli.DatabasePath);
        Assert.NotNull(await reports.GetAsync(before.GetProperty("reportId").GetString()!, new Tandem.Access.Principal("alice"), ct));
    }

    [Fact]
    public async Task Registry_FreshStore_ShippedModelIsChampionWithItsRecordedScores_WeakerCandidateRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var strong = await RetrainAsync(_cli, _data, _dir.File("registry"));
        var weak = await RetrainAsync(_cli, _data, _dir.File("registry"), "--contracts", "1");
        // A shipped model like the real one: its manifest records its recipe's gate scores.
        var ml = new Microsoft.ML.MLContext(seed: 1);
        var model = Tandem.Analysis.LocalAnalystModel.Load(strong.Location);
        var shippedPath = _dir.File("program/local-analyst.zip");
        model.WithManifest(model.Manifest with { GateScores = strong.Scores }).Save(ml, shippedPath);

        var registry = new SqliteModelRegistry(_dir.File("fresh.db"), shippedPath);
        var champion = await registry.FindChampionAsync(LocalFineTuneBackend.BackendName, ct);

        Assert.Equal(SqliteModelRegistry.ShippedModelId(shippedPath), champion!.Id);
        Assert.Equal(strong.Scores!.Aupr, champion.Scores!.Aupr);
        var decision = new PromotionGate().DecideAgainst(weak.Scores!, champion);
        Assert.False(decision.Promote, string.Join("; ", decision.Reasons));
        Assert.True(new PromotionGate().DecideAgainst(weak.Scores!, null).Promote);
    }

    /// <summary>Replaces the shipped champion, which was never scored on the synthetic data, by force.</summary>
    private static string[] ReplaceShipped(string id) => ["models", "promote", id, "--force", "--reason", "the shipped model was not scored on this synthetic data"];

    private static async Task<RegisteredModel> RetrainAsync(CliRunner cli, string data, string models, params string[] extra)
    {
        var (exit, output, error) = await cli.RunAsync(["retrain", "local", "--data", data, "--models-dir", models, .. extra]);
        Assert.True(exit == 0, error);
        var id = output.Split('\n').First(l => l.StartsWith("registered candidate ", StringComparison.Ordinal)).Split(' ', 4)[2];
        await Task.Delay(1100, TestContext.Current.CancellationToken); // ids carry the second they were made
        return (await new SqliteModelRegistry(cli.DatabasePath).GetAsync(id, TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task EvalCorrections_Share_TheLawyerFixesOnlyPartOfWhatIsWrong()
    {
        var all = await _cli.RunAsync("eval", "corrections", "--data", _data, "--model-file", RepositoryPaths.Model, "--contracts", "12");
        var half = await new CliRunner(_dir.File("half.db")).RunAsync("eval", "corrections", "--data", _data, "--model-file", RepositoryPaths.Model, "--contracts", "12", "--share", "0.5");
        var none = await new CliRunner(_dir.File("none.db")).RunAsync("eval", "corrections", "--data", _data, "--model-file", RepositoryPaths.Model, "--contracts", "12", "--share", "0");
        var wrong = await _cli.RunAsync("eval", "corrections", "--data", _data, "--share", "1.5");

        Assert.True(all.Exit == 0, all.Error);
        int Count(string output) => System.Text.RegularExpressions.Regex.Matches(output, @"(\d+) (?:false positives|changes of category or quote|missed findings)").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Count(all.Output) > 4, all.Output);
        Assert.InRange(Count(half.Output), 1, Count(all.Output) - 1);
        Assert.Contains("a 0.5 share of what was wrong", half.Output, StringComparison.Ordinal);
        Assert.Equal(0, Count(none.Output));
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("--share between 0 and 1", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SelfHostedAdapter_RecordedAsUnscoredCandidate()
    {
        var (exit, output, error) = await _admin.RunAsync("models", "register", "--endpoint", "http://127.0.0.1:8000/v1", "--model", "contracts-lora-q4", "--base", "llama-3.1-8b");

        Assert.True(exit == 0, error);
        Assert.Contains("registered candidate self-hosted-", output, StringComparison.Ordinal);
        var model = Assert.Single(await Registry().ListAsync(TestContext.Current.CancellationToken), m => m.Backend == "self-hosted");
        Assert.Equal(("self-hosted", "llama-3.1-8b", ModelStatus.Candidate, "http://127.0.0.1:8000/v1 model contracts-lora-q4"), (model.Backend, model.BaseModel, model.Status, model.Location));
        Assert.Null(model.Scores);
        var promote = await _admin.RunAsync("models", "promote", model.Id);
        Assert.Equal(1, promote.Exit);
        Assert.Contains("has no held-out scores", promote.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await _admin.RunAsync("models", "register", "--endpoint", "gpu-1:8000", "--model", "x")).Exit);
    }

    [Fact]
    public async Task Evaluate_SelfHostedAdapters_ScoredOnTheGateSet_BetterPromoted_WorseRefused()
    {
        // Two adapters behind one OpenAI-compatible server: "good" finds both categories, "weak" only governing law.
        using var server = new FakeModelServer { Responder = Reviewer(goodModel: "good") };
        string Register(string adapter)
        {
            var (exit, output, error) = _admin.RunAsync("models", "register", "--endpoint", server.BaseUrl.ToString(), "--model", adapter, "--base", "llama").GetAwaiter().GetResult();
            Assert.True(exit == 0, error);
            return output.Split(' ', 4)[2].TrimEnd(';');
        }

        var weak = Register("weak");
        var evaluated = await _admin.RunAsync("models", "evaluate", weak, "--data", _data, "--contracts", "5");
        Assert.True(evaluated.Exit == 0, evaluated.Error);
        Assert.Contains("held-out AUPR", evaluated.Output, StringComparison.Ordinal);
        Assert.Equal(5, server.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
        Assert.Equal(0, (await _admin.RunAsync("models", "promote", weak)).Exit);

        await Task.Delay(1100, TestContext.Current.CancellationToken); // ids carry the second they were made
        var good = Register("good");
        Assert.Equal(0, (await _admin.RunAsync("models", "evaluate", good, "--data", _data, "--contracts", "5")).Exit);
        var promoted = await _admin.RunAsync("models", "promote", good);
        Assert.True(promoted.Exit == 0, promoted.Output + promoted.Error);

        await Task.Delay(1100, TestContext.Current.CancellationToken);
        var worse = Register("weak");
        Assert.Equal(0, (await _admin.RunAsync("models", "evaluate", worse, "--data", _data, "--contracts", "5")).Exit);
        var refused = await _admin.RunAsync("models", "promote", worse);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("pooled AUPR 40.0 vs champion 90.0", refused.Output, StringComparison.Ordinal);

        var models = await Registry().ListAsync(TestContext.Current.CancellationToken);
        Assert.True(models.Single(m => m.Id == good).Scores!.Aupr > models.Single(m => m.Id == weak).Scores!.Aupr);
        Assert.Equal(ModelStatus.Champion, models.Single(m => m.Id == good).Status);
    }

    [Fact]
    public async Task ProviderLoop_CronStartsFollowsScoresAndPromotes_FailedJobFreesThePolicy()
    {
        using var server = new FakeModelServer { Responder = Reviewer(goodModel: "ft:gpt-4.1-mini:tandem::abc123") };
        var settings = _dir.Write("appsettings.json", $$"""
            { "Tandem": { "Models": { "base": { "Provider": "openai-compatible", "Model": "gpt-4.1-mini", "BaseUrl": "{{server.BaseUrl}}", "MaxRetries": 0 } } } }
            """);
        var categories = new[] { "Governing Law", "Cap on Liability", "Anti-Assignment" };
        var lines = Enumerable.Range(0, 24).Select(i => System.Text.Json.JsonSerializer.Serialize(new
        {
            category = categories[i % 3], input = $"Clause {i} of a supply agreement about {categories[i % 3]}, item {i * 7}.", provenance = "curated", access = new[] { "public" },
        }));
        Assert.Equal(0, (await _admin.RunAsync("examples", "import", _dir.Write("examples.jsonl", string.Join("\n", lines)))).Exit); // curated public examples: an admin's
        string[] Cron() => ["finetune", "status", "--pending", "--model", "base", "--settings", settings, "--evaluate", _data, "--contracts", "5", "--promote"];

        // Day 1: due, a job starts. The daily follow-up polls it until it succeeds, then scores and promotes the model.
        var started = await _cli.RunAsync("retrain", "provider", "--model", "base", "--settings", settings, "--out", _dir.File("ds1"), "--if-due");
        Assert.True(started.Exit == 0, started.Error);
        var follow = string.Empty;
        for (var i = 0; i < 3; i++)
        {
            var run = await _admin.RunAsync(Cron());
            Assert.True(run.Exit == 0, run.Error);
            follow += run.Output;
        }

        Assert.Contains("registered candidate openai-ftjob-1", follow, StringComparison.Ordinal);
        Assert.Contains("openai-ftjob-1: held-out AUPR", follow, StringComparison.Ordinal);
        Assert.Contains("openai-ftjob-1 is now the champion (passed the gate)", follow, StringComparison.Ordinal);
        Assert.Equal("no pending jobs\n", (await _admin.RunAsync(Cron())).Output);
        var champion = await Registry().GetAsync("openai-ftjob-1", TestContext.Current.CancellationToken);
        Assert.Equal((ModelStatus.Champion, "ft:gpt-4.1-mini:tandem::abc123"), (champion!.Status, champion.Location));
        Assert.True(champion.Scores!.Aupr > 0.5);

        // The next job fails: the follow-up records it, and the policy no longer counts it as the last retrain.
        server.FailJobs = true;
        Assert.Equal(0, (await _cli.RunAsync("retrain", "provider", "--model", "base", "--settings", settings, "--out", _dir.File("ds2"))).Exit);
        Assert.Contains("not due: the last training job (ftjob-2)", (await _cli.RunAsync("retrain", "provider", "--model", "base", "--settings", settings, "--out", _dir.File("ds3"), "--if-due")).Output, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await _admin.RunAsync(Cron())).Exit);
        }

        var decisions = await Registry().ListDecisionsAsync(TestContext.Current.CancellationToken);
        Assert.Contains(decisions, d => d.Job == "ftjob-2" && !d.Due && d.Reason.Contains("failed: The training file has too few examples.", StringComparison.Ordinal));
        var after = await _cli.RunAsync("retrain", "provider", "--model", "base", "--settings", settings, "--out", _dir.File("ds4"), "--if-due", "--after-corrections", "0");
        Assert.Contains("not due: the newest model (openai-ftjob-1)", after.Output, StringComparison.Ordinal);
    }

    /// <summary>A fake reviewer: the model named <paramref name="goodModel"/> finds both categories, any other only governing law.</summary>
    private static Func<System.Text.Json.Nodes.JsonNode, string> Reviewer(string goodModel) => request =>
    {
        var passages = request["messages"]!.AsArray().Select(m => m!["content"]?.GetValue<string>() ?? string.Empty).Last(c => c.StartsWith("Passages:", StringComparison.Ordinal))
            .Split('\n').Where(l => l.StartsWith('[')).ToList();
        var wanted = request["model"]!.GetValue<string>() == goodModel
            ? new[] { ("govern", "Governing Law"), ("liability", "Cap on Liability"), ("damages", "Cap on Liability") }
            : [("govern", "Governing Law")];
        var claims = passages.SelectMany(line => wanted.Where(w => line.Contains(w.Item1, StringComparison.OrdinalIgnoreCase)).Select(w => new
        {
            category = w.Item2, severity = "low", passage = int.Parse(line[1..line.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture),
            quote = line[(line.IndexOf(") ", StringComparison.Ordinal) + 2)..], rationale = "r", confidence = 0.9,
        }));
        return System.Text.Json.JsonSerializer.Serialize(new { findings = claims });
    };

    private SqliteModelRegistry Registry() => new(_cli.DatabasePath);
}
