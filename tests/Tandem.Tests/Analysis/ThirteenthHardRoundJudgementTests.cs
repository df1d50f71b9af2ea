using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// What dev304's unexpected highs and the thirteenth hard blind round (dev308–dev311) showed the shipped playbook getting
/// wrong, on clauses written here: an indemnity limited to injury the indemnifier's own negligence causes read as reaching the
/// other side's fault, prices fixed for each period read as frozen, a fee rise that only follows scope the other side adds read
/// as a unilateral price change, a licence that continues after the end for as long as the other side wishes, and a defined
/// quantity to be taken and paid for each year.
/// </summary>
public sealed class ThirteenthHardRoundJudgementTests
{
    private static readonly Playbook Shipped = PlaybookLoader.Load(RepositoryPaths.Playbook);
    private static readonly ContractParty[] ContractorClient = [new("Harlow Facilities Ltd", "Contractor"), new("Ebbsfleet Hospital Trust", "Client")];
    private static readonly ContractParty[] SupplierBuyer = [new("Orrin Roasters Ltd", "Supplier"), new("Tavish Cafés plc", "Buyer")];
    private static readonly ContractParty[] LicensorLicensee = [new("Quillon Code Ltd", "Licensor"), new("Harbour Mutual plc", "Licensee")];

    private static Finding Judge(ContractParty[] parties, string category, string side, string path, params (string Path, string Text)[] pieces) =>
        ShippedJudgement.Of(category, parties, side, StoredClauses.Of(pieces), path);

    [Fact]
    public void Judge_AnIndemnityForInjuryYourOwnNegligenceCauses_DoesNotReachTheirFault()
    {
        const string clause = "12.1 The Contractor shall indemnify the Client against all claims, losses and costs arising from any death or personal injury caused by the negligence or breach of this Agreement of the Contractor or its staff.";
        var finding = Judge(ContractorClient, "Uncapped Liability", "contractor", "12.1", ("12.1", clause));
        Assert.DoesNotContain("Your indemnity covers the other side's own fault", finding.Deviations);
        Assert.DoesNotContain("No cap in the contract protects you from your indemnity", finding.Deviations);
        Assert.DoesNotContain("Uncapped for ordinary breach", finding.Deviations);
    }

    [Fact]
    public void Judge_AnIndemnityThatReachesTheirNegligence_StillDoes()
    {
        const string clause = "12.1 The Contractor shall indemnify the Client against all claims, losses and costs arising from any death or personal injury caused in whole or in part by the negligence of the Client.";
        Assert.Contains("Your indemnity covers the other side's own fault", Judge(ContractorClient, "Uncapped Liability", "contractor", "12.1", ("12.1", clause)).Deviations);
    }

    [Fact]
    public void Judge_PricesFixedForEachPeriodOfSixMonths_NoFreezeForTheSeller()
    {
        const string clause = "5.1 The Prices are fixed for each period of six months beginning on 1 January or 1 July.";
        Assert.DoesNotContain("Prices frozen or cut for you as the seller", Judge(SupplierBuyer, "Price Restrictions", "supplier", "5.1", ("5.1", clause)).Deviations);
        // A freeze for the whole term still is one.
        Assert.Contains("Prices frozen or cut for you as the seller",
            Judge(SupplierBuyer, "Price Restrictions", "supplier", "5.1", ("5.1", "5.1 The Prices are fixed for the whole of the Term and shall not be increased.")).Deviations);
    }

    [Theory]
    [InlineData("4.1 The Client may add wards to the Premises by written notice. The Charges shall be increased for any such addition by the amount determined in accordance with the rates in Schedule 2.")]
    [InlineData("4.1 The Client may add wards to Schedule 1 on 30 days' notice, and the Charges shall be increased at the rates set out in Schedule 2.")]
    public void Judge_AFeeThatRisesOnlyWithScopeTheOtherSideAdds_NoUnilateralChange(string clause) =>
        Assert.DoesNotContain("Unilateral price changes by the other side", Judge(ContractorClient, "Price Restrictions", "contractor", "4.1", ("4.1", clause)).Deviations);

    [Theory]
    [InlineData("8.3 The licence in clause 8.1 shall continue notwithstanding the termination of this Agreement for any reason, and the Licensor shall have no right to bring it to an end.")]
    [InlineData("8.3 On the ending of this Agreement for any reason, the licence in clause 8.1 shall continue, without further fee, for as long as the Licensee continues to offer the App to its members.")]
    public void Judge_ALicenceThatContinuesAfterTheEndAtTheirWill_CriticalForTheLicensor(string clause)
    {
        Assert.True(Shipped.RuleFor("Irrevocable or Perpetual License")!.Detects(clause));
        var finding = Judge(LicensorLicensee, "Irrevocable or Perpetual License", "licensor", "8.3",
            ("8.1", "8.1 The Licensor grants the Licensee a non-exclusive licence to use the App in its business."), ("8.3", clause));
        Assert.Equal(Severity.Critical, finding.Severity);
    }

    [Fact]
    public void Judge_ADefinedQuantityTakenAndPaidForEachYear_HighForTheBuyer()
    {
        const string clause = "4.2 The Buyer shall take and pay for the Annual Contract Tonnage in each Contract Year by means of Call-Offs.";
        Assert.True(Shipped.RuleFor("Minimum Commitment")!.Detects(clause));
        var finding = Judge(SupplierBuyer, "Minimum Commitment", "buyer", "4.2", ("4.2", clause));
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("Minimum commitment binds you", finding.Deviations);
        // Goods ordered are no commitment.
        Assert.False(Shipped.RuleFor("Minimum Commitment")!.Detects("4.2 The Buyer shall take and pay for the Goods it orders."));
    }
}
