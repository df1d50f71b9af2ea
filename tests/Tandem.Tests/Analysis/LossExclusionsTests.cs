using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>An exclusion read against whose things the excluded losses concern.</summary>
public sealed class LossExclusionsTests
{
    private static readonly ContractParty[] Parties = [new("Corvane Health Software Ltd", "Licensor"), new("Eastmere Hospitals Trust", "Licensee")];

    private static readonly (string, string)[] Contract =
    [
        ("1.1 ¶1", "\"System\" means the ward prescribing software described in Schedule 1."),
        ("1.1 ¶2", "\"Ward Output\" means any dose, alert or record produced by the System, whether or not accurate."),
        ("1.1 ¶3", "\"Output Claims\" means all claims and losses arising from any Ward Output."),
        ("1.1 ¶4", "\"Ward Data\" means the patient records of the Licensee."),
        ("1.1 ¶5", "\"Data Claims\" means all claims and losses arising from any loss of Ward Data."),
        ("2.1", "2.1 The Licensor grants to the Licensee a licence to use the System, and shall install the System at each ward."),
    ];

    private static IReadOnlyList<string> Excluded(string side, string clause)
    {
        var clauses = StoredClauses.Of([.. Contract, ("14.2", clause)]);
        return LossExclusions.TheirsExcluded(clause, ReviewLens.For(ReviewSide.Resolve(Parties, side), clauses)).Select(t => t.Term).ToList();
    }

    [Fact]
    public void TheirsExcluded_ClaimsFromTheOtherSidesProduct_ReadTwoDefinitionsDown() =>
        Assert.Equal(["Output Claims"], Excluded("licensee", "14.2 The Licensor shall have no liability, however arising, in respect of Output Claims."));

    [Fact]
    public void TheirsExcluded_ClaimsAboutYourOwnThings_Nothing() =>
        Assert.Empty(Excluded("licensee", "14.2 The Licensor shall have no liability in respect of Data Claims."));

    [Fact]
    public void TheirsExcluded_AnExclusionThatProtectsYou_Nothing()
    {
        Assert.Empty(Excluded("licensor", "14.2 The Licensor shall have no liability, however arising, in respect of Output Claims."));
        Assert.Empty(Excluded("licensee", "14.2 The Licensee shall have no liability in respect of Output Claims."));
    }

    [Fact]
    public void Apply_ReportsTheExclusionAsCritical()
    {
        var clauses = StoredClauses.Of([.. Contract, ("14.2", "14.2 The Licensor shall have no liability, however arising, in respect of Output Claims.")]);
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "licensee"), clauses);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();
        var findings = LossExclusions.Apply([], PlaybookLoader.Load(RepositoryPaths.Playbook).RuleFor("Cap on Liability"), clauses, texts,
            Enumerable.Range(0, clauses.Count).ToArray(), lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("Cap on Liability", "14.2", Severity.Critical), (finding.Category, finding.ClausePath, finding.Severity));
        Assert.Contains(LossExclusions.Deviation, finding.Deviations);
        Assert.Single(FindingConsistency.Resolve(findings).Kept);
    }

    private static string? DirectExcluded(string side, string definition, string exclusion)
    {
        var clauses = StoredClauses.Of([.. Contract, ("1.1 ¶6", definition), ("14.3", exclusion)]);
        return LossExclusions.DirectExcluded(exclusion, ReviewLens.For(ReviewSide.Resolve(Parties, side), clauses))?.Term.Term;
    }

    [Theory]
    [InlineData("\"Remote Loss\" means loss of profit, revenue or goodwill, the cost of running wards on paper, any extra agency nursing and any compensation paid to patients, in each case whether direct or indirect.")]
    [InlineData("\"Remote Loss\" means any indirect loss and, even where direct, the cost of running wards on paper and any extra agency nursing.")]
    public void DirectExcluded_AMutualExclusionReachingDirectLossesOfThisContract_IsRead(string definition)
    {
        const string Exclusion = "14.3 Neither party shall be liable to the other for any Remote Loss.";
        Assert.Equal("Remote Loss", DirectExcluded("licensee", definition, Exclusion));
    }

    [Theory]
    [InlineData("\"Remote Loss\" means loss of profit, revenue, goodwill or anticipated savings, and any loss of data, in each case whether direct or indirect.")] // the usual heads only
    [InlineData("\"Remote Loss\" means any indirect loss, the cost of running wards on paper and any extra agency nursing.")] // not reaching direct loss
    public void DirectExcluded_TheUsualHeadsOrIndirectLossOnly_NotRead(string definition) =>
        Assert.Null(DirectExcluded("licensee", definition, "14.3 Neither party shall be liable to the other for any Remote Loss."));

    [Fact]
    public void DirectExcluded_AnExclusionOnlyTheOtherSideCannotClaim_IsTheReviewedSidesOwn() =>
        Assert.Null(DirectExcluded("licensee",
            "\"Remote Loss\" means the cost of running wards on paper and any extra agency nursing, in each case whether direct or indirect.",
            "14.3 The Licensee shall have no liability to the Licensor for any Remote Loss."));

    [Theory]
    [InlineData("\"Remote Loss\" means loss of profit or goodwill, and loss of, or damage to, any medical equipment or other property on the wards, including by theft.")]
    [InlineData("\"Remote Loss\" means loss of revenue, the costs of re-entering, checking or restoring prescriptions, and any refunds to patients' insurers.")]
    public void DirectExcluded_HeadsDirectByTheirNature_ReadForTheSideThatReceives(string definition)
    {
        const string Exclusion = "14.3 Neither party shall in any circumstances be liable to the other for any Remote Loss.";
        Assert.Equal("Remote Loss", DirectExcluded("licensee", definition, Exclusion));
        // The licensor supplies the system: losses on the wards are not the ones a failure of its own performance leaves it with.
        Assert.Null(DirectExcluded("licensor", definition, Exclusion));
    }
}
