using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A promise not to enforce intellectual property, read for who gives it and whom it shields.</summary>
public sealed class NonAssertsTests
{
    private static readonly ContractParty[] Parties = [new("Quarrell Imaging Ltd", "Licensor"), new("Fenwick Clinics Trust", "Licensee")];

    private static bool GivenUp(string side, string clause)
    {
        var clauses = StoredClauses.Of(("1.1 ¶1", "\"System\" means the imaging software described in Schedule 1."), ("9.2", clause));
        return NonAsserts.YoursGivenUp(clause, ReviewLens.For(ReviewSide.Resolve(Parties, side), clauses));
    }

    private const string LongSubject = "9.2 In return for the Licensor's support of the interfaces in clause 9.1, the Licensee undertakes that neither it nor any body it "
        + "controls (including Fenwick Research Ventures Limited and its nominees) will assert any patent or registered design against the Licensor or any of its customers in respect of the System.";

    [Fact]
    public void YoursGivenUp_ThePromisorIsTheOneThatUndertakes_NotThePartyNamedFirst()
    {
        Assert.True(GivenUp("licensee", LongSubject));
        Assert.False(GivenUp("licensor", LongSubject));
    }

    [Fact]
    public void YoursGivenUp_NeitherItNorItsAffiliatesWillBringAClaim() =>
        Assert.True(GivenUp("licensor", "9.2 The Licensor acknowledges that the System produces summaries and agrees that neither it nor any of its Affiliates "
            + "will bring, join or support any claim against the Licensee alleging that any such summary infringes any right of the Licensor."));

    [Fact]
    public void YoursGivenUp_AMutualPromiseOrOneThatIsNotAboutRights_Nothing()
    {
        Assert.False(GivenUp("licensee", "9.2 Each party agrees that it shall not assert any patent against the other party in respect of the System."));
        Assert.False(GivenUp("licensee", "9.2 The Licensee shall not bring any claim against the Licensor more than two years after the cause of action arose."));
    }

    [Fact]
    public void Apply_ReportsThePromiseAsCritical()
    {
        var clauses = StoredClauses.Of(("1.1 ¶1", "\"System\" means the imaging software described in Schedule 1."), ("9.2", LongSubject));
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "licensee"), clauses);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();
        var findings = NonAsserts.Apply([], PlaybookLoader.Load(RepositoryPaths.Playbook).RuleFor("Covenant Not to Sue"), clauses, texts,
            Enumerable.Range(0, clauses.Count).ToArray(), lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("Covenant Not to Sue", "9.2", Severity.Critical), (finding.Category, finding.ClausePath, finding.Severity));
        Assert.Contains(NonAsserts.Deviation, finding.Deviations);
    }
}
