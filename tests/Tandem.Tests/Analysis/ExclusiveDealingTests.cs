using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A duty to deal only with the other side, read for who is bound.</summary>
public sealed class ExclusiveDealingTests
{
    private static readonly ContractParty[] Parties = [new("Brenmoor Steel Ltd", "Seller"), new("Castlegate Construction plc", "Buyer")];

    private static bool Tied(string side, string clause) =>
        ExclusiveDealing.YoursTied(clause, ReviewLens.For(ReviewSide.Resolve(Parties, side), StoredClauses.Of(("3.2", clause))));

    [Fact]
    public void YoursTied_AllYourRequirementsFromTheOtherSide()
    {
        const string clause = "3.2 The Buyer shall order its Requirements from the Seller and shall procure that its Affiliates do so.";
        Assert.True(Tied("buyer", clause));
        Assert.False(Tied("seller", clause));
    }

    [Fact]
    public void YoursTied_AnotherSupplierOnlyWhenTheOtherSideCannotSupply() =>
        Assert.True(Tied("buyer", "3.2 The Buyer may obtain Goods from another supplier only where the Seller has said it cannot supply them."));

    [Fact]
    public void YoursTied_NeitherYouNorYourGroupMayEngageAnyoneElse() =>
        Assert.True(Tied("buyer", "3.2 Neither the Buyer nor any other member of the group of companies to which it belongs (the \"Buyer Group\") shall, "
            + "during the Term, engage or retain any person other than the Seller to supply bar for the Projects."));

    [Fact]
    public void YoursTied_ConsentControlsAndTheOtherSidesTie_Nothing()
    {
        Assert.False(Tied("seller", "3.2 The Seller shall not appoint any other subcontractor without the Buyer's prior written consent."));
        Assert.False(Tied("buyer", "3.2 The Seller shall not appoint any other distributor in the Territory."));
        Assert.False(Tied("buyer", "3.2 The Buyer shall not use any Drawing for the benefit of any person other than the Seller."));
        Assert.False(Tied("buyer", "3.2 The Buyer shall not use any Drawing for any person other than the Seller."));
        Assert.False(Tied("buyer", "3.2 The Buyer shall order its requirements exclusively from the Seller."));
    }
}
