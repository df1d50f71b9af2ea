using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A carve-out from the cap read against whose indemnities it reaches, however either is worded.</summary>
public sealed class IndemnityCarveOutsTests
{
    private static readonly ContractParty[] Parties = [new("Orrin Cloud Ltd", "Provider"), new("Tavish Retail plc", "Customer")];

    private static IReadOnlyList<string> Reached(string side, string carveOut, params (string Path, string Text)[] others)
    {
        var clauses = StoredClauses.Of([.. others, ("13.3", carveOut)]);
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, side), clauses);
        return IndemnityCarveOuts.YoursOnly(carveOut, lens, clauses.Select(c => c.Clause.Text).ToList());
    }

    private static readonly (string, string)[] CustomerIndemnifies =
    [
        ("12.1", "12.1 The Customer shall indemnify the Provider against all losses arising out of any claim that the Customer Data infringes the rights of any person."),
        ("13.1", "13.1 Neither party shall be liable for any indirect loss."),
        ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid in the preceding three months."),
    ];

    [Theory]
    [InlineData("13.3 Nothing in clause 13.1 or clause 13.2 limits either party's liability under clause 12.1 or to pay Fees due.")]
    [InlineData("13.3 The limits in clauses 13.1 and 13.2 do not apply to a party's liability under clause 12.1.")]
    [InlineData("13.3 Nothing in this Agreement limits or excludes any liability: (c) of a party under clause 12 (Indemnities); or")]
    public void YoursOnly_ACarveOutReachingOnlyTheIndemnityYouGive_NamesIt(string carveOut)
    {
        Assert.NotEmpty(Reached("customer", carveOut, CustomerIndemnifies));
        Assert.Empty(Reached("provider", carveOut, CustomerIndemnifies)); // for the provider, the unlimited indemnity is the one it receives
    }

    [Fact]
    public void YoursOnly_BothSidesIndemnifyUnderTheNamedClause_Nothing() =>
        Assert.Empty(Reached("customer", "13.3 Nothing in clause 13.2 limits either party's liability under clause 12.",
            ("12.1", "12.1 The Customer shall indemnify the Provider against any claim relating to the Customer Data."),
            ("12.2", "12.2 The Provider shall indemnify the Customer against any claim that the Platform infringes a third party's rights.")));

    [Fact]
    public void YoursOnly_AnExceptionToAnIndemnity_IsNoCarveOutFromTheCap() =>
        Assert.Empty(Reached("customer", "13.3 Clause 12.1 does not apply to any claim arising from the Provider's own modifications.", CustomerIndemnifies));

    [Fact]
    public void YoursOnly_AnyIndemnityInTheAgreement_ReadsEveryIndemnity()
    {
        Assert.Equal(["any indemnity in this Agreement"],
            Reached("customer", "13.3 The limit in clause 13.2 shall not apply to any amount payable under an indemnity in this Agreement.", CustomerIndemnifies));
    }

    [Fact]
    public void YoursOnly_AWarrantyAndIndemnityInOneSentence_CountsAsYours() =>
        Assert.Equal(["clause 9"], Reached("customer", "13.3 The limits in clause 13.2 do not apply to either party's liability under clause 9.",
            ("9.1", "9.1 The Customer warrants that the Customer Data may lawfully be processed, and shall indemnify the Provider against any breach of this warranty."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid.")));

    [Fact]
    public void Analyze_TheCarveOutClause_ReportedAsCriticalUncappedLiability()
    {
        var clauses = StoredClauses.Of([.. CustomerIndemnifies, ("13.3", "13.3 Nothing in clause 13.1 or clause 13.2 limits either party's liability under clause 12.1.")]);
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "customer"), clauses);
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();
        var leadIns = Enumerable.Range(0, clauses.Count).ToArray();

        var findings = IndemnityCarveOuts.Apply([], playbook.RuleFor("Uncapped Liability"), clauses, texts, leadIns, lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("Uncapped Liability", "13.3", Severity.Critical), (finding.Category, finding.ClausePath, finding.Severity));
        Assert.Contains(IndemnityCarveOuts.Deviation, finding.Deviations);
        Assert.Contains("clause 12.1", finding.Rationale, StringComparison.Ordinal);
        Assert.Single(FindingConsistency.Resolve(findings).Kept);
    }
}
