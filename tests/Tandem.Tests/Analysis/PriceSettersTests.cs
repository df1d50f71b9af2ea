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
}
