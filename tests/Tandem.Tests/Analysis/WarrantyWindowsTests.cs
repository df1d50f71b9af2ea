using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A warranty read for how soon the reviewed side loses its claims.</summary>
public sealed class WarrantyWindowsTests
{
    private static readonly ContractParty[] Parties = [new("Tarnby Mills Ltd", "Manufacturer"), new("Holloway Pet Brands plc", "Customer")];

    private static bool CutShort(string side, string clause) =>
        WarrantyWindows.YoursCutShort(clause, ReviewLens.For(ReviewSide.Resolve(Parties, side), StoredClauses.Of(("9.4", clause))));

    private const string Deemed = "9.4 Products shall be deemed to have been accepted, and to comply with the Specification for all purposes, "
        + "unless the Customer gives notice of rejection within seven days after delivery.";

    [Fact]
    public void YoursCutShort_DeemedAcceptedAndConformingUnlessYouRejectWithinDays()
    {
        Assert.True(CutShort("customer", Deemed));
        Assert.False(CutShort("manufacturer", Deemed));
    }

    [Fact]
    public void YoursCutShort_AWindowThatClosesWhenTheGoodsAreUsed() =>
        Assert.True(CutShort("customer", "9.4 The Manufacturer shall replace Products that do not conform to the Specification, provided that the Customer notifies it "
            + "before the earlier of 90 days after delivery and the time at which the Products are mixed into any feed."));

    [Fact]
    public void YoursCutShort_AReasonableWarrantyPeriod_Nothing() =>
        Assert.False(CutShort("customer", "9.4 The Manufacturer shall replace Products that do not conform to the Specification, provided that the Customer notifies it within twelve months after delivery."));
}
