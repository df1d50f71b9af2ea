using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// What the eleventh hard blind round (dev300–dev303) showed the shipped playbook missing, on clauses written here: a cap worded
/// "shall not be more than", a perpetual licence the reviewed side grants in a clause that opens with its own right, and a
/// duty to take everything of a kind from the other side, stated outright, as "all the work" placed with it, or through a
/// defined term.
/// </summary>
public sealed class EleventhHardRoundJudgementTests
{
    private static readonly Playbook Shipped = PlaybookLoader.Load(RepositoryPaths.Playbook);
    private static readonly ContractParty[] ConsultantClient = [new("Orrin Code Ltd", "Consultant"), new("Tavish Insurance plc", "Client")];
    private static readonly ContractParty[] SupplierBuyer = [new("Orrin Mills Ltd", "Supplier"), new("Tavish Foods plc", "Buyer")];

    private static Finding Judge(ContractParty[] parties, string category, string side, string path, params (string Path, string Text)[] pieces) =>
        ShippedJudgement.Of(category, parties, side, StoredClauses.Of(pieces), path);

    [Theory]
    [InlineData("12.3 The total liability of each party under this Agreement in each Contract Year shall not be more than the Charges paid in the three months before the claim.")]
    [InlineData("12.3 The aggregate liability of the Supplier shall not in the aggregate exceed the Charges paid in the two months before the claim.")]
    public void Detect_ACapWordedAsNotMoreThan_IsFoundByItsWords(string clause)
    {
        var rule = Shipped.RuleFor("Cap on Liability")!;
        Assert.True(rule.Detects(clause));
        Assert.Contains(Judge(SupplierBuyer, "Cap on Liability", "buyer", "12.3", ("12.3", clause)).Deviations, d => d.StartsWith("Cap below twelve months", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_APerpetualLicenceYouGrantAfterARightOfYourOwn_Critical()
    {
        const string clause = "10.2 The Consultant may use its own libraries in performing the Services. To the extent any of them is needed to run a Deliverable, the Consultant grants to each member of the Client Group a perpetual, irrevocable and royalty-free licence to use and modify it for any purpose.";

        var forConsultant = Judge(ConsultantClient, "Irrevocable or Perpetual License", "consultant", "10.2", ("10.2", clause));
        Assert.Equal(Severity.Critical, forConsultant.Severity);
        Assert.Contains("You grant a perpetual licence, by name", forConsultant.Deviations);
        // For the client it is a licence it receives.
        Assert.DoesNotContain("You grant a perpetual licence, by name", Judge(ConsultantClient, "Irrevocable or Perpetual License", "client", "10.2", ("10.2", clause)).Deviations);
    }

    [Theory]
    [InlineData("3.1 The Buyer shall obtain its entire requirement of chilled sauces for its restaurants from the Supplier during the Term.")]
    [InlineData("3.1 The Buyer shall place with the Supplier all Catering Orders for its restaurants, and the Supplier shall accept each of them.")]
    public void Judge_YouMustTakeAllYouNeedFromTheOtherSide_High(string clause)
    {
        Assert.True(Shipped.RuleFor("Exclusivity")!.Detects(clause));
        var finding = Judge(SupplierBuyer, "Exclusivity", "buyer", "3.1", ("3.1", clause));
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("You must take all you need of it from the other side", finding.Deviations);
        Assert.DoesNotContain("You must take all you need of it from the other side", Judge(SupplierBuyer, "Exclusivity", "supplier", "3.1", ("3.1", clause)).Deviations);
    }

    [Fact]
    public void Judge_ADefinedTermThatIsTheWholeOfYourNeeds_High()
    {
        (string, string)[] pieces =
        [
            ("1.1", "1.1 \"Sauce Needs\" means the whole of the requirements of the Buyer and its Affiliates for chilled sauces in the United Kingdom."),
            ("3.1", "3.1 The Supplier shall supply and the Buyer shall purchase the Sauce Needs from the Supplier on these terms."),
        ];
        var lens = ReviewLens.For(ReviewSide.Resolve(SupplierBuyer, "buyer"), StoredClauses.Of(pieces));
        Assert.True(Shipped.RuleFor("Exclusivity")!.DetectsWithDefinitions(lens.Definitions.Read(pieces[1].Item2)));

        var finding = Judge(SupplierBuyer, "Exclusivity", "buyer", "3.1", pieces);
        Assert.Contains("You must take all you need of it from the other side", finding.Deviations);
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Judge_TheOtherSidesLiabilityForYourGoodsByWeight_Critical()
    {
        const string clause = "11.3 The Supplier's liability for loss of or damage to Goods held in its store shall be calculated at £2.50 per kilogram gross weight of the Goods lost.";
        Assert.True(Shipped.RuleFor("Cap on Liability")!.Detects(clause));

        var finding = Judge(SupplierBuyer, "Cap on Liability", "buyer", "11.3", ("11.3", clause));
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("The other side's liability for your goods is a rate by weight or by unit", finding.Deviations);
        Assert.DoesNotContain("The other side's liability for your goods is a rate by weight or by unit", Judge(SupplierBuyer, "Cap on Liability", "supplier", "11.3", ("11.3", clause)).Deviations);
    }
}
