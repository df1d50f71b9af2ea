using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;
using Tandem.Learning;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

public sealed class ReviewKeyTrainingSetTests : IDisposable
{
    internal const string Contract = """
        SUPPLY AGREEMENT

        This Agreement is made between Brackenfold Foods Limited (the "Supplier") and Orrin Kitchens Ltd (the "Customer").

        1. Term. This Agreement starts on the Effective Date and continues for two years.

        2. Exclusive purchasing. During the Term the Customer shall buy all of its requirements of the Products exclusively from the Supplier and shall not buy them from anyone else.

        3. Governing law. This Agreement is governed by the law of England and Wales.
        """;

    internal const string Key = """
        {
          "contractsFolder": "../contracts",
          "contracts": [
            {
              "file": "supply.txt", "side": "customer", "type": "supply",
              "risks": [
                { "id": "excl", "description": "Customer must buy only from Supplier", "clauses": ["2"], "categories": ["Exclusivity", "Non-Compete"], "minSeverity": "high" },
                { "id": "term-law", "description": "Two clauses, which is which unsaid", "clauses": ["1", "3"], "categories": ["Renewal Term", "Governing Law"], "minSeverity": "low" }
              ],
              "missing": ["Cap on Liability"],
              "ordinary": []
            }
          ]
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BuildAsync_OnlyTheClauseAOneClauseRiskNames_WithTheRisksCategories_Twice()
    {
        var keyPath = WriteSet(Key);

        var labelling = await new ReviewKeyTrainingSet(DocumentReaders.CreateDefault(), new ClauseSegmenter()).BuildAsync([keyPath]);

        Assert.Equal((1, 1, 1), (labelling.Keys, labelling.Contracts, labelling.Risks));
        Assert.Equal(ReviewKeyTrainingSet.Copies, labelling.Clauses.Count);
        var row = labelling.Clauses[0];
        Assert.StartsWith("2. Exclusive purchasing.", row.Row.Text, StringComparison.Ordinal);
        Assert.Equal("review:keys/supply.txt", row.Contract);
        var labelled = ClauseCategories.All.Where((_, k) => row.Labels[k]).ToList();
        Assert.Equal(["Exclusivity", "Non-Compete"], labelled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BuildAsync_KeyNamesAContractThatIsNotThere_SaysWhereItLooked()
    {
        var keyPath = WriteSet(Key.Replace("supply.txt", "absent.txt", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<TandemException>(() => new ReviewKeyTrainingSet(DocumentReaders.CreateDefault(), new ClauseSegmenter()).BuildAsync([keyPath]));

        Assert.Contains("absent.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("contractsFolder", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ContractsFolder_IsRelativeToTheKeyFile_AndNeverRooted()
    {
        var keyPath = WriteSet(Key);

        Assert.Equal(Path.GetFullPath(_dir.File("contracts")), ReviewKey.Load(keyPath).ContractsFolder);
        Assert.Equal(Path.GetDirectoryName(Path.GetFullPath(keyPath)), ReviewKey.Load(WriteSet(Key.Replace("\"contractsFolder\": \"../contracts\",", string.Empty, StringComparison.Ordinal))).ContractsFolder);
        var rooted = Assert.Throws<TandemException>(() => ReviewKey.Parse(Key.Replace("../contracts", "/etc", StringComparison.Ordinal), "k.json"));
        Assert.Contains("relative to the key file", rooted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithReviewWeights_BesideTheModelsOwnWeights_RecordedAndKeptByTheFile()
    {
        var trainer = new LocalAnalystTrainer();
        var options = new LocalAnalystTrainingOptions { TrainedAt = DateTimeOffset.UnixEpoch };
        var rows = Rows();
        var model = trainer.TrainSinglePass(rows, options);

        var reviewed = trainer.WithReviewWeights(model, rows, Keyed(), options);
        var path = _dir.File("model.zip");
        reviewed.Save(new Microsoft.ML.MLContext(seed: 1), path);
        var loaded = LocalAnalyst.Load(path).Model;

        Assert.Same(model, trainer.WithReviewWeights(model, rows, ReviewKeyLabelling.None, options));
        Assert.Null(model.ReviewCategories);
        Assert.Equal(model.Categories.Select(c => c.Values), loaded.Categories.Select(c => c.Values));
        Assert.NotNull(loaded.ReviewCategories);
        var k = ClauseCategories.All.ToList().IndexOf("Exclusivity");
        Assert.Empty(model.Categories[k].Values);
        Assert.Equal(reviewed.ReviewCategories![k].Values, loaded.ReviewCategories![k].Values);
        Assert.NotEmpty(loaded.ReviewCategories[k].Values);
        Assert.Equal(LocalAnalystManifest.DefaultReviewThreshold, loaded.Manifest.ReviewThreshold);
        Assert.Contains("review weights also trained on 20 keyed clauses (x2) from 20 one-clause risks in 20 contracts of 1 answer keys", loaded.Manifest.Trainer, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TheReviewWeightsFindAClause_AboveTheReviewThresholdOnly()
    {
        var trainer = new LocalAnalystTrainer();
        var options = new LocalAnalystTrainingOptions { TrainedAt = DateTimeOffset.UnixEpoch };
        var model = trainer.WithReviewWeights(trainer.TrainSinglePass(Rows(), options), Rows(), Keyed(), options);
        var playbook = PlaybookLoader.Parse("""
            name: test
            version: "1"
            rules:
              - category: Exclusivity
                severity: medium
                rationale: Check who is bound.
            """, "test.yaml");
        var document = Document("This Agreement is made between Brackenfold Foods Limited (the \"Supplier\") and Orrin Kitchens Ltd (the \"Customer\").\n\n"
            + "4. Sole source. The Customer shall buy all of its requirements of ready meals exclusively from the Supplier during the Term.");
        var (scores, review) = new LocalAnalyst(model).ScoreForReview(document.Clauses.Select(c => c.Clause).ToList());
        var k = ClauseCategories.All.ToList().IndexOf("Exclusivity");
        var p = review![^1][k];
        Assert.True(p > scores[^1][k] + 0.3f, $"review weights {p}, CUAD weights {scores[^1][k]}");

        RiskReport Review(float threshold) => new ContractAnalyzer(new LocalAnalyst(model.WithManifest(model.Manifest with { ReviewThreshold = threshold })))
            .Analyze(document, playbook, new AnalysisOptions());

        Assert.Contains(Review(p - 0.01f).Findings, f => f.Category == "Exclusivity" && f.ClausePath == "4" && f.Confidence >= p - 0.01f);
        Assert.DoesNotContain(Review(p + 0.01f).Findings, f => f.Category == "Exclusivity");
    }

    /// <summary>Twenty keyed exclusive-purchasing clauses, as one answer key would give them.</summary>
    private static ReviewKeyLabelling Keyed()
    {
        var exclusivity = ClauseCategories.All.ToList().IndexOf("Exclusivity");
        string[] goods = ["ready meals", "packaging", "spare parts", "fuel", "uniforms", "printer toner", "coffee beans", "cleaning products", "steel tube", "seed potatoes"];
        var rows = new List<LabelledClause>();
        for (var c = 0; c < 20; c++)
        {
            var labels = new bool[ClauseCategories.All.Count];
            labels[exclusivity] = true;
            var row = ClauseFeatureRow.For($"The Customer shall buy all of its requirements of {goods[c % goods.Length]} exclusively from the Supplier during the Term.", "Exclusive purchasing", ClauseKind.Section, 3, 7);
            rows.Add(new LabelledClause($"review:keys/c{c}.txt", row, labels));
            rows.Add(new LabelledClause($"review:keys/c{c}.txt", row, labels));
        }

        return new ReviewKeyLabelling(rows, 1, 20, 20);
    }

    private string WriteSet(string key)
    {
        Directory.CreateDirectory(_dir.File("contracts"));
        File.WriteAllText(_dir.File(Path.Combine("contracts", "supply.txt")), Contract);
        Directory.CreateDirectory(_dir.File("keys"));
        return _dir.Write(Path.Combine("keys", $"answers-{Guid.NewGuid():N}.json"), key);
    }

    private static StoredDocument Document(string text)
    {
        var clauses = new ClauseSegmenter().Segment(text).Clauses.Select(c => new StoredClause(SqliteDocumentStore.ClauseIdFor("doc_t", c), c)).ToList();
        return new StoredDocument("doc_t", "t", "t.txt", "text/plain", 1, "hash", text, clauses);
    }

    /// <summary>Twenty contracts, each with a governing-law clause among ordinary ones.</summary>
    private static List<LabelledClause> Rows() => LocalAnalystTrainerTests.SyntheticClauses();
}
