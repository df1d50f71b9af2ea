using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A payment read against who sets the base it is worked out on.</summary>
public sealed class ShareBasesTests
{
    private static readonly ContractParty[] Parties = [new("Tollgate Reels Ltd", "Licensor"), new("Brightwater Streaming Inc", "Licensee")];

    private static readonly (string, string)[] Contract =
    [
        ("1.1 ¶1", "\"Gross Receipts\" means all amounts received by the Licensee from subscribers in the Territory."),
        ("1.1 ¶2", "\"Channel Costs\" means all costs incurred by the Licensee in operating its channel, together with a channel fee equal to 12% of Gross Receipts."),
        ("1.1 ¶3", "\"Net Receipts\" means Gross Receipts less value added tax, refunds and the Channel Costs."),
        ("1.1 ¶4", "\"Credited Revenue\" means the part of Gross Receipts that the Licensee credits to the Titles under its internal valuation method as applied from time to time."),
        ("1.1 ¶5", "\"Net Sales\" means Gross Receipts less value added tax, refunds and chargebacks."),
        ("1.1 ¶6", "\"Platform Charges\" means the charges set out in Schedule 3, as the Licensee may amend them from time to time on thirty days' notice."),
        ("1.1 ¶7", "\"Delivery Charges\" means the charges set out in Schedule 4."),
    ];

    private static string? Base(string side, string clause)
    {
        var clauses = StoredClauses.Of([.. Contract, ("6.1", clause)]);
        return ShareBases.TheirBase(clause, ReviewLens.For(ReviewSide.Resolve(Parties, side), clauses)) is { } found
            ? $"{found.Base.Term}{(found.Deducted ? " deducted" : "")}"
            : null;
    }

    [Fact]
    public void TheirBase_AShareNetOfThePayersOwnCosts_ReadOneDefinitionDown() =>
        Assert.Equal("Net Receipts", Base("licensor", "6.1 The Licensee shall pay the Licensor 40% of the Net Receipts each quarter."));

    [Fact]
    public void TheirBase_ARoyaltyOnWhatThePayerAttributesByItsOwnMethod() =>
        Assert.Equal("Credited Revenue", Base("licensor", "6.1 Performance royalty: 30 per cent of Credited Revenue in each quarter."));

    [Fact]
    public void TheirBase_AnAmountThePayerMayDeductAndAmend() =>
        Assert.Equal("Platform Charges deducted", Base("licensor", "6.1 The Licensee may deduct from any payment any Platform Charge not already invoiced."));

    [Fact]
    public void TheirBase_OrdinaryNetSalesOrFixedCharges_Nothing()
    {
        Assert.Null(Base("licensor", "6.1 The Licensee shall pay the Licensor 40% of the Net Sales each quarter."));
        Assert.Null(Base("licensor", "6.1 The Licensee may deduct from any payment any Delivery Charges not already invoiced."));
    }

    [Fact]
    public void TheirBase_WhenYouArePaying_Nothing() =>
        Assert.Null(Base("licensee", "6.1 The Licensee shall pay the Licensor 40% of the Net Receipts each quarter."));

    [Fact]
    public void Apply_ReportsTheShareHighOncePerBase()
    {
        var clauses = StoredClauses.Of([.. Contract, ("6.1", "6.1 The Licensee shall pay the Licensor 40% of the Net Receipts."),
            ("6.2", "6.2 The Licensee shall pay the Licensor's share of the Net Receipts within 30 days of each quarter's end.")]);
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "licensor"), clauses);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);
        var findings = ShareBases.Apply([], playbook.RuleFor("Revenue/Profit Sharing"), playbook.RuleFor("Price Restrictions"), clauses, texts,
            Enumerable.Range(0, clauses.Count).ToArray(), lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("Revenue/Profit Sharing", "6.1", Severity.High), (finding.Category, finding.ClausePath, finding.Severity));
        Assert.Contains(ShareBases.Deviation, finding.Deviations);
        Assert.Contains("Net Receipts", finding.Rationale, StringComparison.Ordinal);
    }
}
