using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A price read for whose judgement sets it.</summary>
public sealed class PriceSettersTests
{
    private static readonly ContractParty[] Parties = [new("Harlow Site Services Ltd", "Contractor"), new("Minster Homes plc", "Client")];

    private static bool Theirs(string side, string clause) =>
        PriceSetters.TheirsToSet(clause, ReviewLens.For(ReviewSide.Resolve(Parties, side), StoredClauses.Of(("7.2", clause))));

    private const string Revision = "7.2 At each annual review the Contractor shall present any revision to the Charges that the Contractor considers necessary "
        + "to reflect its costs, and the revised Charges shall apply from the next Contract Year unless the Client exercises its right to end the Services affected.";

    [Fact]
    public void TheirsToSet_ARevisionTheOtherSideConsidersNecessary_EvenWhenTheClauseGivesYouAnExit()
    {
        Assert.True(Theirs("client", Revision));
        Assert.False(Theirs("contractor", Revision));
    }

    [Fact]
    public void TheirsToSet_AValuationAtRatesItConsidersFairMadeConclusive() =>
        Assert.True(Theirs("contractor", "7.2 Variations shall be valued by the Client at such rates as it considers fair, and the Client's valuation shall be conclusive."));

    [Fact]
    public void TheirsToSet_AChangeOrderOnItsOwnView() =>
        Assert.True(Theirs("client", "7.2 If the Contractor reasonably considers that any assumption has changed, it may issue a change order adjusting the Budget."));

    [Fact]
    public void TheirsToSet_BoundedOrAgreedChanges_Nothing()
    {
        Assert.False(Theirs("client", "7.2 The Contractor may revise the Charges once a year as it considers appropriate, by no more than the change in CPI."));
        Assert.False(Theirs("client", "7.2 The Charges may be revised only by written agreement of both parties."));
    }

    private static readonly ContractParty[] SupplyParties = [new("Harlow Panels Ltd", "Supplier"), new("Minster Solar plc", "Buyer")];

    private static bool TheirList(string side, params (string Path, string Text)[] pieces)
    {
        var clauses = StoredClauses.Of(pieces);
        return PriceSetters.TheirListPrice(pieces[^1].Text, ReviewLens.For(ReviewSide.Resolve(SupplyParties, side), clauses), [.. pieces.Select(p => p.Text)]);
    }

    [Theory]
    [InlineData("4.1 The price of each Panel is the Supplier's published list price current on the date of delivery, less 10%.")]
    [InlineData("4.1 On each 1 April the Prices shall be adjusted to the Supplier's list prices then in effect.")]
    public void TheirListPrice_TheOtherSidesListAsItLaterStands(string clause)
    {
        Assert.True(TheirList("buyer", ("4.1", clause)));
        Assert.False(TheirList("supplier", ("4.1", clause)));
    }

    [Fact]
    public void TheirListPrice_ThroughTheDefinitionOfThePriceList() =>
        Assert.True(TheirList("buyer",
            ("1.1", "1.1 \"Panel Tariff\" means the Supplier's list prices for the Panels as published on its website from time to time."),
            ("4.1", "4.1 The price of each Panel is the Panel Tariff amount at the time the order is accepted.")));

    [Theory]
    [InlineData("4.1 The price of each Panel is the Supplier's list price current on the date of delivery, but shall not exceed the price in the Order by more than 3%.")]
    [InlineData("4.1 The price of each Panel is the price stated in Schedule 2, fixed for the Term.")]
    public void TheirListPrice_ACappedOrFixedPrice_Nothing(string clause) =>
        Assert.False(TheirList("buyer", ("4.1", clause)));

    [Fact]
    public void TheirListPrice_AContractThatSaysElsewhereHowTheListIsAmended_LeavesItToThatClause() =>
        Assert.False(TheirList("buyer",
            ("4.3", "4.3 The Supplier may amend its list prices on 30 days' notice to the Buyer."),
            ("4.1", "4.1 The price of each Panel is the Supplier's published list price current on the date of delivery, less 10%.")));
}
