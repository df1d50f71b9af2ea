using Tandem.Analysis;

namespace Tandem.Tests.Analysis;

/// <summary>Measured terms as drafted: words with digits in brackets, units, caps in months or multiples of fees, money.</summary>
public sealed class ClauseQuantitiesTests
{
    private readonly ClauseQuantities _quantities = new();

    [Theory]
    [InlineData("Provider may terminate on sixty (60) days' written notice to Customer.", "notice_days", 60)]
    [InlineData("unless either party gives notice of non-renewal at least one hundred eighty (180) days before the end of the then-current term", "notice_days", 180)]
    [InlineData("This Agreement renews for successive twenty-four (24) month terms.", "duration_days", 720)]
    [InlineData("It then renews for successive further terms of thirty-six (36) months each unless the Customer gives the Provider written notice of non-renewal at least one hundred and eighty (180) days before the end of the then-current Renewal Term.", "notice_days", 180)]
    [InlineData("It then renews automatically for successive periods of one year unless either Party gives the other written notice of non-renewal at least 60 days before the end of the then-current period.", "notice_days", 60)]
    [InlineData("It then renews for successive periods of two years unless either party gives the other at least 90 days' written notice of non-renewal before the end of the current period.", "notice_days", 90)]
    [InlineData("It continues for further periods of three years each unless the Customer notifies the Supplier in writing, not less than 12 months before the end of the initial period.", "notice_days", 360)]
    [InlineData("The warranty lasts for a period of thirty days from the Effective Date.", "duration_days", 30)]
    [InlineData("The obligations survive for 2 years after disclosure.", "duration_days", 730)]
    [InlineData("The Warranty Period for each Part is 24 months from the date on which the vehicle is first registered or 30 months from delivery of the Part, whichever first expires.", "duration_days", 720)]
    [InlineData("The warranty applies for a period ending on the later of 60 months after first registration and 72 months after delivery.", "duration_days", 2160)]
    [InlineData("shall not exceed the fees paid by Customer in the three (3) months preceding the claim", "cap_months", 3)]
    [InlineData("liability is capped at twelve (12) months of fees", "cap_months", 12)]
    [InlineData("shall not exceed two (2) times the total fees paid under this Agreement", "fee_multiple", 2)]
    [InlineData("Provider may increase the Fees by up to 7.5% per year.", "percent", 7.5)]
    [InlineData("On each 1 April the Charges shall increase by the greater of five per cent and the increase in the Consumer Prices Index plus three per cent.", "percent", 5)]
    [InlineData("The Sponsorship Fee shall increase by eight per cent at the start of each Season.", "percent", 8)]
    [InlineData("The Licence Fee shall be increased by 2.5 per cent each year.", "percent", 2.5)]
    [InlineData("If Availability falls below 99.8% in any month, the Provider shall credit the Customer with Service Credits, up to a maximum of 50% of the monthly Fees.", "percent", 50)]
    [InlineData("liquidated damages of $250,000 per breach and $150,000 per person", "amount", 250000)]
    [InlineData("a minimum of USD 1.2 million per Contract Year", "amount", 1200000)]
    public void Measure_AsDrafted_TheValue(string clause, string name, double expected)
    {
        var measured = _quantities.Measure(clause);

        Assert.True(measured.TryGetValue(name, out var value), $"{name} not measured in: {clause}");
        Assert.Equal(expected, value, 3);
    }

    [Fact]
    public void Measure_NoNumbers_Nothing() =>
        Assert.Empty(_quantities.Measure("Each party shall keep the other's Confidential Information secret."));

    [Fact]
    public void Measure_DurationFarFromNotice_IsNotANoticePeriod()
    {
        var measured = _quantities.Measure("The Initial Term is thirty-six (36) months. Fees are fixed for the first year, and the Provider shall keep backups for ninety (90) days in a separate facility located far away from the primary site.");

        Assert.False(measured.ContainsKey("notice_days"));
        Assert.Equal(1080, measured["duration_days"]);
    }

    [Theory]
    [InlineData("notice_days", 30, "30 days")]
    [InlineData("duration_days", 730, "2 years")]
    [InlineData("cap_months", 3, "3 months of fees")]
    [InlineData("amount", 250000, "$250,000")]
    public void Format_Reads(string name, double value, string expected) => Assert.Equal(expected, ClauseQuantities.Format(name, value));
}
