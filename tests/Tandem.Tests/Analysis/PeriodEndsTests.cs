using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A defined period read for who holds its end.</summary>
public sealed class PeriodEndsTests
{
    private static readonly ContractParty[] Parties = [new("Calder Interim Partners Ltd", "Consultancy"), new("Rookwood Foods plc", "Client")];

    private static readonly ContractParty[] Licence = [new("Saltmarsh Pictures Ltd", "Licensor"), new("Veloura Media Inc", "Licensee")];

    private static string? Held(ContractParty[] parties, string side, string definition, string clause)
    {
        var clauses = StoredClauses.Of(("1.1 ¶4", definition), ("2.1", clause));
        return PeriodEnds.Theirs(clause, ReviewLens.For(ReviewSide.Resolve(parties, side), clauses)) is { } found ? $"{found.Period.Term} {found.Hold}" : null;
    }

    private const string Engagement = "\"Assignment Period\" means the period beginning on the Start Date and ending on the earlier of 30 June 2027 and the date, "
        + "if any, specified in a written notice from the Client to the Consultancy that the Services are no longer needed, which date may be the date of the notice.";

    private const string Engaged = "2.1 The Client engages the Consultancy to provide the Services for the Assignment Period.";

    [Fact]
    public void Theirs_APeriodEndingOnTheOtherSidesNotice_IsItsExitAtWill()
    {
        Assert.Equal("Assignment Period Ends", Held(Parties, "consultancy", Engagement, Engaged));
        Assert.Null(Held(Parties, "client", Engagement, Engaged));
    }

    [Fact]
    public void Theirs_ALicencePeriodLastingUntilTheLicenseeStops_IsProlongedAtWill() =>
        Assert.Equal("Streaming Window Prolongs", Held(Licence, "licensor",
            "\"Streaming Window\" means, for each Title, the period beginning on its launch date and ending on the later of the third anniversary of that date and the date on which the Licensee ceases to offer that Title on the Service.",
            "2.1 The Licensor grants to the Licensee a licence to stream the Titles during the Streaming Window."));

    [Fact]
    public void Theirs_AFixedPeriodOrOneEitherPartyMayEnd_Nothing()
    {
        Assert.Null(Held(Parties, "consultancy", "\"Assignment Period\" means the period beginning on the Start Date and ending on 30 June 2027.", Engaged));
        Assert.Null(Held(Parties, "consultancy", "\"Assignment Period\" means the period beginning on the Start Date and ending on the earlier of 30 June 2027 and the date given in a notice by either party.", Engaged));
    }

    [Fact]
    public void Apply_ReportsTheExitOnTheClauseThatRunsForThePeriod_AndConsistencyKeepsIt()
    {
        var clauses = StoredClauses.Of(("1.1 ¶4", Engagement), ("2.1", Engaged), ("6.1", "6.1 The Consultancy shall invoice monthly during the Assignment Period."));
        var lens = ReviewLens.For(ReviewSide.Resolve(Parties, "consultancy"), clauses);
        var texts = clauses.Select(c => c.Clause.Text).ToArray();
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);
        var findings = PeriodEnds.Apply([], playbook.RuleFor("Termination for Convenience"), playbook.RuleFor("Irrevocable or Perpetual License"), clauses, texts,
            Enumerable.Range(0, clauses.Count).ToArray(), lens, string.Join("\n", texts));

        var finding = Assert.Single(findings);
        Assert.Equal(("Termination for Convenience", "2.1", Severity.High), (finding.Category, finding.ClausePath, finding.Severity));
        Assert.Contains(PeriodEnds.EndedAtWill, finding.Deviations);
        Assert.Single(FindingConsistency.Resolve(findings).Kept);
    }
}
