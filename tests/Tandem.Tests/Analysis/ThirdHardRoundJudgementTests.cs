using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// What the third hard blind round (dev268–dev271) showed the review missing, each on clauses written here and judged by the
/// shipped playbook with the contract's definitions and numbered clauses read in, as <c>analyze</c> reads them: exits on the
/// other side's own opinion, warranties spent by acceptance within hours, exits defined around one side only, a lower price
/// owed to the other side, carve-outs that lift a cap for what only the reviewed side gives, and definitions that empty a
/// sole appointment or a mutual exclusion.
/// </summary>
public sealed class ThirdHardRoundJudgementTests
{
    private static readonly ContractParty[] ProviderCustomer = [new("Orrin Systems Ltd", "Provider"), new("Tavish Retail plc", "Customer")];
    private static readonly ContractParty[] SupplierBuyer = [new("Orrin Mills Ltd", "Supplier"), new("Tavish Foods plc", "Buyer")];
    private static readonly ContractParty[] LicensorLicensee = [new("Orrin Labs Ltd", "Licensor"), new("Tavish Optics plc", "Licensee")];
    private static readonly ContractParty[] ManufacturerDistributor = [new("Orrin Bikes BV", "Manufacturer"), new("Tavish Cycles Ltd", "Distributor")];

    private static Finding Judge(ContractParty[] parties, string category, string side, string path, params (string Path, string Text)[] pieces) =>
        ShippedJudgement.Of(category, parties, side, StoredClauses.Of(pieces), path);

    [Theory]
    [InlineData("16.3 The Licensee shall review sales at the end of each Contract Year. If the Licensee considers that the Licensed Products are no longer commercially viable, it may bring this Agreement to an end by giving the Licensor six months' written notice.")]
    [InlineData("17.3 If the Licensee reasonably determines that the Licensed Products no longer meet its needs, including because of changes in its priorities, it may bring this Agreement to an end on 30 days' notice.")]
    public void Resolve_AnExitOnceTheOtherSideConsidersTheDealNoLongerViable_KeptAsAConvenienceExit(string clause)
    {
        var finding = Judge(LicensorLicensee, "Termination for Convenience", "licensor", "1", ("1", clause));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Single(FindingConsistency.Resolve([finding]).Kept);
    }

    [Fact]
    public void Resolve_AnExitWhenTheOtherSideIsNoLongerSolvent_IsNoConvenienceExit()
    {
        const string clause = "16.3 If the Licensee considers that the Licensor is no longer able to pay its debts, it may bring this Agreement to an end by giving written notice.";
        var finding = new Finding("Termination for Convenience", Severity.High, "c1", "16.3", null, clause, 0, clause.Length, 1, null, [], 0.9);

        Assert.Empty(FindingConsistency.Resolve([finding]).Kept);
    }

    [Theory]
    [InlineData("8.4 Goods not rejected within 36 hours of delivery shall be deemed accepted, and on acceptance the Supplier's obligations under clause 9.1 shall be treated as performed in full.", true)]
    [InlineData("8.2 The Buyer shall be treated as having accepted the Goods as conforming with clause 8.1 unless it notifies the Supplier of any defect within six hours after unloading, and after that time the Supplier shall have no liability for any defect, whether or not apparent on delivery.", true)]
    [InlineData("8.4 Goods not rejected within 30 days of delivery shall be deemed accepted, without prejudice to the warranty in clause 9.1.", false)]
    public void Judge_AcceptanceWithinHoursSpendsTheWarranty_High(string clause, bool deviates)
    {
        var finding = Judge(SupplierBuyer, "Warranty Duration", "buyer", "1", ("1", clause));

        Assert.Equal(deviates, finding.Deviations.Contains("Acceptance within hours ends the warranty"));
        if (deviates)
        {
            Assert.Equal(Severity.High, finding.Severity);
        }
    }

    [Theory]
    [InlineData("\"Change of Control\" means, in relation to the Customer, any person acquiring control of the Customer, or the Customer disposing of more than a quarter of its stores.", true)]
    [InlineData("\"Change of Control\" means, in relation to the Customer, any person acquiring control of the Customer; and in relation to the Provider, any person acquiring control of the Provider.", false)]
    [InlineData("\"Change of Control\" means, in relation to the Customer, any person acquiring control of the Customer; and in relation to the Provider, any person acquiring control of the Provider, other than a person whose business includes the supply of software.", true)]
    public void Judge_AMutualExitOnAChangeOfControlDefinedForYouAlone_High(string definition, bool oneSided)
    {
        var finding = Judge(ProviderCustomer, "Change of Control", "customer", "15.3",
            ("1.1", "1.1 " + definition),
            ("15.3", "15.3 Either party may terminate this Agreement by giving not less than thirty days' written notice if the other party undergoes a Change of Control."));

        Assert.Equal(oneSided, finding.Deviations.Contains("A mutual change-of-control exit whose definition spares the other side"));
    }

    [Fact]
    public void Judge_TheContractEndsWhenSomeoneBuysAThirdOfYourShares_High()
    {
        var finding = Judge(LicensorLicensee, "Change of Control", "licensee", "11.2",
            ("11.2", "11.2 The licence shall terminate automatically if any person acquires, directly or indirectly, more than one third of the voting shares of the Licensee."));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("The contract ends by itself if you change hands", finding.Deviations);
    }

    [Fact]
    public void Judge_ALowerPriceYouGiveAnyoneElseReducesTheOtherSidesPrice_AnMfnYouGive()
    {
        var finding = Judge(LicensorLicensee, "Most Favored Nation", "licensor", "10.4",
            ("10.4", "10.4 If the Licensor at any time grants any other licensee a lower royalty rate, the royalty payable by the Licensee shall be reduced to match for the rest of the Term."));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("The lower price you give anyone else is owed to the other side too", finding.Deviations);
    }

    [Fact]
    public void Judge_HoweverTheAgreementEndsYouMustBuyBack_KeptAsAPostTerminationDuty()
    {
        var finding = Judge(LicensorLicensee, "Post-Termination Services", "licensor", "19.3",
            ("19.3", "19.3 However this Agreement ends, the Licensor shall, if the Licensee asks, buy all unsold stock at cost and shall continue to make the design portal available to the Licensee free of charge for six months."));

        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Single(FindingConsistency.Resolve([finding]).Kept);
    }

    [Theory]
    [InlineData("12.3 The Provider may change the onboarding process at any time without notice.")]
    [InlineData("3.1 The Customer may add a store to the Services on 30 days' written notice, and the Fees shall be increased in accordance with Schedule 3 from the date that store goes live.")]
    public void Judge_AChangeThatNamesNoPriceOrARiseTheOtherSidePays_NoUnilateralPriceChange(string clause)
    {
        var provider = Judge(ProviderCustomer, "Price Restrictions", clause.StartsWith("3.1", StringComparison.Ordinal) ? "provider" : "customer", "1", ("1", clause));

        Assert.DoesNotContain("Unilateral price changes by the other side", provider.Deviations);
        Assert.True(provider.Severity < Severity.High);
    }

    [Fact]
    public void Judge_ExtraWorkTheOtherSideImposesOnNotice_High()
    {
        var finding = Judge(ProviderCustomer, "Price Restrictions", "customer", "8.3",
            ("8.3", "8.3 A Change requested by the Customer takes effect only when agreed in writing. A Change needed because an Assumption was wrong shall take effect on notice from the Provider, and the Provider may carry out the additional work without further agreement."));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Judge_ACapLiftedForAnyWarrantyOrIndemnityInALongClause_ReadsTheSubClauseThatGivesIt()
    {
        // Clause 9 runs past what is read of one reference; the warranty and indemnity the carve-out names sit at its end.
        var filler = " The parties shall record every invention in the project notebook, and each notebook entry shall be signed and dated by the researcher who made it and countersigned by a second researcher.";
        var finding = Judge(LicensorLicensee, "Uncapped Liability", "licensor", "13.4",
            ("9.1", "9.1 Each party shall own its Background IP." + filler),
            ("9.2", "9.2 The Results shall be owned by the party that generates them." + filler),
            ("9.3", "9.3 Each party shall notify the other of any Result promptly." + filler),
            ("9.4", "9.4 Patent applications shall be filed by the owning party." + filler),
            ("9.5", "9.5 Joint Results shall be owned jointly." + filler),
            ("9.6", "9.6 Neither party shall publish Results without the other's consent." + filler),
            ("9.7", "9.7 The Licensor warrants that the use of the Results will not infringe the rights of any third party, and shall indemnify the Licensee against any loss arising from a breach of this warranty."),
            ("13.2", "13.2 Each party's total liability under this Agreement is limited to the fees paid."),
            ("13.4", "13.4 The limits in clause 13.2 do not apply to either party's liability under any warranty or indemnity in clause 9."));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("The cap does not reach the indemnities you give", finding.Deviations);
    }

    [Fact]
    public void Judge_ACapThatDoesNotApplyToAmountsUnderAnIndemnityOnlyYouGive_Critical()
    {
        var finding = Judge(SupplierBuyer, "Uncapped Liability", "supplier", "15.3",
            ("14.1", "14.1 The Supplier shall indemnify the Buyer against all losses arising from any failure of the Goods to conform to the Specification."),
            ("15.2", "15.2 Each party's total liability in any year shall not exceed the Price paid in that year."),
            ("15.3", "15.3 The limit in clause 15.2 shall not apply to (a) any amount payable under an indemnity in this Agreement, or (b) any breach of clause 11."));

        Assert.Equal(Severity.Critical, finding.Severity);
    }

    [Theory]
    [InlineData("\"Excluded Losses\" means loss of profit, damage to reputation and wasted expenditure (including expenditure on Activation).", true)]
    [InlineData("\"Excluded Losses\" means loss of profit and any indirect or consequential loss.", false)]
    public void Judge_AMutualExclusionOfLossesOnlyTheSponsorSuffers_Critical(string definition, bool critical)
    {
        ContractParty[] parties = [new("Orrin Events Ltd", "Organiser"), new("Tavish Drinks plc", "Sponsor")];
        var finding = Judge(parties, "Cap on Liability", "sponsor", "13.1",
            ("1.1", "1.1 " + definition),
            ("13.1", "13.1 Neither party is liable to the other for any Excluded Losses, whether arising in contract, tort or otherwise."));

        Assert.Equal(critical, finding.Severity == Severity.Critical);
    }

    [Fact]
    public void Judge_ASoleAppointmentSaveForDefinedAccountsTheOtherSideKeeps_High()
    {
        var finding = Judge(ManufacturerDistributor, "Exclusivity", "distributor", "2.1",
            ("1.1", "1.1 \"Retained Accounts\" means sales through the Manufacturer's own website, and any retailer group with more than five outlets."),
            ("2.1", "2.1 The Manufacturer appoints the Distributor as its sole distributor of the Products in the Territory, save in respect of the Retained Accounts."));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("Your sole appointment carves out the sales that matter", finding.Deviations);
    }

    [Fact]
    public void Judge_AChargeOnTheShortfallBelowATarget_AMinimumCommitment()
    {
        var finding = Judge(ManufacturerDistributor, "Minimum Commitment", "distributor", "7.3",
            ("7.3", "7.3 If the Distributor's purchases in any Year fall below the Annual Target, the Distributor shall pay the Manufacturer a market support charge equal to 20% of the amount by which its purchases fall short."));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Judge_AfterTheEndTheOtherSideMayTakeYourStockAtHalfItsPrice_AndYouServiceItForYears()
    {
        var stock = Judge(ManufacturerDistributor, "Post-Termination Services", "distributor", "17.2",
            ("17.2", "17.2 The Manufacturer may, by notice within thirty (30) days after the ending of this Agreement, purchase all or part of the Distributor's stock of Products at fifty per cent (50%) of the net invoice price paid by the Distributor."));
        var service = Judge(ManufacturerDistributor, "Post-Termination Services", "distributor", "17.3",
            ("17.3", "17.3 For twenty-four (24) months after the ending of this Agreement the Distributor shall continue, at its own cost, to provide spare parts and repairs to end customers."));

        Assert.Equal(Severity.High, stock.Severity);
        Assert.Single(FindingConsistency.Resolve([stock]).Kept);
        Assert.Equal(Severity.Medium, service.Severity);
        Assert.Contains("After-sales service you must keep giving at your own cost after the end", service.Deviations);
    }

    [Fact]
    public void Resolve_TheRestOfAMinimumHirePeriodChargedAsIfStillOnHire_KeptAsACommitment()
    {
        const string clause = "4.3 If the Hirer off-hires any item before the end of its Minimum Hire Period, the Hirer shall pay the Hire Rate for the remainder of the Minimum Hire Period as if the item had remained on hire.";
        var finding = new Finding("Minimum Commitment", Severity.High, "c1", "4.3", null, clause, 0, clause.Length, 1, null, [], 0.9);

        Assert.Single(FindingConsistency.Resolve([finding]).Kept);
    }

    [Fact]
    public void Judge_TheOtherSideMayRemovePartsOfTheScopeOnNotice_AConvenienceExit()
    {
        var finding = Judge(ProviderCustomer, "Termination for Convenience", "provider", "5.2",
            ("5.2", "5.2 The Customer may, by not less than thirty (30) days' notice to the Provider, remove any site or any part of the Services from the scope of this Agreement, and the Charges shall be reduced in proportion."));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Single(FindingConsistency.Resolve([finding]).Kept);
    }

    [Fact]
    public void Judge_TheRentFromEachReviewDateIsTheGreatestOf_UpwardOnly()
    {
        ContractParty[] parties = [new("Orrin Estates Ltd", "Landlord"), new("Tavish Analytics Ltd", "Tenant")];
        var finding = Judge(parties, "Price Restrictions", "tenant", "Schedule 2/2",
            ("Schedule 2/2", "2. The Annual Rent payable from each Review Date shall be the greatest of:"));

        Assert.Contains("An upward-only review", finding.Deviations);
    }

    [Fact]
    public void Judge_TheOtherSideMayExcuseTheGuaranteedMinimumByItsOwnDetermination_High()
    {
        var finding = Judge(LicensorLicensee, "Minimum Commitment", "licensor", "Schedule 2/3",
            ("Schedule 2/3", "3. The Guaranteed Minimum Royalty is £90,000 for each Contract Year, payable to the extent that royalties earned fall short; provided that for any Contract Year in which sales are reduced by market conditions, as reasonably determined by the Licensee, the Guaranteed Minimum Royalty for that year shall be reduced to the royalties actually earned."));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("The minimum owed to you falls away on the other side's own determination", finding.Deviations);
    }

    [Fact]
    public void Judge_AFeeOnABaseDefinedToLeaveOutMostIncome_High()
    {
        ContractParty[] parties = [new("Orrin Fitness Ltd", "Franchisor"), new("Tavish Gyms Ltd", "Franchisee")];
        var finding = Judge(parties, "Revenue/Profit Sharing", "franchisor", "8.2",
            ("1.1", "1.1 \"Gross Takings\" means all sums received by the Franchisee from the Studio, excluding: VAT; the first two months of any membership; personal training fees; retail sales; and sums received through any booking platform."),
            ("8.2", "8.2 The Franchisee shall pay a Continuing Fee of 6 per cent of Gross Takings for each month."));

        Assert.Contains("Your share is taken on a base defined to leave out much of the revenue", finding.Deviations);
    }

    [Fact]
    public void Judge_DevelopmentsOfYourMaterialsDefinedToBelongToTheOtherSide_High()
    {
        ContractParty[] parties = [new("Orrin Fitness Ltd", "Franchisor"), new("Tavish Gyms Ltd", "Franchisee")];
        var finding = Judge(parties, "IP Ownership Assignment", "franchisor", "11.2",
            ("1.1", "1.1 \"Local Works\" means all class formats and materials created by the Franchisee, including any adaptation or development of the Brand Materials."),
            ("11.2", "11.2 All rights in the Local Works belong to the Franchisee."));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Judge_NothingLimitsLiabilityForDeathFraudOrUnderAnyIndemnity_OnlyYouIndemnify_Critical()
    {
        ContractParty[] parties = [new("Orrin Analytics Ltd", "Consultant"), new("Tavish Health plc", "Client")];
        var finding = Judge(parties, "Uncapped Liability", "consultant", "14.3",
            ("8.4", "8.4 The Consultant shall indemnify the Client against all losses arising from any Data Incident."),
            ("14.3", "14.3 Nothing in this clause 14 limits liability for death or personal injury caused by negligence, for fraud, under any indemnity in this Agreement, or for breach of clause 8."));

        Assert.Equal(Severity.Critical, finding.Severity);
    }

    [Theory]
    [InlineData("\"Control Event\" means any person acquiring control (within the meaning of section 1124 of the Corporation Tax Act 2010) of the Customer, or any disposal of the Customer's stores.", true)]
    [InlineData("\"Control Event\" means any person acquiring control of the Customer or of the Provider.", false)]
    public void Judge_AnExitAfterADefinedEventThatOnlyYourChangeOfControlCanBe_High(string definition, bool oneSided)
    {
        var finding = Judge(ProviderCustomer, "Change of Control", "customer", "18.2",
            ("1.1", "1.1 " + definition),
            ("18.2", "18.2 Either party may terminate this Agreement by written notice with immediate effect on or within 6 months after the occurrence of a Control Event."));

        Assert.Equal(oneSided, finding.Deviations.Contains("A mutual change-of-control exit whose definition spares the other side"));
    }
}
