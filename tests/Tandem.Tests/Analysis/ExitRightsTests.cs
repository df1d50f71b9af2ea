using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A right to leave read by what it ends, who holds it and what sets it off, whatever the clause calls it.</summary>
public sealed class ExitRightsTests
{
    private static readonly ContractParty[] Services = [new("Ardent Advisory LLP", "Consultant"), new("Mereworth Foods plc", "Client")];
    private static readonly ContractParty[] Saas = [new("Quillon Cloud Ltd", "Provider"), new("Tarrant Logistics plc", "Customer")];
    private static readonly ContractParty[] Licence = [new("Corvel Software Inc.", "Licensor"), new("Haxby Laboratories LLC", "Licensee")];

    private static IReadOnlyList<ExitRights.Exit> Read(ContractParty[] parties, string side, string clause)
    {
        var clauses = StoredClauses.Of(("9.4", clause));
        return ExitRights.Read(clause, ReviewLens.For(ReviewSide.Resolve(parties, side), clauses));
    }

    private static Favours? Holder(ContractParty[] parties, string side, string clause) =>
        Read(parties, side, clause) is [var exit] ? exit.Holder : null;

    [Theory]
    [InlineData("9.4 If the Consultant reasonably considers that its staff are needed on other work, it may withdraw from any Statement of Work by giving the Client thirty days' written notice.")]
    [InlineData("9.4 If the Consultant determines that the engagement is no longer commercially viable for it, the Consultant may end this Agreement on sixty days' notice.")]
    [InlineData("9.4 The Consultant may at any time bring this Agreement to an end by giving the Client two months' notice.")]
    [InlineData("9.4 Following each review the Consultant shall decide whether the Project is to go on. If the Consultant decides that the Project shall not proceed, it shall notify the Client and this Agreement shall terminate on the date of that notice.")]
    public void Read_AnExitTheConsultantChooses_IsTheirsForTheClientAndOursForTheConsultant(string clause)
    {
        Assert.Equal(Favours.Them, Holder(Services, "client", clause));
        Assert.Equal(Favours.Us, Holder(Services, "consultant", clause));
    }

    [Theory]
    [InlineData("9.4 The Provider may withdraw any Service Module, or all of them, by giving the Customer not less than sixty days' written notice.")]
    [InlineData("9.4 The Provider may designate the Platform as end-of-life by giving the Customer one hundred and eighty days' notice, and this Agreement shall end on the date stated.")]
    // The party the notice is given to is not the holder; a pronoun's holder is the party named in the sentence before.
    [InlineData("9.4 The Provider keeps its range under review. It may, by giving the Customer not less than sixty days' notice, withdraw any Service Module where it decides to stop offering it.")]
    // The decision names what goes, and the right is "to do so".
    [InlineData("9.4 Where the Provider decides to retire the Platform or any Module at the end of its supported life, it may do so by giving the Customer not less than 120 days' notice.")]
    public void Read_APartOfTheServiceTheProviderMayTakeAway_IsTheirs(string clause) =>
        Assert.Equal(Favours.Them, Holder(Saas, "customer", clause));

    [Theory]
    [InlineData("9.4 The Provider may, by giving the Customer ninety days' notice, withdraw any of the Services from its catalogue.")]
    [InlineData("9.4 If the Provider decides in its discretion to close the data centre, it may by not less than sixty days' notice withdraw the Services affected.")]
    public void Read_CommaAfterMayOrNoticeByItself_StillAnExit(string clause) =>
        Assert.Equal(Favours.Them, Holder(Saas, "customer", clause));

    [Fact]
    public void Read_TheClientCuttingTheScopeToNil_IsAnExit() =>
        Assert.Equal(Favours.Them, Holder(Services, "consultant", "9.4 The Client may, by notice at any time, reduce the scope of the Services, including to nil, from the end of the next month."));

    private static readonly ContractParty[] Hire = [new("Dunmore Lifting Ltd", "Owner"), new("Calder Build plc", "Hirer")];

    private static Favours? HireHolder(string side, string clause)
    {
        var clauses = StoredClauses.Of(
            ("1.1", "\"Rig\" means each mobile crane listed in the Schedule."),
            ("1.2", "\"Claim\" means any claim by a third party."),
            ("3.1", "3.1 The Owner shall supply each Rig to the Site with a qualified operator."),
            ("9.4", clause));
        return ExitRights.Read(clause, ReviewLens.For(ReviewSide.Resolve(Hire, side), clauses)) is [var exit] ? exit.Holder : null;
    }

    [Fact]
    public void Read_TheOwnerWithdrawingWhatItSuppliesForAnotherCustomer_IsTheirs()
    {
        const string Clause = "9.4 The Owner may, by giving the Hirer seven days' notice, withdraw any Rig from the Site where it requires that Rig for another customer.";
        Assert.Equal(Favours.Them, HireHolder("hirer", Clause));
        Assert.Equal(Favours.Us, HireHolder("owner", Clause));
    }

    [Theory]
    [InlineData("9.4 The Owner may, by giving the Hirer seven days' notice, withdraw any Claim it has made under clause 8.")]
    [InlineData("9.4 The Hirer may, by giving the Owner seven days' notice, withdraw any Rig from the Site.")]
    public void Read_WithdrawingWhatTheHolderDoesNotSupply_IsNoExit(string clause) =>
        Assert.Null(HireHolder("hirer", clause));

    [Theory]
    [InlineData("9.4 The Customer may at any time, by giving the Provider not less than thirty days' written notice, withdraw any one or more Group Companies from the scope of the Services.")]
    [InlineData("9.4 Where the Customer reorganises its business or otherwise ceases to need the Services, the Customer may withdraw the Services by giving the Provider thirty days' notice.")]
    public void Read_TheCustomerWithdrawingPartOfWhatItBuys_IsARiskForTheProvider(string clause) =>
        Assert.Equal(Favours.Them, Holder(Saas, "provider", clause));

    [Theory]
    [InlineData("9.4 Either party may terminate this Agreement by notice if the other commits a material breach and fails to remedy it within thirty days.")]
    [InlineData("9.4 The Provider may terminate this Agreement on thirty days' notice if the Customer undergoes a change of control.")]
    [InlineData("9.4 The Provider may bring this Agreement to an end at the end of the Initial Term by giving the Customer three months' notice.")]
    [InlineData("9.4 The Provider may terminate this Agreement by written notice:")]
    [InlineData("9.4 The Provider may terminate this Agreement on thirty days' notice if the Customer's usage exceeds the Usage Limit.")]
    [InlineData("9.4 The Provider may discontinue any Product on six months' written notice.")]
    [InlineData("9.4 The Customer may cancel a Purchase Order by notice given at least 30 days before delivery.")]
    [InlineData("9.4 The Provider may suspend the Services on notice while an invoice is overdue.")]
    public void Read_AnExitSetOffByAFaultAnEventOrTheTermsEnd_IsNoConvenienceExit(string clause) =>
        Assert.Empty(Read(Saas, "customer", clause));

    [Theory]
    // What the holder weighs (its regulators, its strategy) is its own judgement, not an outside event.
    [InlineData("9.4 The Customer may, by giving the Provider not less than 60 days' notice, bring this Agreement (or the Services to any Group Company) to an end at any time where the Customer considers in good faith that this is appropriate in light of its regulatory obligations or its strategy.")]
    public void Read_AnExitOnTheHoldersViewOfItsOwnRegulatoryPosition_IsAConvenienceExit(string clause) =>
        Assert.Equal(Favours.Them, Holder(Saas, "provider", clause));

    [Fact]
    public void Read_AnExitALawOrRegulatorSetsOff_StaysNoConvenienceExit() =>
        Assert.Empty(Read(Saas, "provider", "9.4 The Customer may terminate this Agreement on 30 days' notice where a regulator requires it to stop using the Services."));

    [Theory]
    [InlineData("9.4 Where the Consultant reasonably considers that it cannot staff an Event to its usual standard, it may withdraw from that Event by giving the Client written notice at least 21 days before it, and its only obligation shall be to refund the fee paid.", "client")]
    [InlineData("9.4 At each quarterly review the Consultant may bring the Project to an end on 60 days' notice if it concludes that further work is no longer commercially viable.", "client")]
    [InlineData("9.4 The Consultant may at any time, in its sole discretion, notify the Client that it has decided to discontinue development of the Toolkit.", "client")]
    public void Read_OtherThingsLeftAtTheHoldersChoice_AreExits(string clause, string side) =>
        Assert.Equal(Favours.Them, Holder(Services, side, clause));

    [Theory]
    [InlineData("9.4 The Provider keeps its offering under review and may withdraw any Storage Tier, or the Services as a whole, by giving the Customer not less than 60 days' notice.")]
    [InlineData("9.4 Where the Provider decides to withdraw the Platform, or any Module that the Customer uses, from general availability, it shall give the Customer not less than 90 days' notice.")]
    public void Read_TheProviderWithdrawingTheWholeService_IsTheirs(string clause) =>
        Assert.Equal(Favours.Them, Holder(Saas, "customer", clause));

    [Theory]
    // A thing named between the verb and its new status.
    [InlineData("9.4 The Provider may, on not less than 120 days' notice, designate the Platform, or any release of it, as end-of-life, and this Agreement shall end on the date the notice states.")]
    // A decision to stop offering the service, after which the agreement ends.
    [InlineData("9.4 If the Provider decides to stop offering the Platform to customers in the Customer's industry, it shall notify the Customer, and this Agreement shall end on the date stated in that notice.")]
    // A decision to withdraw between "may" and the verb.
    [InlineData("9.4 The Provider may decide to withdraw any Module, or the Platform as a whole, by giving the Customer not less than ninety days' notice.")]
    // The other side's choice of an earlier end date, after a routine review.
    [InlineData("9.4 Following each annual review, the Provider may notify the Customer of an earlier date on which this Agreement shall end.")]
    public void Read_ExitsUnderOtherWords_AreTheProviders(string clause) =>
        Assert.Equal(Favours.Them, Holder(Saas, "customer", clause));

    [Theory]
    // The licence itself taken back on the holder's view of its reputation.
    [InlineData("9.4 If the Licensor considers in good faith that the Licensee's use of any Module may harm the Licensor's reputation, the Licensor may by notice withdraw the rights granted in clause 2 for that Module.")]
    [InlineData("9.4 If the Licensor, acting in good faith, considers that any use of a Module is prejudicial to its reputation, the Licensor may by notice withdraw the rights granted in clause 2 for that Module.")]
    [InlineData("9.4 If the Licensor considers that any use of a Module is prejudicial to its reputation, the Licensor may by notice withdraw the rights granted in clause 2 for that Module.")]
    public void Read_TheLicenceWithdrawnOnTheLicensorsJudgement_IsTheirs(string clause) =>
        Assert.Equal(Favours.Them, Holder(Licence, "licensee", clause));

    [Fact]
    public void Read_TheLicenceRevokedForABreach_IsNoConvenienceExit() =>
        Assert.Empty(Read(Licence, "licensee", "9.4 The Licensor may by notice withdraw the rights granted in clause 2 if the Licensee breaches clause 3 and fails to remedy it within 30 days."));

    [Fact]
    public void Read_TheClientDecidingAtAReviewThatTheProjectStops_IsTheirs() =>
        Assert.Equal(Favours.Them, Holder(Services, "consultant", "9.4 At any steering meeting the Client may decide that the Project shall not continue, and it shall stop on that day."));

    [Fact]
    public void Read_TheCustomerWithdrawingAnyOneOrMoreOfItsSites_IsARiskForTheProvider()
    {
        var clauses = StoredClauses.Of(
            ("1.1", "\"Depot\" means each site of the Customer listed in Schedule 1."),
            ("3.1", "3.1 The Provider shall provide the Services at each Depot."),
            ("9.4", "9.4 The Customer may, on not less than 30 days' notice, withdraw any one or more Depots from the Services, up to all of them."));
        Assert.Equal([Favours.Them], ExitRights.Read(clauses[^1].Clause.Text, ReviewLens.For(ReviewSide.Resolve(Saas, "provider"), clauses)).Select(e => e.Holder));
    }

    [Fact]
    public void Read_AMutualExit_IsBoths() =>
        Assert.Equal(Favours.Both, Holder(Saas, "customer", "9.4 Either party may terminate this Agreement at any time by giving the other ninety days' written notice."));

    [Fact]
    public void Read_ThePayingSideLeavingTheWholeAgreement_IsARiskToThePaidSideOnlyOnShortNotice()
    {
        Assert.Empty(Read(Licence, "licensor", "9.4 The Licensee may terminate this Agreement on ninety days' notice to the Licensor."));
        Assert.Equal(Favours.Them, Holder(Licence, "licensor", "9.4 The Licensee may terminate this Agreement on thirty days' notice to the Licensor."));
        // For the licensee the licensor's exit is a risk on any notice.
        Assert.Equal(Favours.Them, Holder(Licence, "licensee", "9.4 The Licensor may terminate this Agreement on ninety days' notice to the Licensee."));
    }

    [Fact]
    public void Read_WithoutASide_Nothing() =>
        Assert.Empty(ExitRights.Read("9.4 The Provider may withdraw any Service Module by giving sixty days' notice.", ReviewLens.None));

    [Fact]
    public void Apply_TheOtherSidesExit_ReportedAsHighTerminationForConvenienceThatConsistencyKeeps()
    {
        var clauses = StoredClauses.Of(
            ("8.1", "8.1 The Consultant shall maintain a resource plan for the Programme."),
            ("8.4", "8.4 If the Consultant reasonably considers that its staff are needed on other work, it may withdraw from any Statement of Work by giving the Client thirty days' written notice."));
        var lens = ReviewLens.For(ReviewSide.Resolve(Services, "client"), clauses);
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();
        var leadIns = Enumerable.Range(0, clauses.Count).ToArray();

        var findings = ExitRights.Apply([], playbook.RuleFor("Termination for Convenience"), clauses, texts, leadIns, lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("Termination for Convenience", "8.4", Severity.High), (finding.Category, finding.ClausePath, finding.Severity));
        Assert.Contains(ExitRights.Deviation, finding.Deviations);
        Assert.Contains("Consultant holds an exit of its own choosing (\"may withdraw from any Statement of Work\")", finding.Rationale, StringComparison.Ordinal);
        Assert.Single(FindingConsistency.Resolve(findings).Kept);
        // For the consultant it is its own exit: nothing to raise.
        var ours = ReviewLens.For(ReviewSide.Resolve(Services, "consultant"), clauses);
        Assert.Empty(ExitRights.Apply([], playbook.RuleFor("Termination for Convenience"), clauses, texts, leadIns, ours, string.Join("\n", texts)));
    }
}
