using System.Text.Json;
using Tandem.Learning;
using Tandem.Prompting;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

public sealed class DatasetBuilderTests : IDisposable
{
    private static readonly string[] Categories = ["Governing Law", "Cap on Liability", "Non-Compete", "Audit Rights"];

    private readonly TempDirectory _dir = new();
    private readonly SqliteExampleStore _store;

    public DatasetBuilderTests() => _store = new SqliteExampleStore(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    private async Task SeedAsync()
    {
        var examples = new List<TrainingExample>();
        for (var i = 0; i < 40; i++)
        {
            var category = Categories[i % 4];
            var input = $"Clause {i} about {category.ToLowerInvariant()} with distinct words number{i} and term{i * 7}.";
            examples.Add(new TrainingExample(ExampleDuplicates.IdOf("clause-review", category, input), "clause-review", input, category, "medium", "why", "curated",
                ["doc"], ["public"], "alice", DateTimeOffset.UnixEpoch, Reviewed: true, NearDuplicateOf: null));
        }

        examples.Add(examples[0] with { Id = "ex_private", Input = "Secret pricing clause of the legal group only.", Access = ["group:legal"] });
        examples.Add(examples[1] with { Id = "ex_pending", Input = "A correction nobody has reviewed.", Provenance = "correction", Reviewed = false });
        examples.Add(examples[2] with { Id = "ex_leak", Input = "This Agreement is governed by the laws of Ontario, the evaluation clause." });
        await _store.AddAsync(examples, TestContext.Current.CancellationToken);
    }

    private DatasetOptions Options(DatasetFormat format = DatasetFormat.OpenAiChat) => new()
    {
        Format = format,
        Instructions = PromptStrategy.Load("fine-tuned").Instructions,
        EvaluationTexts = ["this agreement is governed by the laws of ontario, the evaluation clause"],
    };

    [Fact]
    public async Task Build_AccessGuardLeakCheckAndReview_ExcludeWithReasons()
    {
        await SeedAsync();

        var build = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(Options(), _dir.File("out"), TestContext.Current.CancellationToken);

        Assert.Equal(40, build.Train + build.Validation);
        Assert.InRange(build.Validation, 1, 12);
        var reasons = build.Excluded.ToDictionary(e => e.Id, e => e.Reason);
        Assert.Equal("the audience may not read its sources", reasons["ex_private"]);
        Assert.Equal("access guard", build.Excluded.Single(e => e.Id == "ex_private").Kind);
        Assert.Equal("not reviewed yet", reasons["ex_pending"]);
        Assert.Equal("it matches evaluation data (leak check)", reasons["ex_leak"]);
        var text = File.ReadAllText(build.TrainPath) + File.ReadAllText(build.ValidationPath);
        Assert.DoesNotContain("Secret pricing", text, StringComparison.Ordinal);
        Assert.True(build.TrainReport.IsValid, string.Join("; ", build.TrainReport.Issues));

        var forLegal = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(Options() with { Audience = ["group:legal"] }, _dir.File("legal"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(forLegal.Excluded, e => e.Id == "ex_private");
    }

    [Fact]
    public async Task Build_ExampleFromAReviewForASide_PromptNamesTheSideAnswerSaysWhomItFavours()
    {
        await SeedAsync();
        var stored = (await _store.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Where(e => e.Reviewed && e.Access.Contains("public")).ToList();
        var sided = stored.Select(e => e with { Id = e.Id + "s", Input = "Sided " + e.Input, Side = "Customer", Favours = "them" }).ToList();
        await _store.AddAsync(sided, TestContext.Current.CancellationToken);

        var build = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(Options(), _dir.File("sided"), TestContext.Current.CancellationToken);

        var lines = File.ReadAllLines(build.TrainPath).Concat(File.ReadAllLines(build.ValidationPath)).ToList();
        var sidedLine = lines.First(l => l.Contains("Sided Clause", StringComparison.Ordinal));
        Assert.Contains("You review for the Customer.", sidedLine, StringComparison.Ordinal);
        Assert.Contains("\\u0022favours\\u0022:\\u0022them\\u0022", sidedLine, StringComparison.Ordinal);
        Assert.DoesNotContain("favours", lines.First(l => l.Contains("Clause 3 about", StringComparison.Ordinal) && !l.Contains("Sided", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("Customer", (await _store.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).First(e => e.Id.EndsWith('s')).Side);
    }

    [Fact]
    public async Task Build_AudienceOfSeveralTokens_OnlyWhatEveryOneOfThemMayRead()
    {
        await SeedAsync();
        var carols = new TrainingExample("ex_carols", "clause-review", "Carol's private clause about her own pricing.", "Cap on Liability", "high", "why", "correction",
            ["doc_c"], ["user:carol"], "carol", DateTimeOffset.UnixEpoch, Reviewed: true, NearDuplicateOf: null);
        await _store.AddAsync([carols], TestContext.Current.CancellationToken);

        // A model for carol and the legal group serves the legal group too: carol's own text must stay out.
        var build = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(Options() with { Audience = ["group:legal", "user:carol"] }, _dir.File("mixed"), TestContext.Current.CancellationToken);

        Assert.Contains(build.Excluded, e => e.Id == "ex_carols" && e.Kind == "access guard");
        Assert.Contains(build.Excluded, e => e.Id == "ex_private" && e.Kind == "access guard");
        Assert.DoesNotContain("Carol's private clause", File.ReadAllText(build.TrainPath) + File.ReadAllText(build.ValidationPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_InvalidDataset_WritesNothing()
    {
        await _store.AddAsync([new TrainingExample("ex_one", "clause-review", "A lone reviewed clause.", "Governing Law", "medium", "why", "curated",
            ["doc"], ["public"], "alice", DateTimeOffset.UnixEpoch, Reviewed: true, NearDuplicateOf: null)], TestContext.Current.CancellationToken);

        var build = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(Options(), _dir.File("too-small"), TestContext.Current.CancellationToken);

        Assert.False(build.TrainReport.IsValid); // fewer than the ten examples a job needs
        Assert.False(Directory.Exists(_dir.File("too-small")));
    }

    [Fact]
    public async Task Build_RetrievalAwareCorrections_DistractorsFromTheirOwnContract_FalsePositiveAnswersNothing_QuoteNarrowed()
    {
        var ct = TestContext.Current.CancellationToken;
        TrainingExample Correction(string id, string category, string input, string? quote = null) =>
            new(id, "clause-review", input, category, "high", "why", "correction", ["doc"], ["public"], "alice", DateTimeOffset.UnixEpoch, Reviewed: true, NearDuplicateOf: null) { Quote = quote };
        await _store.AddAsync([
            Correction("ex_fp", TrainingExample.NoFinding, "The service credits are the exclusive remedy for availability failures."),
            Correction("ex_cap", "Cap on Liability", "Total liability shall not exceed the fees paid in the three months before the claim.", quote: "shall not exceed the fees paid"),
            .. Enumerable.Range(0, 10).Select(i => Correction($"ex_{i}", "Governing Law", $"Pool clause {i} governed by the laws of place {i}.")),
        ], ct);
        string[] own = ["Own contract clause about payment terms and invoices.", "Own contract clause about notices to the parties.", "Own contract clause about term and renewal."];
        var options = Options() with
        {
            RetrievalAware = true, Distractors = 2, OracleRatio = 1, Split = 1.0, EvaluationTexts = [],
            Neighbours = new Dictionary<string, IReadOnlyList<string>> { ["ex_fp"] = own, ["ex_cap"] = own },
        };

        var build = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(options, _dir.File("corr"), ct);

        var chats = File.ReadAllLines(build.TrainPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("messages")).ToList();
        JsonElement Chat(string input) => chats.Single(m => m[1].GetProperty("content").GetString()!.Contains(input, StringComparison.Ordinal));
        var cap = Chat("Total liability shall not exceed");
        var capPassages = cap[1].GetProperty("content").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(3, capPassages.Count);
        Assert.Equal(2, capPassages.Count(p => p.Contains("Own contract clause", StringComparison.Ordinal)));
        var finding = JsonDocument.Parse(cap[2].GetProperty("content").GetString()!).RootElement.GetProperty("findings")[0];
        Assert.Equal("shall not exceed the fees paid", finding.GetProperty("quote").GetString());
        Assert.Contains("Total liability", capPassages[finding.GetProperty("passage").GetInt32() - 1], StringComparison.Ordinal);
        var falsePositive = Chat("exclusive remedy");
        Assert.Equal(0, JsonDocument.Parse(falsePositive[2].GetProperty("content").GetString()!).RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains("Own contract clause", falsePositive[1].GetProperty("content").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain(chats.Where(m => m[1].GetProperty("content").GetString()!.Contains("Pool clause 1 ", StringComparison.Ordinal)), m => m[1].GetProperty("content").GetString()!.Contains("Own contract", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_RetrievalAware_CitesThePassageAmongDistractors()
    {
        await SeedAsync();
        var options = Options() with { RetrievalAware = true, Distractors = 3, OracleRatio = 0.75, Split = 1.0 };

        var build = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(options, _dir.File("ra"), TestContext.Current.CancellationToken);

        var withOracle = 0;
        foreach (var line in File.ReadAllLines(build.TrainPath))
        {
            var messages = JsonDocument.Parse(line).RootElement.GetProperty("messages");
            var passages = messages[1].GetProperty("content").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var findings = JsonDocument.Parse(messages[2].GetProperty("content").GetString()!).RootElement.GetProperty("findings");
            if (findings.GetArrayLength() == 0)
            {
                Assert.Equal(3, passages.Count); // distractors only: the answer is "nothing here"
                continue;
            }

            withOracle++;
            Assert.Equal(4, passages.Count);
            var finding = findings[0];
            var cited = passages[finding.GetProperty("passage").GetInt32() - 1];
            Assert.EndsWith(finding.GetProperty("quote").GetString()!, cited, StringComparison.Ordinal);
        }

        Assert.Equal(40, build.Train);
        Assert.InRange(withOracle, 22, 38); // about 75%
    }

    [Fact]
    public async Task Build_Bedrock_PassesBedrockValidation()
    {
        await SeedAsync();

        var build = await new DatasetBuilder(_store, new TokenCounter()).BuildAsync(Options(DatasetFormat.Bedrock), _dir.File("bedrock"), TestContext.Current.CancellationToken);

        Assert.True(build.TrainReport.IsValid, string.Join("; ", build.TrainReport.Issues));
        Assert.Contains("\"schemaVersion\":\"bedrock-conversation-2024\"", File.ReadLines(build.TrainPath).First(), StringComparison.Ordinal);
    }
}
