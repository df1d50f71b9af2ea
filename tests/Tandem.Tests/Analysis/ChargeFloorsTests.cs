using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A floor under what the paying side pays, read in the clause and in the definitions it uses.</summary>
public sealed class ChargeFloorsTests
{
    private static readonly ContractParty[] Parties = [new("Pellow Payroll Services Ltd", "Provider"), new("Arncliffe Haulage plc", "Customer")];

    private static readonly (string, string)[] Definitions =
    [
        ("1.1 ¶3", "\"Billable Staff\" means, for each month, the greater of (a) the number of staff paid in that month and (b) 900."),
        ("1.1 ¶4", "\"Paid Staff\" means the number of staff paid in each month."),
    ];

    private static bool Floored(string side, string clause) =>
        ChargeFloors.YoursFloored(clause, ReviewLens.For(ReviewSide.Resolve(Parties, side), StoredClauses.Of([.. Definitions, ("7.2", clause)])));

    [Fact]
    public void YoursFloored_AChargeOnADefinedGreaterOf_ForThePayingSideOnly()
    {
        const string clause = "7.2 The monthly charge is £2.40 multiplied by the Billable Staff.";
        Assert.True(Floored("customer", clause));
        Assert.False(Floored("provider", clause));
    }

    [Fact]
    public void YoursFloored_PayableInFullWhateverTheUse() =>
        Assert.True(Floored("customer", "7.2 The Base Charge is payable in full each month irrespective of the number of payslips actually produced."));

    [Fact]
    public void YoursFloored_AShortfallYouMustMakeUp_WhicheverSideYouAre() =>
        Assert.True(Floored("provider", "7.2 If the fees received in any year are less than £50,000, the Provider shall pay the Customer the difference within 30 days."));

    [Theory]
    [InlineData("7.2 If the Customer's payslips in any year are fewer than, or less than, the Annual Volume, the Provider shall invoice the Customer for the difference at the list rate.")]
    [InlineData("7.2 After each year the Provider shall invoice the Customer for the number of payslips by which those produced in that year fell short of 12,000.")]
    public void YoursFloored_AShortfallTheOtherSideInvoicesYouFor(string clause)
    {
        Assert.True(Floored("customer", clause));
        Assert.False(Floored("provider", clause));
    }

    [Fact]
    public void YoursFloored_ChargesOnActualUseOrACapOnTheGreaterOf_Nothing()
    {
        Assert.False(Floored("customer", "7.2 The monthly charge is £2.40 multiplied by the Paid Staff."));
        Assert.False(Floored("customer", "7.2 Each party's liability for fees shall not exceed the greater of £1,000,000 and the number of payslips times £10."));
        Assert.False(Floored("customer", "7.2 The Customer shall pay any shortfall in the fees revealed by an audit within ten days."));
    }

    [Fact]
    public void Floored_NamesTheDefinitionThatSetsTheFloor_NoneWhenTheClauseSetsItItself()
    {
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "customer"), StoredClauses.Of([.. Definitions]));
        Assert.Equal(["Billable Staff"], ChargeFloors.Floored("7.2 The monthly charge is £2.40 multiplied by the Billable Staff.", lens)!.Select(t => t.Term));
        Assert.Equal("1.1 ¶3", ChargeFloors.Floored("7.2 The monthly charge is £2.40 multiplied by the Billable Staff.", lens)![0].ClausePath);
        Assert.Empty(ChargeFloors.Floored("7.2 The Base Charge is payable in full each month irrespective of the number of payslips actually produced.", lens)!);
        Assert.Null(ChargeFloors.Floored("7.2 The monthly charge is £2.40 multiplied by the Paid Staff.", lens));
    }

    [Fact]
    public void Apply_TheFindingCitesTheDefinitionThatSetsTheFloor_SoTheReportQuotesIt()
    {
        var clauses = StoredClauses.Of([.. Definitions, ("7.2", "7.2 The monthly charge is £2.40 multiplied by the Billable Staff.")]);
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "customer"), clauses);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();

        var findings = ChargeFloors.Apply([], PlaybookLoader.Load(RepositoryPaths.Playbook).RuleFor("Minimum Commitment"), clauses, texts,
            Enumerable.Range(0, clauses.Count).ToArray(), lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("7.2", Severity.High), (finding.ClausePath, finding.Severity));
        Assert.Equal([("Billable Staff", "1.1 ¶3")], finding.Definitions.Select(d => (d.Term, d.ClausePath)));
    }
}
