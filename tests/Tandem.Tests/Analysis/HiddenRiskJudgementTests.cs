using Tandem.Analysis;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// Risks a careful drafter hides where a checklist reader does not look (a definition the clause only uses, a list under a
/// lead-in, a step of the other side's own choosing that ends the agreement), judged by the shipped playbook with the
/// contract's definitions and numbered clauses read in, as <c>analyze</c> reads them.
/// </summary>
public sealed class HiddenRiskJudgementTests
{
    private static readonly ContractParty[] ProviderCustomer = [new("Orrin Systems Ltd", "Provider"), new("Tavish Retail plc", "Customer")];

    /// <summary>The finding the shipped rule for <paramref name="category"/> makes of the clauses at <paramref name="paths"/>, for <paramref name="side"/>.</summary>
    private static Finding Judge(string category, string side, string[] paths, params (string Path, string Text)[] pieces) =>
        ShippedJudgement.Of(category, ProviderCustomer, side, StoredClauses.Of(pieces), paths);

    [Theory]
    [InlineData("5.3 The Provider may, by written notice to the Customer at any time, reduce the scope of the Services in whole or in part, including to nil. Where the scope is reduced to nil, this Agreement shall come to an end on the date stated in the notice.", Severity.High)]
    [InlineData("9.2 If the Provider elects to reposition its product range, the Provider may, upon ninety (90) days' written notice, withdraw any module or bring this Agreement to an end, and the Customer shall have no claim for compensation.", Severity.High)]
    [InlineData("9.2 The Provider may designate the Platform as end-of-life by giving the Customer not less than sixty (60) days' notice, and from the end-of-life date this Agreement shall end.", Severity.High)]
    public void Judge_AStepOfTheOtherSidesOwnChoosingEndsTheAgreement_AConvenienceExit(string clause, Severity expected)
    {
        var finding = Judge("Termination for Convenience", "customer", ["1"], ("1", clause));

        Assert.Equal(expected, finding.Severity);
        Assert.Contains("The other side may end the agreement by a step of its own choosing", finding.Deviations);
        Assert.Empty(FindingConsistency.Resolve([finding]).Emptied);
    }

    [Theory]
    [InlineData("15.2 The Provider may terminate this Agreement by written notice if the Customer commits a material breach, and this Agreement shall end on the date of the notice.")]
    [InlineData("3.1 The Provider may give notice of non-renewal before the end of the Initial Term, and this Agreement shall then end on its expiry.")]
    [InlineData("4.3 If the Platform fails the Acceptance Tests a third time, the Provider may by written notice withdraw it, in which case this Agreement shall terminate.")]
    [InlineData("3.4 The Provider may bring this Agreement to an end at the end of the Minimum Term or any Extension Period by giving one month's written notice.")]
    public void Judge_AnEndForFaultOrExpiry_NotAStepOfChoice(string clause) =>
        Assert.DoesNotContain("The other side may end the agreement by a step of its own choosing", Judge("Termination for Convenience", "customer", ["1"], ("1", clause)).Deviations);

    [Theory]
    [InlineData("12.2 On or at any time after a Termination Event the Lessor may, by written notice, terminate the letting of the Equipment.", false)]
    [InlineData("12.2 The Lessor may at any time, by written notice, terminate the letting of the Equipment.", true)]
    public void Resolve_AnExitAtAnyTimeAfterADefinedEvent_IsNoConvenienceExit(string clause, bool kept)
    {
        var finding = new Finding("Termination for Convenience", Severity.High, "c1", "12.2", null, clause, 0, clause.Length, 1, null, [], 0.9);

        Assert.Equal(kept, FindingConsistency.Resolve([finding]).Kept.Count == 1);
    }

    [Fact]
    public void Judge_ChangeOfControlInsideADefinitionsListItem_ReadWithTheClauseThatUsesIt()
    {
        var finding = Judge("Change of Control", "customer", ["11.2"],
            ("1.1", "1.1 In this Agreement:"),
            ("1.1 ¶2", "\"Termination Event\" means any of the following:"),
            ("1.1(a)", "(a) the Customer commits a material breach of this Agreement; or"),
            ("1.1(b)", "(b) any person other than those who had Control of the Customer at the Commencement Date acquires Control of the Customer."),
            ("1.1 ¶3", "\"Territory\" means the United Kingdom."),
            ("11.2", "11.2 The Provider may terminate this Agreement with immediate effect by written notice on the occurrence of a Termination Event."));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("The other side may end the contract on an event defined to include your change of control", finding.Deviations);
    }

    [Fact]
    public void Judge_AnyChangeInWhoOwnsYourSharesNeedsConsent_High()
    {
        var finding = Judge("Change of Control", "customer", ["18.1"],
            ("1.1", "1.1 \"Transfer\" means any assignment or other dealing with this Agreement, and includes any change in the legal or beneficial ownership of any shares in the Customer."),
            ("18.1", "18.1 The Customer shall not effect any Transfer without the prior written consent of the Provider."));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Judge_AFloorWrittenInWordsInADefinition_AMinimumCommitment()
    {
        var finding = Judge("Minimum Commitment", "customer", ["4.1"],
            ("1.1", "1.1 \"Chargeable Scans\" means, for each month, the greater of (a) the number of scans recorded in that month and (b) four hundred and fifty."),
            ("4.1", "4.1 The Customer shall pay the Scan Charges monthly in arrears for the Chargeable Scans in the preceding month."));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Theory]
    [InlineData("provider", Severity.Critical)] // the side that holds the data bears what the carve-out leaves unlimited
    [InlineData("customer", Severity.High)]
    public void Judge_CarveOutOfDataAndSecurityLossesUnderALeadIn_CriticalForTheSideThatHoldsTheData(string side, Severity expected)
    {
        var finding = Judge("Uncapped Liability", side, ["16.4", "16.4(a)", "16.4(b)"],
            ("16.2", "16.2 Each party's total liability under this Agreement shall not exceed the Charges paid in the preceding twelve months."),
            ("16.4", "16.4 The limits in clause 16.2 shall not apply to:"),
            ("16.4(a)", "(a) a party's liability for breach of clause 12 (Data protection); or"),
            ("16.4(b)", "(b) any loss arising from a Security Incident."));

        Assert.Equal(expected, finding.Severity);
        Assert.True(finding.LiftsLimit || expected != Severity.Critical);
    }

    [Fact]
    public void Judge_PriceIsTheOtherSidesListOnTheDayItShips_High()
    {
        var finding = Judge("Price Restrictions", "customer", ["9.1"],
            ("1.1", "1.1 \"Price List\" means the Provider's export price list in force on the date of despatch of the relevant Products."),
            ("9.1", "9.1 The prices for the Products shall be those set out in the Price List."));

        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Judge_ARightThatOutlivesTheAgreementAndCannotBeWithdrawn_Critical()
    {
        var finding = Judge("Irrevocable or Perpetual License", "provider", ["13.3"],
            ("13.3", "13.3 The ending of this Agreement shall not affect the right of each member of the Customer's Group to continue to use any Downloaded Image, which right shall continue without limit of time and shall not be capable of being withdrawn."));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Empty(FindingConsistency.Resolve([finding]).Emptied);
    }

    [Theory]
    [InlineData("6.4 The parties agree that this sum is a genuine pre-estimate of the Customer's loss from such an interruption, and that it is payable in addition to the Provider's liability for premium freight.", "customer", Severity.Low)]
    [InlineData("4.2 Service credits reflect the reduced value of the Services to the Customer and are without prejudice to any other right or remedy of the Customer, including its right to claim damages for the same failure.", "customer", Severity.Low)]
    [InlineData("15.6 The parties agree that the Termination Sum is a genuine pre-estimate of the loss the Provider will suffer through the early ending of this Agreement, and that its payment is without prejudice to the Provider's right to claim damages for any breach.", "customer", Severity.High)]
    public void Judge_AgreedSums_WhoseLossTheyMakeGood(string clause, string side, Severity expected) =>
        Assert.Equal(expected, Judge("Liquidated Damages", side, ["1"], ("1", clause)).Severity);

    [Fact]
    public void Judge_RollsOnForFurtherYearsUnlessYouGiveNotice_Medium() =>
        Assert.Equal(Severity.Medium, Judge("Renewal Term", "customer", ["3.2"],
            ("3.2", "3.2 At the end of the Initial Term this Agreement shall continue for a further period of three Contract Years on the same terms, unless the Customer has notified the Provider in writing before the Renewal Notice Date that it does not wish it to continue.")).Severity);

    [Fact]
    public void Judge_TheOtherSideMayTakeYourStockAtAFractionOfItsCost_High() =>
        Assert.Equal(Severity.High, Judge("Post-Termination Services", "customer", ["16.2"],
            ("16.2", "16.2 Within ten days after termination the Customer shall deliver a statement of its inventory. The Provider may, within thirty days, elect to purchase any or all of that inventory at a price equal to sixty percent (60%) of the Customer's landed cost.")).Severity);

    [Theory]
    [InlineData("customer", Severity.Critical)] // data loss, regulators' fines and re-runs are what the customer would suffer
    [InlineData("provider", Severity.Low)]
    public void Judge_AMutualExclusionOfDefinedLosses_CriticalForTheSideThatWouldSufferThem(string side, Severity expected)
    {
        var finding = Judge("Cap on Liability", side, ["12.2"],
            ("1.1", "1.1 \"Excluded Losses\" means loss of profits; loss or corruption of data, and the cost of restoring it; fines payable to any regulator; and any indirect loss."),
            ("12.2", "12.2 Subject to clause 12.1, neither party shall be liable to the other for any Excluded Losses."));

        Assert.Equal(expected, finding.Severity);
    }

    [Fact]
    public void Judge_CarveOutOfTheCapForLossesUnderAnIndemnityInANamedClause_ReadWithThatClause()
    {
        var finding = Judge("Uncapped Liability", "provider", ["17.4"],
            ("16.1", "16.1 The Provider shall indemnify the Customer against all Losses arising from any Payroll Error."),
            ("17.2", "17.2 Each party's total liability shall not exceed the Charges paid in the preceding twelve months."),
            ("17.4", "17.4 The limits in clause 17.2 shall not apply to Losses arising under any indemnity in clause 16."));

        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("The cap does not reach the indemnities you give", finding.Deviations);
    }

    [Theory]
    [InlineData("supplier", true)]
    [InlineData("customer", false)] // the supplier's uncapped exposure is the customer's protection
    public void Judge_CarveOutOfFoodSafetyAndRecallLosses_CriticalForTheSupplier(string side, bool critical)
    {
        ContractParty[] parties = [new("Orrin Foods Ltd", "Supplier"), new("Tavish Hospitals plc", "Customer")];
        var clauses = StoredClauses.Of(
            ("15.2", "15.2 Each party's total liability shall not exceed £250,000 in each Contract Year."),
            ("15.4", "15.4 Clause 15.2 shall not apply to:"),
            ("15.4(a)", "(a) any Food Safety Incident or Recall Costs; or"),
            ("15.4(b)", "(b) fraud."));
        var finding = ShippedJudgement.Of("Uncapped Liability", parties, side, clauses, "15.4", "15.4(a)", "15.4(b)");

        Assert.Equal(critical, finding.Severity == Severity.Critical);
    }

    [Theory]
    [InlineData("7.3 If the Provider decides to cease making colocation services available from the Facility, it may give the Customer not less than six months' written notice to that effect, and this Agreement shall end when that notice expires.")]
    [InlineData("4.4 The Provider may withdraw any Test from the Test Menu by giving the Customer not less than 30 days' notice. If the Tests withdrawn accounted for more than half of the Charges, this Agreement (other than clause 19) shall end when the last such notice expires.")]
    public void Judge_AWithdrawalThatEndsTheAgreementWhenTheNoticeExpires_AConvenienceExit(string clause) =>
        Assert.Equal(Severity.High, Judge("Termination for Convenience", "customer", ["1"], ("1", clause)).Severity);

    [Fact]
    public void Judge_AMutualChangeOfControlExitWhoseDefinedEventSparesListedCompanies_High()
    {
        var finding = Judge("Change of Control", "customer", ["15.4"],
            ("1.1", "1.1 \"Control Event\" means, in relation to a party, any change in the person or persons who control it; but excluding any transfer of shares in a company whose shares are admitted to trading on a regulated market."),
            ("15.4", "15.4 Either party may terminate this Agreement with immediate effect by written notice if the other party undergoes a Control Event."));

        Assert.Equal(Severity.High, finding.Severity);
    }
}
