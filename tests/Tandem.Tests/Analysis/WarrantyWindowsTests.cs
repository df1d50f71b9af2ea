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
    public void YoursCutShort_YouShallNotifyWithinDays_TheCustomers()
    {
        const string Clause = "9.4 The Manufacturer warrants that each Batch shall, when it leaves the mill, match its agreed Sample; provided that the "
            + "Customer shall notify any shortfall, with the bag codes concerned, within five days after receipt, failing which the Batch is taken to match.";

        Assert.True(CutShort("customer", Clause));
        Assert.False(CutShort("manufacturer", Clause));
    }

    [Fact]
    public void YoursCutShort_FailingWhichDeemedAcceptedAndConforming_FarFromTheNotice()
    {
        const string Clause = "9.4 The Manufacturer undertakes that Products will meet the Specification on delivery, provided that the Customer notifies "
            + "the Manufacturer in writing of any shortfall that can be seen when the pallets are unwrapped within two Business Days of delivery, and of any "
            + "other shortfall within fourteen days of delivery, failing which the Products shall be conclusively deemed accepted and conforming.";

        Assert.True(CutShort("customer", Clause));
        Assert.False(CutShort("customer", Clause.Replace("two Business Days", "ninety days", StringComparison.Ordinal)
            .Replace("fourteen days", "twelve months", StringComparison.Ordinal)));
    }

    [Fact]
    public void YoursCutShort_AReasonableWarrantyPeriod_Nothing() =>
        Assert.False(CutShort("customer", "9.4 The Manufacturer shall replace Products that do not conform to the Specification, provided that the Customer notifies it within twelve months after delivery."));
}
