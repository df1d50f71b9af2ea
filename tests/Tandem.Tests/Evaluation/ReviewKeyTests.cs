using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;
using Tandem.Tests.Support;

namespace Tandem.Tests.Evaluation;

/// <summary>The answer-key format, the shipped key against the sample contracts, and the evaluator's fidelity to analyze.</summary>
public sealed class ReviewKeyTests : IDisposable
{
    private static readonly string KeyPath = Path.Combine(RepositoryPaths.Root, "samples", "review-key", "answers.json");
    private static readonly Lazy<LocalAnalyst> Analyst = new(() => LocalAnalyst.Load(RepositoryPaths.Model));
    private readonly StoreFixture _f = new();
    private readonly Playbook _playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);

    public void Dispose() => _f.Dispose();

    public static TheoryData<string> KeyedContracts() => [.. ReviewKey.Load(KeyPath).Contracts.Select(c => c.File)];

    [Fact]
    public void Load_SampleKey_KeysEverySampleContract()
    {
        var key = ReviewKey.Load(KeyPath);

        var samples = Directory.GetFiles(RepositoryPaths.Samples).Select(Path.GetFileName).Where(f => f != "README.md").Order(StringComparer.Ordinal);
        Assert.Equal(samples, key.Contracts.Select(c => c.File).Order(StringComparer.Ordinal));
        Assert.True(key.Contracts.Sum(c => c.Risks.Count) >= 60);
    }

    [Theory]
    [MemberData(nameof(KeyedContracts))]
    public async Task Load_SampleKey_EveryPathIsAClauseOfItsContractAndTheSideIsAParty(string file)
    {
        var entry = ReviewKey.Load(KeyPath).Contracts.Single(c => c.File == file);
        var text = (await DocumentReaders.CreateDefault().ReadFileAsync(RepositoryPaths.Sample(file))).Text;
        var paths = new ClauseSegmenter().Segment(text).Clauses.Select(c => c.Path).ToList();

        Assert.DoesNotContain(entry.Paths, p => !paths.Any(c => ReviewKeyScorer.Covers(p, c)));
        Assert.False(ReviewSide.Resolve(new PartyFinder().Find(text), entry.Side)!.Assumed);
        Assert.NotEmpty(entry.Risks);
    }

    [Fact]
    public async Task EvaluateAsync_SampleContract_ScoresTheReportAnalyzeGives()
    {
        var key = ReviewKey.Load(KeyPath);
        var entry = key.Contracts.Single(c => c.File == "saas-subscription-agreement.md");
        var analyze = await new ContractReviewer(_f.Ingestor, _f.Store, new ContractAnalyzer(Analyst.Value))
            .ReviewFileAsync(RepositoryPaths.Sample(entry.File), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = entry.Side });

        var result = await Evaluator().EvaluateAsync(key with { Contracts = [entry] }, RepositoryPaths.Samples, _playbook);

        var expected = new ReviewKeyScorer().Score(entry, analyze);
        Assert.Equal(expected.Risks.Select(r => r.Best), result.Contracts.Single().Risks.Select(r => r.Best));
        Assert.Equal(expected.Missing, result.Contracts.Single().Missing);
        Assert.Equal(expected.Unexpected, result.Contracts.Single().Unexpected);
        Assert.Equal("Carrow & Beck Outfitters, LLC (Customer)", result.Contracts.Single().Side);
    }

    [Fact]
    public async Task EvaluateAsync_KeyPathTheContractLacks_FailsNamingThePath()
    {
        var folder = _f.Dir.Path;
        _f.Dir.Write("msa.txt", ContractTexts.Nda);
        var key = ReviewKey.Parse("""
            {"contracts": [{"file": "msa.txt", "side": "recipient", "type": "nda",
              "risks": [{"id": "r1", "clauses": ["1", "12.9"], "categories": ["Cap on Liability"], "minSeverity": "high"}]}]}
            """, "k.json");

        var ex = await Assert.ThrowsAsync<TandemException>(() => Evaluator().EvaluateAsync(key, folder, _playbook));

        Assert.Equal("answer key entry msa.txt names clause paths the contract does not have: 12.9; run 'tandem clauses msa.txt' to see the paths Tandem assigns", ex.ToUserMessage());
    }

    [Fact]
    public async Task EvaluateAsync_FileNotInFolder_FailsBeforeAnyReview()
    {
        var key = ReviewKey.Parse("""{"contracts": [{"file": "gone.txt", "side": "customer", "type": "saas", "missing": ["Insurance"]}]}""", "k.json");

        var ex = await Assert.ThrowsAsync<TandemException>(() => Evaluator().EvaluateAsync(key, _f.Dir.Path, _playbook));

        Assert.StartsWith("the answer key names gone.txt, which is not in ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"contracts": []}""", "answer key k.json has no contracts")]
    [InlineData("""{"contracts": [{"file": "a.txt", "side": "customer", "type": "saas", "risks": [{"id": "r1", "clauses": ["1"], "categories": ["Cap on Liabilty"], "minSeverity": "high"}]}]}""",
        "answer key k.json, contract 1 (a.txt), risk 1 (r1): unknown category 'Cap on Liabilty'")]
    [InlineData("""{"contracts": [{"file": "a.txt", "side": "customer", "type": "saas", "risks": [{"id": "r1", "clauses": ["1"], "categories": ["Insurance"], "minSeverity": "severe"}]}]}""",
        "answer key k.json, contract 1 (a.txt), risk 1 (r1): minSeverity 'severe' is not a severity")]
    [InlineData("""{"contracts": [{"file": "a.txt", "side": "customer", "type": "saas", "risks": [{"id": "r1", "clauses": [], "categories": ["Insurance"], "minSeverity": "low"}]}]}""",
        "answer key k.json, contract 1 (a.txt), risk 1 (r1): needs at least one clause path")]
    [InlineData("""{"contracts": [{"file": "../a.txt", "side": "customer", "type": "saas", "missing": ["Insurance"]}]}""",
        "answer key k.json, contract 1 (../a.txt): file must be a path inside the contracts folder")]
    [InlineData("""{"contracts": [{"file": "a.txt", "type": "saas", "missing": ["Insurance"]}]}""", "answer key k.json, contract 1 (a.txt): side is missing")]
    [InlineData("""{"contracts": [{"file": "a.txt", "side": "c", "type": "saas", "missing": ["Insurance"]}, {"file": "A.txt", "side": "c", "type": "saas", "missing": ["Insurance"]}]}""",
        "answer key k.json keys a.txt twice")]
    [InlineData("""{"contracts": [{"file": "a.txt", "side": "c", "type": "saas", "risks": [{"id": "r1", "clauses": ["1"], "categories": ["Insurance"], "minSeverty": "low"}]}]}""",
        "answer key k.json is not a valid key at line 1")]
    [InlineData("""{"contracts": [""", "answer key k.json is not a valid key at line 1")]
    public void Parse_BadKey_OneLineNamingTheEntry(string json, string expected)
    {
        var ex = Assert.Throws<TandemException>(() => ReviewKey.Parse(json, "k.json"));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.ToUserMessage());
        Assert.NotNull(ex.Hint);
    }

    [Fact]
    public void Parse_CategoriesAndSeverities_AreCanonicalised()
    {
        var key = ReviewKey.Parse("""
            {"contracts": [{"file": "a.txt", "side": "customer", "type": "saas",
              "risks": [{"id": "r1", "clauses": [" 12.2 "], "categories": ["cap on liability", "UNCAPPED LIABILITY"], "minSeverity": "High"}],
              "missing": ["audit rights"], "ordinary": ["13.1"]}]}
            """, "k.json");

        var risk = key.Contracts[0].Risks[0];
        Assert.Equal(["12.2"], risk.Clauses);
        Assert.Equal(["Cap on Liability", "Uncapped Liability"], risk.Categories);
        Assert.Equal(Severity.High, risk.MinSeverity);
        Assert.Equal(["Audit Rights"], key.Contracts[0].Missing);
    }

    private ReviewKeyEvaluator Evaluator() => new(DocumentReaders.CreateDefault(), new ClauseSegmenter(), new ContractAnalyzer(Analyst.Value));
}
