using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A change of control hidden in a defined term, read against whom the definition can reach.</summary>
public sealed class ControlEventsTests
{
    private static readonly ContractParty[] Parties = [new("Orlan Valves Limited", "Supplier"), new("Quenby Engines Limited", "Buyer")];

    private static IReadOnlyList<(DefinedTerm Term, string Why)> OneSided(string side, string definition, string clause, ContractParty[]? parties = null, string preamble = "")
    {
        var clauses = StoredClauses.Of(("1.1 ¶3", definition), ("15.3", clause));
        return ControlEvents.OneSided(clause, ReviewLens.For(ReviewSide.Resolve(parties ?? Parties, side), clauses), preamble);
    }

    private const string MutualExit = "15.3 Either party may terminate this Agreement by thirty days' notice if the other party undergoes a Control Event.";

    [Fact]
    public void OneSided_ADefinitionThatSparesTheOtherSideByName_IsOneSidedForTheSideItReaches()
    {
        const string definition = "\"Control Event\" means any person acquiring control of a party, other than a member of the Orlan group or a fund advised by Orlan's shareholders.";

        var found = Assert.Single(OneSided("buyer", definition, MutualExit));
        Assert.Equal("Control Event", found.Term.Term);
        Assert.Contains("excepts {them}'s own changes", found.Why, StringComparison.Ordinal);
        // For the supplier the exception is its own shelter: nothing one-sided against it.
        Assert.Empty(OneSided("supplier", definition, MutualExit));
    }

    [Fact]
    public void OneSided_AProvisoThatNamesTheOtherSideBeforeTakingItOut_IsOneSidedForTheSideItReaches()
    {
        const string definition = "\"Control Event\" means any person acquiring control of a party, provided that any sale of shares in Orlan or its holding companies in connection with a financing or reorganisation of its group shall not be a Control Event.";

        Assert.Contains("excepts {them}'s own changes", Assert.Single(OneSided("buyer", definition, MutualExit)).Why, StringComparison.Ordinal);
        Assert.Empty(OneSided("supplier", definition, MutualExit));
        // A proviso that takes nothing out is no exception.
        Assert.Empty(OneSided("buyer", "\"Control Event\" means any person acquiring control of a party, provided that Orlan shall notify the other of it within ten days.", MutualExit));
    }

    private const string TradePreamble = "This Agreement is made between Orlan Valves Limited, a company incorporated in England (the \"Supplier\"), and Quenby Engines Limited, a company incorporated in Scotland (the \"Buyer\"). "
        + "(A) The Supplier casts and machines hydraulic valves, pumps and manifolds for marine engines. (B) The Buyer builds diesel generator sets for hospitals and data centres. "
        + "(C) The Buyer wishes to buy valves from the Supplier.";

    [Fact]
    public void OneSided_BuyersPickedByTheReviewedSidesTrade_IsOneSidedForThatSide()
    {
        const string definition = "\"Control Event\" means, in relation to either party, any person whose business includes the casting of hydraulic valves or pumps acquiring Control of that party.";

        var found = Assert.Single(OneSided("supplier", definition, MutualExit, preamble: TradePreamble));
        Assert.Contains("only buyers in {us}'s own trade", found.Why, StringComparison.Ordinal);
        Assert.Empty(OneSided("buyer", definition, MutualExit, preamble: TradePreamble));
    }

    [Fact]
    public void OneSided_BuyersInTheOtherSidesTradeSpared_IsOneSidedForTheReviewedSide()
    {
        const string definition = "\"Control Event\" means any person, other than a builder of generator sets, acquiring Control of a party.";

        Assert.Contains("spares buyers in {them}'s own trade", Assert.Single(OneSided("supplier", definition, MutualExit, preamble: TradePreamble)).Why, StringComparison.Ordinal);
        Assert.Empty(OneSided("buyer", definition, MutualExit, preamble: TradePreamble));
    }

    [Fact]
    public void OneSided_BuyersOfAnyTrade_NotOneSided() =>
        Assert.Empty(OneSided("supplier", "\"Control Event\" means any person acquiring Control of a party.", MutualExit, preamble: TradePreamble));

    [Fact]
    public void OneSided_ListedOnlyThroughItsParent_CountsAsListed()
    {
        const string definition = "\"Control Event\" means any person acquiring control of a party, other than by an acquisition of a company whose holding company's shares are admitted to trading on a regulated market.";
        const string preamble = "(1) Orlan Valves Limited (the \"Supplier\"); and (2) Quenby Engines Limited (the \"Buyer\"). (A) The Buyer, a wholly-owned subsidiary of Quenby Holdings plc, builds generator sets.";

        Assert.Single(OneSided("supplier", definition, MutualExit, preamble: preamble));
        Assert.Empty(OneSided("buyer", definition, MutualExit, preamble: preamble));
    }

    [Fact]
    public void OneSided_ADefinitionThatSpeaksOnlyOfOneSide_IsOneSidedForThatSide()
    {
        const string definition = "\"Control Event\" means any merger or reorganisation of the Buyer, or the acquisition by any person of more than 25% of the voting shares in the Buyer.";

        Assert.Single(OneSided("buyer", definition, MutualExit));
        Assert.Empty(OneSided("supplier", definition, MutualExit));
    }

    [Fact]
    public void OneSided_ListedCompaniesLeftOut_CountsOnlyWhenTheOtherSideIsListed()
    {
        const string definition = "\"Control Event\" means any person acquiring control of a party, provided that no Control Event occurs in respect of a party whose shares are admitted to trading on a regulated market.";
        const string preamble = "(1) Orlan Valves Limited, whose shares are admitted to trading on AIM (the \"Supplier\"); and (2) Quenby Engines Limited (the \"Buyer\").";

        Assert.Single(OneSided("buyer", definition, MutualExit, preamble: preamble));
        Assert.Empty(OneSided("buyer", definition, MutualExit)); // nothing says either is listed
        Assert.Single(OneSided("buyer", definition, MutualExit, [new("Orlan Valves plc", "Supplier"), new("Quenby Engines Limited", "Buyer")]));
    }

    [Theory]
    [InlineData("\"Control Event\" means any person acquiring control of a party, other than by a transfer within that party's group.")] // reaches both alike
    [InlineData("\"End Customer\" means a person that acquires a Subscription from the Buyer for its own business purposes.")] // no change of owner
    [InlineData("\"Affiliate\" means any entity that controls, is controlled by or is under common control with the Buyer.")] // a standing relation
    public void OneSided_ADefinitionThatReachesBothOrIsNoChangeOfControl_Nothing(string definition) =>
        Assert.Empty(OneSided("buyer", definition, definition.Contains("End Customer", StringComparison.Ordinal)
            ? "15.3 Subscriptions of End Customers continue after termination until the end of their period."
            : definition.Contains("Affiliate", StringComparison.Ordinal)
                ? "15.3 Either party may terminate this Agreement if the other assigns it to an Affiliate without the consent it requires."
                : MutualExit));

    [Fact]
    public void OneSided_AClauseThatOnlyAsksForConsentToContact_IsNoChangeOfControlConsequence() =>
        Assert.Empty(OneSided("buyer", "\"Transaction\" means the acquisition of the shares in the Buyer.",
            "15.3 The Supplier shall not contact any employee of the Buyer about the Transaction without the Buyer's prior written consent."));

    [Fact]
    public void Apply_TheMutualExit_ReportedHighAsChangeOfControl_CitingTheDefinition()
    {
        var clauses = StoredClauses.Of(
            ("1.1 ¶3", "\"Control Event\" means any person acquiring control of a party, other than a member of the Orlan group."),
            ("15.3", MutualExit));
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "buyer"), clauses);
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();

        var findings = ControlEvents.Apply([], playbook.RuleFor("Change of Control"), clauses, texts, [0, 1], lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("Change of Control", "15.3", Severity.High), (finding.Category, finding.ClausePath, finding.Severity));
        Assert.Contains(ControlEvents.Deviation, finding.Deviations);
        Assert.Contains(finding.Definitions, d => d.Term == "Control Event");
        Assert.Contains("Supplier", finding.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void OneSided_ADefinitionThatCountsAChangeOfOwnerOnlyForOneNamedSide_IsOneSidedForThatSide()
    {
        const string definition = "\"Default Event\" means, in relation to a party, that it is unable to pay its debts or has a receiver appointed, or (in the case of the Buyer) that there is any change in the persons who control it.";
        const string exit = "15.3 Either party may end this Agreement at once by notice if a Default Event occurs in relation to the other party.";

        Assert.Contains("only for {us}", Assert.Single(OneSided("buyer", definition, exit)).Why, StringComparison.Ordinal);
        Assert.Empty(OneSided("supplier", definition, exit));
    }

    [Fact]
    public void OneSided_WhomTheExitFavours_IsReadFromTheSentenceThatGivesIt()
    {
        const string definition = "\"Control Event\" means any person acquiring control of a party, other than a member of the Orlan group.";
        // The second sentence takes away a licence the buyer holds; the exit itself is either party's.
        const string exit = "15.3 Either party may terminate this Agreement if a Control Event occurs in relation to the other party. On such termination the licence granted to the Buyer under clause 6 shall end.";

        Assert.Single(OneSided("buyer", definition, exit));
    }
}
