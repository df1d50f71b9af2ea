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
    public void YoursOnly_NeitherPartysLiabilitySubjectToTheCap_ReadsTheNamedIndemnity() =>
        Assert.Equal(["clause 12.1"], Reached("customer",
            "13.3 Neither party's liability under the indemnity in clause 12.1 or for breach of clause 4.2 shall be subject to clause 13.1 or clause 13.2.", CustomerIndemnifies));

    [Fact]
    public void YoursOnly_ANamedKindOfLoss_ReachesTheIndemnitiesAgainstIt()
    {
        (string, string)[] contract =
        [
            ("1.1", "\"Billing Error Losses\" means all losses arising from any invoice being wrong."),
            ("12.1", "12.1 The Provider shall indemnify the Customer against all Billing Error Losses."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid."),
        ];
        const string CarveOut = "13.3 Nothing in clause 13.2 limits either party's liability for fraud, for Billing Error Losses or for breach of clause 9.";
        Assert.Equal(["Billing Error Losses"], Reached("provider", CarveOut, contract));
        Assert.Empty(Reached("customer", CarveOut, contract));
    }

    [Fact]
    public void YoursOnly_AKindOfLossNoIndemnityNames_ReadFromWhatItsDefinitionRelatesTo()
    {
        (string, string)[] contract =
        [
            ("1.1 ¶1", "\"Hosting Services\" means the hosting and support services described in Schedule 1."),
            ("1.1 ¶2", "\"Compliance Costs\" means all fines and penalties imposed by any regulator, and all costs of any investigation, relating to the Hosting Services."),
            ("3.1", "3.1 The Provider shall provide the Hosting Services from the Start Date."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid."),
        ];
        const string CarveOut = "13.3 The limit in clause 13.2 does not apply to liability for fraud or for Compliance Costs.";
        Assert.Equal(["Compliance Costs"], Reached("provider", CarveOut, contract));
        Assert.Empty(Reached("customer", CarveOut, contract));
    }

    [Theory]
    [InlineData("13.3 Neither clause 13.1 nor clause 13.2 shall limit either party's liability under any indemnity given by it in clause 12.")]
    [InlineData("13.3 Clause 13.2 shall not apply to: (b) either party's obligations under any indemnity in this Agreement; or")]
    public void YoursOnly_OtherWordingsOfTheCarveOut_ReadTheIndemnities(string carveOut) =>
        Assert.NotEmpty(Reached("customer", carveOut, CustomerIndemnifies));

    [Fact]
    public void YoursOnly_TheOtherSidesIndemnityOnlyForInjuryByNegligence_IsNoCounterweight()
    {
        (string, string)[] contract =
        [
            .. CustomerIndemnifies,
            ("12.2", "12.2 The Provider shall indemnify the Customer against all losses arising out of death or personal injury caused by the negligence of the Provider or its staff."),
        ];
        Assert.Equal(["clause 12"], Reached("customer", "13.3 The limit in clause 13.2 shall not apply to any liability under clause 12.", contract));
        // An indemnity of the other side's that reaches further is a real counterweight.
        Assert.Empty(Reached("customer", "13.3 The limit in clause 13.2 shall not apply to any liability under clause 12.",
            [.. CustomerIndemnifies, ("12.2", "12.2 The Provider shall indemnify the Customer against all losses arising out of any breach of clause 9 or any death or personal injury caused by its negligence.")]));
    }

    [Fact]
    public void YoursOnly_ALiabilityForWhatOnlyYouCarryOut_IsYours()
    {
        (string, string)[] contract =
        [
            ("1.1", "\"Fit-Out Works\" means the electrical works described in Schedule 2."),
            ("3.1", "3.1 The Provider shall carry out the Fit-Out Works with reasonable skill and care."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid."),
        ];
        const string CarveOut = "13.3 The limit in clause 13.2 shall not apply to: (b) any liability for delay in completing, or for defects in, the Fit-Out Works; or";
        Assert.Single(Reached("provider", CarveOut, contract));
        Assert.Empty(Reached("customer", CarveOut, contract));
        // A liability the law imposes on what the provider supplies is no choice of the contract's.
        Assert.Empty(Reached("provider", "13.3 Nothing in this Agreement limits liability for death or personal injury caused by negligence, for fraud, or for defects in the Fit-Out Works under the Defective Premises Act 1972.", contract));
    }

    [Fact]
    public void YoursOnly_AReimbursementOfLosses_CountsAsAnIndemnity() =>
        Assert.Equal(["clause 12"], Reached("provider", "13.3 Nothing in this clause 13 limits any amount payable under clause 12.",
            ("12.1", "12.1 The Provider shall reimburse the Customer on demand for all costs and losses arising from any Outage."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid.")));

    [Fact]
    public void YoursOnly_AMutualIndemnityOnlyTheSupplierCanTrigger_IsTheSuppliers()
    {
        ContractParty[] parties = [new("Brindle Ovens Ltd", "Supplier"), new("Quayside Cafés plc", "Buyer")];
        var clauses = StoredClauses.Of(
            ("1.1", "\"Goods\" means the chilled pastries listed in Schedule 1."),
            ("2.1", "2.1 The Supplier shall manufacture and deliver the Goods to the Buyer's outlets."),
            ("14.1", "14.1 Each party shall indemnify the other against all losses arising from any Goods being unsafe or mislabelled."),
            ("15.2", "15.2 Each party's total liability shall not exceed the Prices paid in the Contract Year."),
            ("15.4", "15.4 Clause 15.2 does not apply to any liability under clause 14.1."));
        var contract = clauses.Select(c => c.Clause.Text).ToList();
        string Reach(string side) => string.Join(",", IndemnityCarveOuts.YoursOnly(contract[^1], ReviewLens.For(ReviewSide.Resolve(parties, side), clauses), contract));

        Assert.Equal("clause 14.1", Reach("supplier"));
        Assert.Equal("", Reach("buyer"));
    }

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

    private static readonly (string, string)[] CustomerDutiesInClause9 =
    [
        ("9", "9. RECORDS AND USE"),
        ("9.1", "9.1 The Customer shall keep its stock records accurate and complete."),
        ("9.2", "9.2 The Customer shall ensure that only authorised staff use the Services."),
        ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid in the preceding twelve months."),
    ];

    [Theory]
    [InlineData("12.1 Each party shall indemnify the other against all losses arising out of any breach by it of clause 9.")]
    [InlineData("12.1 Each party (the \"Indemnifying Party\") shall indemnify the other against any fine arising from any failure by the Indemnifying Party to comply with clause 9.")]
    public void YoursOnly_AMutualIndemnityForBreachOfAClauseOnlyYouAreBoundBy_IsYours(string indemnity)
    {
        const string CarveOut = "13.3 Nothing in clause 13.2 limits or excludes liability under clause 12.1.";
        Assert.Equal(["clause 12.1"], Reached("customer", CarveOut, [.. CustomerDutiesInClause9, ("12.1", indemnity)]));
        Assert.Empty(Reached("provider", CarveOut, [.. CustomerDutiesInClause9, ("12.1", indemnity)]));
    }

    [Fact]
    public void YoursOnly_TheNamedClauseBindsBothSides_StaysMutual() =>
        Assert.Empty(Reached("customer", "13.3 Nothing in clause 13.2 limits or excludes liability under clause 12.1.",
            [.. CustomerDutiesInClause9, ("9.3", "9.3 The Provider shall keep the Services available as described in Schedule 1."),
                ("12.1", "12.1 Each party shall indemnify the other against all losses arising out of any breach by it of clause 9.")]));

    [Fact]
    public void YoursOnly_EachPartysNegligenceBesideTheNamedClause_StaysMutual() =>
        Assert.Empty(Reached("customer", "13.3 Nothing in clause 13.2 limits or excludes liability under clause 12.1.",
            [.. CustomerDutiesInClause9, ("12.1", "12.1 Each party shall indemnify the other against all losses arising out of its negligence or any breach by it of clause 9.")]));

    [Fact]
    public void YoursOnly_AnActThePlaceholderNames_IsReadFromWhoTheContractSaysDoesIt()
    {
        (string, string)[] contract =
        [
            ("1.1", "\"Customer Data\" means any data uploaded to the Platform by or on behalf of the Customer."),
            ("12.1", "12.1 Each party (the \"Indemnifying Party\") shall indemnify the other against any third-party claim relating to data uploaded to the Platform by or on behalf of the Indemnifying Party, or to processing carried out on the instructions of the Indemnifying Party."),
            ("8.2", "8.2 The Provider shall process Customer Data only on the documented instructions of the Customer."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid."),
        ];
        const string CarveOut = "13.3 Nothing in this clause 13 limits either party's liability under clause 12.1.";
        Assert.Equal(["clause 12.1"], Reached("customer", CarveOut, contract));
        // The Provider uploads data too: either side's uploads can set the indemnity off.
        Assert.Empty(Reached("customer", CarveOut, [.. contract, ("4.4", "4.4 The Provider may upload template records to the Platform during onboarding.")]));
    }

    [Theory]
    [InlineData("13.3 The limits in clause 13.2 shall not apply to any liability of the Customer arising from a breach of clause 9.", true)]
    [InlineData("13.3 Nothing in clause 13.2 limits the Customer's liability to pay the Fees.", false)]
    [InlineData("13.3 Nothing in clause 13.2 limits the Customer's liability or the Provider's liability for breach of clause 11.", false)]
    // The limit kept for the other side only leaves the reviewed side's liability under the named clause unlimited.
    [InlineData("13.3 The limits in clause 13.2 apply to the liability of the Provider only. Nothing in this Agreement limits the liability of the Customer under clause 9.", true)]
    public void YoursOnly_ACarveOutNamingWhoseLiabilityItLifts(string carveOut, bool yours) =>
        Assert.Equal(yours, Reached("customer", carveOut, CustomerDutiesInClause9).Count > 0);

    [Fact]
    public void YoursOnly_ACarveOutNamingTheLimitsFirst_ReadsEveryClauseItReaches() =>
        Assert.Equal(["clause 12"], Reached("customer", "13.3 Clauses 13.1 and 13.2 do not apply to any liability under clause 8, clause 9.2 or clause 12.",
            [.. CustomerIndemnifies, ("8.1", "8.1 Time of payment is of the essence."), ("9.2", "9.2 The Customer shall pay interest on late payments."),
                ("12.2", "12.2 A party relying on clause 12.1 shall notify the other promptly.")]));

    [Fact]
    public void YoursOnly_AnIndemnityForWhatOnlyYouSupply_ReadsTheThingBeforeWhoElseSuppliesAnything()
    {
        (string, string)[] contract =
        [
            ("1.1", "\"Appliances\" means the catering appliances described in Schedule 1."),
            ("2.1", "2.1 The Provider shall supply, and the Customer shall take on hire, the Appliances listed in each Order."),
            ("2.2", "2.2 The Customer shall supply the Provider with site plans before installation."),
            ("12.1", "12.1 Each party shall indemnify the other against all losses arising out of any Appliances supplied by it that do not conform to the Specification."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid."),
        ];
        Assert.Equal(["clause 12.1"], Reached("provider", "13.3 Clause 13.2 does not limit either party's liability under clause 12.1.", contract));
        Assert.Empty(Reached("customer", "13.3 Clause 13.2 does not limit either party's liability under clause 12.1.", contract));
    }

    [Fact]
    public void YoursOnly_LimitsThatDoNotLimit_AreACarveOut() =>
        Assert.Equal(["clause 12.1"], Reached("customer", "13.3 Clauses 13.1 and 13.2 do not limit either party's liability under clause 12.1.", CustomerIndemnifies));

    [Fact]
    public void YoursOnly_AnExceptionToAnExclusionOfKindsOfLoss_LiftsNoCap() =>
        Assert.Empty(Reached("customer", "13.3 Neither party shall be liable for loss of profits, except that this clause 13.3 shall not limit the Customer's liability under clause 12.1.", CustomerIndemnifies));

    [Fact]
    public void YoursOnly_AnIndemnityWhoseTriggersAreListedItems_ReadsTheItems()
    {
        (string, string)[] contract =
        [
            ("1.1", "\"Store Data\" means the sales and stock records the Customer provides for loading to the Platform."),
            ("12.1", "12.1 Each party shall indemnify the other against all losses arising out of:"),
            ("12.1(a)", "(a) any claim that the Store Data infringes the rights of any person; or"),
            ("12.1(b)", "(b) any error in the Store Data."),
            ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid."),
        ];
        const string CarveOut = "13.3 Clause 13.2 does not limit either party's liability under clause 12.1.";
        Assert.Equal(["clause 12.1"], Reached("customer", CarveOut, contract));
        Assert.Empty(Reached("provider", CarveOut, contract));
    }

    private static readonly (string, string)[] LicenceDuties =
    [
        ("3.1", "3.1 The Customer shall use the Platform only for its own internal business."),
        ("4.1", "4.1 The Customer shall not copy, modify or resell the Platform."),
        ("5.1", "5.1 The Customer shall keep a register of its users and send it to the Provider on request."),
        ("6.1", "6.1 The Customer Data shall belong to the Customer. The Provider shall host the Customer Data in the United Kingdom."),
        ("12.1", "12.1 The Provider shall indemnify the Customer against any claim that the Platform infringes a third party's rights."),
        ("13.2", "13.2 Each party's total liability shall not exceed the Fees paid in the preceding twelve months."),
    ];

    [Fact]
    public void YoursOnly_BreachesOfClausesOnlyYouAreBoundBy_OutweighTheirOneIndemnity()
    {
        const string CarveOut = "13.3 The limits in clause 13.2 shall not apply to liability under clause 12, or to liability for any breach of clause 3 (Use), clause 4 (Restrictions) or clause 5 (Users).";

        Assert.Equal(["breach of clause 3", "breach of clause 4", "breach of clause 5"], Reached("customer", CarveOut, LicenceDuties));
        Assert.Empty(Reached("provider", CarveOut, LicenceDuties));
    }

    [Theory]
    [InlineData("13.3 The limits in clause 13.2 shall not apply to liability under clause 12, or to liability for any breach of clause 3 (Use) or clause 4 (Restrictions).")] // two against one
    [InlineData("13.3 The limits in clause 13.2 shall not apply to liability under clause 12, or to liability for any breach of clause 3, clause 4, clause 5 or clause 6.")] // clause 6 binds the provider too
    public void YoursOnly_TheirIndemnityAgainstTooFewOfYours_Nothing(string carveOut) =>
        Assert.Empty(Reached("customer", carveOut, LicenceDuties));

    [Fact]
    public void YoursOnly_ACapThatSaysThisClauseDoesNotApplyToAnyIndemnity_ReadsEveryIndemnity()
    {
        const string Cap = "13.3 Each party's total liability shall not be more than GBP 10,000, save that this clause does not apply to liability under any indemnity given in this Agreement.";
        Assert.Equal(["any indemnity in this Agreement"], Reached("customer", Cap, CustomerIndemnifies));
        Assert.Empty(Reached("provider", Cap, CustomerIndemnifies));
    }

    [Fact]
    public void YoursOnly_AnExclusionOfIndirectLossThatSaysThisClauseDoesNotApply_LiftsNoCap() =>
        Assert.Empty(Reached("customer", "13.3 Neither party shall be liable for any indirect loss, save that this clause shall not apply to the Customer's liability under clause 12.1.", CustomerIndemnifies));
}
