using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Learning;
using Tandem.Store;
using Tandem.Tests.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// The side-aware risk weights: features that read the sides as "us" and "them", a learner that tells the other side's
/// right from ours, and the review that takes what they find.
/// </summary>
public sealed class SideRiskModelTests : IDisposable
{
    private static readonly ContractParty Provider = new("Lumen Cloud Ltd", "Provider");
    private static readonly ContractParty Customer = new("Harrow Foods plc", "Customer");
    private static readonly int Convenience = ClauseCategories.IndexOf("Termination for Convenience");

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ReviewSide For(string role) => ReviewSide.Resolve([Provider, Customer], role)!;

    [Fact]
    public void Features_TheOtherSidesRight_IsTheSameEvidence_WhicheverSideIsReviewed()
    {
        var forCustomer = new SideRiskFeatures(For("customer"));
        var forProvider = new SideRiskFeatures(For("provider"));

        var theirsForCustomer = forCustomer.Of("The Provider may terminate this Agreement for convenience on 30 days' notice.", "Termination", Favours.Them);
        var theirsForProvider = forProvider.Of("The Customer may terminate this Agreement for convenience on 30 days' notice.", "Termination", Favours.Them);
        var oursForCustomer = forCustomer.Of("The Customer may terminate this Agreement for convenience on 30 days' notice.", "Termination", Favours.Us);

        // The same words and stance; only the two slots naming the reviewed side's role (alone and with the stance) differ.
        Assert.Equal(2, theirsForCustomer.Indices.Except(theirsForProvider.Indices).Count());
        Assert.Equal(theirsForCustomer.Indices.Length, theirsForProvider.Indices.Length);
        Assert.True(theirsForCustomer.Indices.Except(oursForCustomer.Indices).Count() > 2);
        var normalised = forCustomer.Normalise("the Provider may end it; Lumen Cloud Ltd's notice binds Harrow Foods plc and the Customer.");
        Assert.Equal(2, normalised.Split("xthem").Length - 1);
        Assert.Equal(2, normalised.Split("xus").Length - 1);
        Assert.DoesNotContain("Provider", normalised, StringComparison.Ordinal);
        Assert.DoesNotContain("Harrow", normalised, StringComparison.Ordinal);
        Assert.Equal(1f, theirsForCustomer.Values.Sum(v => v * v), 3);
        Assert.True(theirsForCustomer.Indices.SequenceEqual(theirsForCustomer.Indices.Order()), "slots ascending");
    }

    [Fact]
    public void Features_ByRole_PairEachWordWithTheSidesRole_SoTheSameClauseReadsApartForEachRole()
    {
        const string Mutual = "Either party may give notice of non-renewal at least 60 days before the end of the Term.";

        var plain = new SideRiskFeatures(For("customer")).Of(Mutual, null, Favours.Both).Indices.Except(new SideRiskFeatures(For("provider")).Of(Mutual, null, Favours.Both).Indices);
        var byRole = new SideRiskFeatures(For("customer"), byRole: true).Of(Mutual, null, Favours.Both).Indices
            .Except(new SideRiskFeatures(For("provider"), byRole: true).Of(Mutual, null, Favours.Both).Indices);

        Assert.Equal(2, plain.Count());
        // Each distinct word once more, paired with the role ("r:customer notice"), beside the two role slots.
        Assert.True(byRole.Count() > 15, $"{byRole.Count()} slots differ");
        Assert.Empty(new SideRiskFeatures(For("customer")).Of(Mutual, null, Favours.Both).Indices
            .Except(new SideRiskFeatures(For("customer"), byRole: true).Of(Mutual, null, Favours.Both).Indices));
    }

    [Fact]
    public void Analyze_TheSeverityWeightsRaiseWhatThePlaybookJudgedTooLow_NeverAClauseInTheSidesFavour_AtTheirThreshold()
    {
        var trainer = new LocalAnalystTrainer();
        var plain = trainer.TrainSinglePass(LocalAnalystTrainerTests.SyntheticClauses(), new LocalAnalystTrainingOptions { TrainedAt = DateTimeOffset.UnixEpoch });
        var categories = plain.Categories.Select(c => c.Category).ToList();
        // Side and severity weights that both learned every convenience exit as keyed high, the side's own included: only
        // the review's rule keeps a clause in the side's favour from being raised.
        var side = SideRiskModel.Train(Rows(ours: true), categories);
        var severity = SideRiskModel.Train(Rows(ours: true, byRole: true), categories);
        // Forty synthetic contracts teach less surely than 1,400 keyed ones: the other side's exit scores about 0.63 here.
        var model = plain.WithSide(side.Categories, severity.Categories);
        model = model.WithManifest(model.Manifest with { SeverityThreshold = 0.5f });
        var playbook = PlaybookLoader.Parse("""
            name: test
            version: "1"
            rules:
              - category: Termination for Convenience
                severity: medium
                rationale: Check who may leave.
            """, "test.yaml");
        // "or as the law allows" keeps ExitRights (which would judge the other side's exit high by itself) out of it, so
        // only the weights under test decide the severity.
        var theirs = Document("This Agreement is made between Lumen Cloud Ltd (the \"Provider\") and Harrow Foods plc (the \"Customer\").\n\n"
            + "9. Ending early. The Provider may end this Agreement at any time for its convenience by giving the Customer written notice, or as the law allows.");
        var ours = Document("This Agreement is made between Lumen Cloud Ltd (the \"Provider\") and Harrow Foods plc (the \"Customer\").\n\n"
            + "9. Ending early. The Customer may end this Agreement at any time for its convenience by giving the Provider written notice, or as the law allows.");

        Finding? Exit(LocalAnalystModel m, StoredDocument d) =>
            new ContractAnalyzer(new LocalAnalyst(m)).Analyze(d, playbook, new AnalysisOptions { ForParty = "customer", IncludeInfo = true })
                .Findings.SingleOrDefault(f => f.Category == "Termination for Convenience");

        var raised = Exit(model, theirs);
        Assert.NotNull(raised);
        Assert.Equal(Severity.High, raised.Severity);
        Assert.Contains(raised.Deviations, d => d.StartsWith("reviewers for the customer rate clauses like this high (p = ", StringComparison.Ordinal)
            && d.EndsWith("; the playbook alone said medium", StringComparison.Ordinal));
        // Without severity weights, or above their probability, the playbook's medium stands.
        Assert.Equal(Severity.Medium, Exit(plain.WithSide(side.Categories), theirs)!.Severity);
        Assert.Equal(Severity.Medium, Exit(model.WithManifest(model.Manifest with { SeverityThreshold = 0.9999f }), theirs)!.Severity);
        // Critical weights that learned the same: the other side's exit, at high, goes on to critical; one deviation says why.
        var critical = model.WithSide(side.Categories, severity.Categories, severity.Categories);
        critical = critical.WithManifest(critical.Manifest with { SeverityThreshold = 0.5f, CriticalThreshold = 0.5f });
        var raisedTwice = Exit(critical, theirs)!;
        Assert.Equal(Severity.Critical, raisedTwice.Severity);
        Assert.Single(raisedTwice.Deviations, d => d.Contains("the playbook alone said medium", StringComparison.Ordinal));
        Assert.Contains(raisedTwice.Deviations, d => d.StartsWith("reviewers for the customer rate clauses like this critical (p = ", StringComparison.Ordinal));
        Assert.Equal(Severity.High, Exit(critical.WithManifest(critical.Manifest with { CriticalThreshold = 0.9999f }), theirs)!.Severity);
        Assert.True(Exit(critical, ours)!.Severity < Severity.High);

        // The customer's own exit is found and scored like the other's, but never raised.
        var own = Exit(model, ours);
        Assert.True(severity.Score(new SideRiskFeatures(For("customer"), byRole: true).Of(own!.Quote, own.Heading, Favours.Us))[Convenience] >= 0.5f);
        Assert.NotNull(own);
        Assert.Equal(Favours.Us, own.Favours);
        Assert.True(own.Severity < Severity.High, $"own exit at {own.Severity}");
    }

    [Fact]
    public void Train_LearnsTheOtherSidesRightAsTheRisk_NotOurs_TheSameWeightsEachTime()
    {
        var rows = Rows();

        var model = SideRiskModel.Train(rows, ClauseCategories.All.ToList());
        var again = SideRiskModel.Train(rows, ClauseCategories.All.ToList());

        var features = new SideRiskFeatures(For("customer"));
        var theirs = model.Score(features.Of("Provider may at any time end this Agreement for its convenience by written notice to Customer.", null, Favours.Them))[Convenience];
        var ours = model.Score(features.Of("Customer may at any time end this Agreement for its convenience by written notice to Provider.", null, Favours.Us))[Convenience];
        Assert.True(theirs > 0.5f && ours < 0.5f, $"theirs {theirs}, ours {ours}");
        Assert.Equal(model.Categories[Convenience].Values, again.Categories[Convenience].Values);
        Assert.Equal(model.Categories[Convenience].Bias, again.Categories[Convenience].Bias);
    }

    [Fact]
    public void Analyze_TheSideWeightsFindTheOtherSidesRight_ForTheSideUnderReviewOnly_AtTheirThreshold()
    {
        var trainer = new LocalAnalystTrainer();
        var plain = trainer.TrainSinglePass(LocalAnalystTrainerTests.SyntheticClauses(), new LocalAnalystTrainingOptions { TrainedAt = DateTimeOffset.UnixEpoch });
        var model = plain.WithSide(SideRiskModel.Train(Rows(), plain.Categories.Select(c => c.Category).ToList()).Categories);
        var playbook = PlaybookLoader.Parse("""
            name: test
            version: "1"
            rules:
              - category: Termination for Convenience
                severity: medium
                rationale: Check who may leave.
            """, "test.yaml");
        // "or as the law allows" keeps ExitRights (which would find the other side's exit high by itself) out of it, so
        // only the weights under test decide whether it is found.
        var document = Document("This Agreement is made between Lumen Cloud Ltd (the \"Provider\") and Harrow Foods plc (the \"Customer\").\n\n"
            + "9. Ending early. The Provider may end this Agreement at any time for its convenience by giving the Customer written notice, or as the law allows.");

        RiskReport Review(LocalAnalystModel m, string side) => new ContractAnalyzer(new LocalAnalyst(m)).Analyze(document, playbook, new AnalysisOptions { ForParty = side });

        Assert.Contains(Review(model, "customer").Findings, f => f.Category == "Termination for Convenience" && f.ClausePath == "9");
        Assert.DoesNotContain(Review(model, "provider").Findings, f => f.Category == "Termination for Convenience");
        Assert.DoesNotContain(Review(plain, "customer").Findings, f => f.Category == "Termination for Convenience");
        Assert.DoesNotContain(Review(model.WithManifest(model.Manifest with { SideThreshold = 0.999f }), "customer").Findings, f => f.Category == "Termination for Convenience");
    }

    [Fact]
    public async Task WithSideWeights_FromTheKeyedContractsEveryClause_KeptByTheFile_OthersUnchanged()
    {
        Directory.CreateDirectory(_dir.File("contracts"));
        File.WriteAllText(_dir.File(Path.Combine("contracts", "supply.txt")), ReviewKeyTrainingSetTests.Contract);
        Directory.CreateDirectory(_dir.File("keys"));
        var key = _dir.Write(Path.Combine("keys", "answers.json"), ReviewKeyTrainingSetTests.Key);
        var reviewed = await new ReviewKeyTrainingSet(DocumentReaders.CreateDefault(), new ClauseSegmenter()).BuildAsync([key]);
        var plain = new LocalAnalystTrainer().TrainSinglePass(LocalAnalystTrainerTests.SyntheticClauses(), new LocalAnalystTrainingOptions { TrainedAt = DateTimeOffset.UnixEpoch });

        var sided = LocalAnalystTrainer.WithSideWeights(plain, reviewed, 0.6f);
        var path = _dir.File("model.zip");
        sided.Save(new Microsoft.ML.MLContext(seed: 1), path);
        var loaded = LocalAnalyst.Load(path);

        // The title, the preamble and clause 2 (Exclusivity, Non-Compete); clauses 1 and 3 belong to a risk spanning both.
        Assert.Equal(3, reviewed.Sided.Count);
        Assert.Equal([false, false, true], reviewed.Sided.Select(r => r.Labels[ClauseCategories.IndexOf("Exclusivity")]));
        Assert.Same(plain, LocalAnalystTrainer.WithSideWeights(plain, ReviewKeyLabelling.None));
        Assert.Null(new LocalAnalyst(plain).SideRisk);
        Assert.NotNull(loaded.SideRisk);
        Assert.Equal(0.6f, loaded.SideRiskThreshold);
        Assert.Equal(sided.SideCategories!.Select(c => c.Values), loaded.Model.SideCategories!.Select(c => c.Values));
        Assert.Equal(plain.Categories.Select(c => c.Values), loaded.Model.Categories.Select(c => c.Values));
        Assert.Contains("side weights (side-normalised word 1-2-grams, stance, role; SGD logistic regression) trained on 3 clauses of 1 contracts in 1 answer keys, used at p >= 0.6",
            loaded.Model.Manifest.Trainer, StringComparison.Ordinal);
        Assert.Equal(LocalAnalystManifest.DefaultSideThreshold, new LocalAnalyst(plain).SideRiskThreshold);
        // Severity weights beside them: the same clauses, labelled only with the risks keyed high or above.
        Assert.Equal(reviewed.Sided.Count, reviewed.Severe.Count);
        Assert.Equal([false, false, true], reviewed.Severe.Select(r => r.Labels[ClauseCategories.IndexOf("Exclusivity")]));
        Assert.NotNull(loaded.SeverityRisk);
        Assert.Equal(LocalAnalystManifest.DefaultSeverityThreshold, loaded.SeverityThreshold);
        Assert.Equal(sided.SeverityCategories!.Select(c => c.Values), loaded.Model.SeverityCategories!.Select(c => c.Values));
        Assert.Null(new LocalAnalyst(plain).SeverityRisk);
        // And critical weights, the same features labelled with the risks keyed critical (none in this key).
        Assert.Equal(reviewed.Sided.Count, reviewed.Critical.Count);
        Assert.All(reviewed.Critical, r => Assert.DoesNotContain(true, r.Labels));
        Assert.Same(reviewed.Severe[2].X, reviewed.Critical[2].X);
        Assert.NotNull(loaded.CriticalRisk);
        Assert.Equal(LocalAnalystManifest.DefaultCriticalThreshold, loaded.CriticalThreshold);
        Assert.Equal(sided.CriticalCategories!.Select(c => c.Values), loaded.Model.CriticalCategories!.Select(c => c.Values));
    }

    [Fact]
    public async Task SevereAndCriticalLabels_OnlyTheRisksKeyedAtThatSeverityOrAbove()
    {
        Directory.CreateDirectory(_dir.File("contracts"));
        File.WriteAllText(_dir.File(Path.Combine("contracts", "supply.txt")), ReviewKeyTrainingSetTests.Contract);
        Directory.CreateDirectory(_dir.File("keys"));
        var key = _dir.Write(Path.Combine("keys", "answers.json"), ReviewKeyTrainingSetTests.Key.Replace("\"minSeverity\": \"high\"", "\"minSeverity\": \"medium\"", StringComparison.Ordinal));

        var reviewed = await new ReviewKeyTrainingSet(DocumentReaders.CreateDefault(), new ClauseSegmenter()).BuildAsync([key]);

        Assert.Equal([false, false, true], reviewed.Sided.Select(r => r.Labels[ClauseCategories.IndexOf("Exclusivity")]));
        Assert.All(reviewed.Severe, r => Assert.DoesNotContain(true, r.Labels));

        var criticalKey = _dir.Write(Path.Combine("keys", "answers.json"), ReviewKeyTrainingSetTests.Key.Replace("\"minSeverity\": \"high\"", "\"minSeverity\": \"critical\"", StringComparison.Ordinal));
        var critical = await new ReviewKeyTrainingSet(DocumentReaders.CreateDefault(), new ClauseSegmenter()).BuildAsync([criticalKey]);
        Assert.Equal([false, false, true], critical.Severe.Select(r => r.Labels[ClauseCategories.IndexOf("Exclusivity")]));
        Assert.Equal([false, false, true], critical.Critical.Select(r => r.Labels[ClauseCategories.IndexOf("Exclusivity")]));
    }

    /// <summary>
    /// Forty keyed contracts reviewed for the customer or the provider: the other side's convenience termination is
    /// keyed, the side's own is not, and ordinary clauses are not.
    /// </summary>
    private static List<SideRiskRow> Rows(bool ours = false, bool byRole = false)
    {
        string[] verbs = ["terminate this Agreement", "end this Agreement", "bring this Agreement to an end", "cancel the Services"];
        string[] notices = ["thirty days' written notice", "one month's notice", "notice in writing", "sixty days' notice"];
        var rows = new List<SideRiskRow>();
        for (var c = 0; c < 40; c++)
        {
            var us = c % 2 == 0 ? "customer" : "provider";
            var (ourRole, theirRole) = us == "customer" ? ("Customer", "Provider") : ("Provider", "Customer");
            var features = new SideRiskFeatures(For(us), byRole);
            var tail = $"{verbs[c % verbs.Length]} for convenience on {notices[(c / 4) % notices.Length]}.";
            rows.Add(Row(features, $"The {theirRole} may {tail}", Favours.Them, true));
            rows.Add(Row(features, $"The {ourRole} may {tail}", Favours.Us, ours));
            rows.Add(Row(features, $"The {theirRole} shall invoice the fees monthly in arrears.", Favours.Unclear, false));
            rows.Add(Row(features, "This Agreement is governed by the law of England and Wales.", Favours.Unclear, false));
        }

        return rows;
    }

    private static SideRiskRow Row(SideRiskFeatures features, string text, Favours favours, bool convenience)
    {
        var labels = new bool[ClauseCategories.All.Count];
        labels[Convenience] = convenience;
        return new SideRiskRow(features.Of(text, null, favours), labels);
    }

    private static StoredDocument Document(string text)
    {
        var clauses = new ClauseSegmenter().Segment(text).Clauses.Select(c => new StoredClause(SqliteDocumentStore.ClauseIdFor("doc_s", c), c)).ToList();
        return new StoredDocument("doc_s", "s", "s.txt", "text/plain", 1, "hash", text, clauses);
    }
}
