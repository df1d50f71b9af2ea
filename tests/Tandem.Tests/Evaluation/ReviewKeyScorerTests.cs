using Tandem.Analysis;
using Tandem.Evaluation;

namespace Tandem.Tests.Evaluation;

/// <summary>The answer-key scorer on reports made by hand: severity, category, path boundaries, missing protections, unexpected findings.</summary>
public sealed class ReviewKeyScorerTests
{
    private readonly ReviewKeyScorer _scorer = new();

    private static readonly ReviewKeyContract Key = new("msa.txt", "customer", "saas",
    [
        new ReviewKeyRisk("cap", "one-sided cap", ["12.2", "12.4"], ["Cap on Liability", "Uncapped Liability"], Severity.High),
        new ReviewKeyRisk("renewal", "auto renewal", ["1.2"], ["Renewal Term"], Severity.Medium),
    ], ["Audit Rights", "Insurance"], ["13.1"]);

    [Fact]
    public void Score_FindingAtRequiredSeverity_FoundAtSeverity()
    {
        var score = _scorer.Score(Key, Report([Finding("12.2", "Cap on Liability", Severity.High)]));

        var cap = score.Risks.Single(r => r.Id == "cap");
        Assert.True(cap.FoundAtSeverity);
        Assert.Equal(new ReviewMatch("12.2", "Cap on Liability", Severity.High), cap.Best);
        Assert.Equal((1, 1), (score.RisksAtSeverity, score.RisksFound));
    }

    [Fact]
    public void Score_FindingBelowRequiredSeverity_FoundButNotAtSeverity()
    {
        var score = _scorer.Score(Key, Report([Finding("12.4", "Uncapped Liability", Severity.Medium)]));

        var cap = score.Risks.Single(r => r.Id == "cap");
        Assert.True(cap.Found);
        Assert.False(cap.FoundAtSeverity);
        Assert.Equal((0, 1), (score.RisksAtSeverity, score.RisksFound));
    }

    [Fact]
    public void Score_SeveralFindingsOnTheRisk_TheMostSevereCounts()
    {
        var score = _scorer.Score(Key, Report(
        [
            Finding("12.2", "Cap on Liability", Severity.Low),
            Finding("12.4(a)", "Uncapped Liability", Severity.Critical),
            Finding("12.2", "Cap on Liability", Severity.Medium),
        ]));

        Assert.Equal(new ReviewMatch("12.4(a)", "Uncapped Liability", Severity.Critical), score.Risks.Single(r => r.Id == "cap").Best);
    }

    [Fact]
    public void Score_RightClauseWrongCategory_NotFoundAndNotUnexpected()
    {
        var score = _scorer.Score(Key, Report([Finding("12.2", "Insurance", Severity.Critical)]));

        Assert.Null(score.Risks.Single(r => r.Id == "cap").Best);
        Assert.Empty(score.Unexpected);
    }

    [Fact]
    public void Score_FindingOnClause1_20_DoesNotCountForKeyPath1_2()
    {
        var score = _scorer.Score(Key, Report([Finding("1.20", "Renewal Term", Severity.High)]));

        Assert.False(score.Risks.Single(r => r.Id == "renewal").Found);
        Assert.Equal([new UnexpectedFinding("1.20", "Renewal Term", Severity.High, false)], score.Unexpected);
    }

    [Fact]
    public void Score_FindingUnderKeyPath_CountsForTheRisk()
    {
        var score = _scorer.Score(Key, Report([Finding("1.2(b)(ii)", "Renewal Term", Severity.Medium)]));

        Assert.True(score.Risks.Single(r => r.Id == "renewal").FoundAtSeverity);
    }

    [Fact]
    public void Score_FindingCitingTheKeyedDefinition_CountsForTheRisk_AndIsNotUnexpected()
    {
        var royalty = Finding("6.1", "Renewal Term", Severity.High) with
        {
            Definitions = [new DefinedTerm("Renewal Period", "1.2", 10, 60, "\"Renewal Period\" means successive five-year periods.")],
        };
        var elsewhere = royalty with { ClausePath = "6.3", Definitions = [new DefinedTerm("Territory", "1.20", 70, 90, "\"Territory\" means Europe.")] };

        var score = _scorer.Score(Key, Report([royalty, elsewhere]));

        Assert.Equal(new ReviewMatch("6.1", "Renewal Term", Severity.High), score.Risks.Single(r => r.Id == "renewal").Best);
        Assert.Equal([new UnexpectedFinding("6.3", "Renewal Term", Severity.High, false)], score.Unexpected); // 1.20 is not under 1.2
    }

    [Fact]
    public void Score_FindingQuotingALeadInWithItsItems_CountsForTheItemItQuotes()
    {
        // "1.2 On expiry:" (chars 0-20) with "(a) … renews …" (20-60) and "(b) …" (60-90): the finding quotes all three.
        Tandem.Documents.Clause[] clauses =
        [
            new(0, "1.2", null, Tandem.Documents.ClauseKind.Section, 0, 20, "1.2 On expiry:"),
            new(1, "1.2(a)", null, Tandem.Documents.ClauseKind.Section, 20, 60, "(a) it renews"),
            new(2, "13.1(b)", null, Tandem.Documents.ClauseKind.Section, 60, 90, "(b) other"),
        ];
        var key = Key with { Risks = [new ReviewKeyRisk("renewal", "auto renewal", ["1.2(a)"], ["Renewal Term"], Severity.Medium)] };
        var finding = Finding("1.2", "Renewal Term", Severity.High) with { Start = 0, End = 90 };

        var score = _scorer.Score(key, Report([finding]), clauses);
        var withoutClauses = _scorer.Score(key, Report([finding]));

        Assert.True(score.Risks.Single().FoundAtSeverity);
        Assert.Empty(score.Unexpected);
        Assert.False(withoutClauses.Risks.Single().Found);
    }

    [Fact]
    public void Score_MissingProtections_FoundOnlyWhenTheReportListsThem()
    {
        var score = _scorer.Score(Key, Report([], [new MissingProtection("Audit Rights", Severity.Medium, null, null), new MissingProtection("Cap on Liability", Severity.High, null, null)]));

        Assert.Equal([new ReviewMissingScore("Audit Rights", true), new ReviewMissingScore("Insurance", false)], score.Missing);
        Assert.Equal(1, score.MissingFound);
        Assert.Equal(["Cap on Liability"], score.OtherMissing);
    }

    [Fact]
    public void Score_HighFindingsOffTheKey_AreUnexpectedAndOrdinaryClausesAreMarked()
    {
        var score = _scorer.Score(Key, Report(
        [
            Finding("13.1", "Governing Law", Severity.High),
            Finding("7.3", "IP Ownership Assignment", Severity.Critical),
            Finding("9.1", "Warranty Duration", Severity.Medium),
            Finding("12.2", "Cap on Liability", Severity.Critical),
        ]));

        Assert.Equal(
            [new UnexpectedFinding("13.1", "Governing Law", Severity.High, true), new UnexpectedFinding("7.3", "IP Ownership Assignment", Severity.Critical, false)],
            score.Unexpected);
    }

    [Theory]
    [InlineData("1.2", "1.2", true)]
    [InlineData("1.2", "1.2(a)", true)]
    [InlineData("1.2", "1.2.3", true)]
    [InlineData("1.2", "1.2#2", true)]
    [InlineData("1.2", "1.2 ¶2", true)]
    [InlineData("12.3(b)", "12.3(b)(ii)", true)]
    [InlineData("Exhibit A", "Exhibit A/(a)", true)]
    [InlineData("1.2", "1.20", false)]
    [InlineData("1.2", "1.2a", false)]
    [InlineData("1.2", "1.2~2", false)]
    [InlineData("1.2", "1", false)]
    [InlineData("Article 1", "Article 10", false)]
    public void Covers_PathBoundary_OnlyTheClauseAndWhatIsUnderIt(string keyPath, string clausePath, bool expected)
    {
        Assert.Equal(expected, ReviewKeyScorer.Covers(keyPath, clausePath));
    }

    [Fact]
    public void Score_MissedProtection_NamesTheReportsFindingsOfItAndWhomTheyFavour()
    {
        var theirs = Finding("7.1", "Audit Rights", Severity.Medium) with { Favours = Favours.Them };
        var mutual = Finding("7.2", "Audit Rights", Severity.Low) with { Favours = Favours.Both };
        var report = Report([theirs, mutual, Finding("12.2", "Cap on Liability", Severity.High)]) with { ContractKind = "hosting" };

        var score = _scorer.Score(Key, report);

        Assert.Equal(["7.1 (favours the other side)", "7.2 (mutual)"], score.Missing.Single(m => m.Category == "Audit Rights").ShownBy);
        Assert.Empty(score.Missing.Single(m => m.Category == "Insurance").ShownBy);
        Assert.Equal("hosting", score.ReviewedAs);
    }

    [Fact]
    public void MeetsTarget_TwoUnexpectedFindingsInOneContract_IsNotMet()
    {
        var clean = _scorer.Score(Key, Report([Finding("12.2", "Cap on Liability", Severity.High), Finding("1.2", "Renewal Term", Severity.Medium)], Missing("Audit Rights", "Insurance")));
        var noisy = _scorer.Score(Key, Report(
            [Finding("12.2", "Cap on Liability", Severity.High), Finding("1.2", "Renewal Term", Severity.Medium), Finding("3", "Non-Compete", Severity.High), Finding("4", "Exclusivity", Severity.High)],
            Missing("Audit Rights", "Insurance")));

        var mixed = new ReviewEvaluation("m", "p", [clean, noisy], TimeSpan.Zero);

        Assert.True(new ReviewEvaluation("m", "p", [clean, clean], TimeSpan.Zero).MeetsTarget);
        Assert.False(mixed.MeetsTarget);
        Assert.Equal((4, 4, 4, 4, 2), (mixed.Risks, mixed.RisksAtSeverity, mixed.Missing, mixed.MissingFound, mixed.Unexpected));
    }

    private static MissingProtection[] Missing(params string[] categories) => [.. categories.Select(c => new MissingProtection(c, Severity.Medium, null, null))];

    private static Finding Finding(string path, string category, Severity severity) =>
        new(category, severity, "cl_" + path, path, null, "quote", 0, 5, 1, null, [], 0.9);

    private static RiskReport Report(IReadOnlyList<Finding> findings, IReadOnlyList<MissingProtection>? missing = null) => new()
    {
        ReportId = "rpt_test",
        DocumentId = "doc",
        DocumentTitle = "msa",
        Source = "msa.txt",
        Version = 1,
        ContentHash = "hash",
        Playbook = "p 1",
        Model = "m",
        CreatedAt = DateTimeOffset.UnixEpoch,
        ClauseCount = 10,
        Findings = findings,
        MissingProtections = missing ?? [],
    };
}
