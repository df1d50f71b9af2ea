using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A term that renews itself inside its definition.</summary>
public sealed class RollingTermsTests
{
    private static readonly ContractParty[] Parties = [new("Greyfell Security Ltd", "Supplier"), new("Oxbow Insurance plc", "Customer")];

    private static string? Rolling(string definition)
    {
        const string clause = "2.1 This Agreement shall commence on the Commencement Date and continue for the Term.";
        var clauses = StoredClauses.Of(("1.1 ¶9", definition), ("2.1", clause));
        return RollingTerms.Rolling(clause, ReviewLens.For(ReviewSide.Resolve(Parties, "customer"), clauses)) is { } found
            ? $"{found.Period.Term} {found.NoticeDays}"
            : null;
    }

    [Fact]
    public void Rolling_SuccessivePeriodsUntilALongNotice_MeasuredInDays() =>
        Assert.Equal("Term 270", Rolling("\"Term\" means the period beginning on the Commencement Date and ending on its third anniversary and, after that, "
            + "each successive period of 24 months, ending only when either party has given the other not less than nine months' written notice."));

    [Fact]
    public void Rolling_AShortWindowOrAFixedTerm_Nothing()
    {
        Assert.Null(Rolling("\"Term\" means three years from the Commencement Date, renewing automatically for successive periods of one year unless either party gives thirty days' notice."));
        Assert.Null(Rolling("\"Term\" means the period of three years from the Commencement Date, unless either party gives six months' notice to end it early."));
    }
}
