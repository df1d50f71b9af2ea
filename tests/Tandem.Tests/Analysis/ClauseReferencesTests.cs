using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

public sealed class ClauseReferencesTests
{
    private static readonly ContractParty[] Parties = [new("Orrin Mills Ltd", "Supplier"), new("Tavish Retail plc", "Buyer")];

    private static List<StoredClause> Contract(string indemnity, string carveOut) => StoredClauses.Of(
        ("1.1", "1.1 \"Goods\" means the goods in Schedule 1."),
        ("13", "13. INDEMNITY"),
        ("13.1", "13.1 " + indemnity),
        ("13.1(a)", "(a) any claim that the Goods infringe the rights of a third party; and"),
        ("14.1", "14.1 Each party shall keep the other's Confidential Information secret."),
        ("15.2", "15.2 Each party's total liability under this Agreement shall not exceed the Charges paid in the preceding twelve months."),
        ("15.3", "15.3 " + carveOut),
        ("Schedule 1/2", "2. Pallets of 40 units."));

    private const string SupplierIndemnifies = "The Supplier shall indemnify the Buyer against all losses arising out of:";
    private const string CarveOut = "The limitation in clause 15.2 shall not apply to any liability under clause 13 or clause 14.";

    [Fact]
    public void Named_TheNumbersTheContractHas_WithTheirSubClauses()
    {
        var references = ClauseReferences.Of(Contract(SupplierIndemnifies, CarveOut));

        // The cap it lifts is named too; reading it in is harmless.
        Assert.Equal(["15.2", "13", "14"], references.Named(CarveOut));
        Assert.Equal(["15.2", "13.1"], references.Named("Clauses 15.2 and 13.1 survive; clause 99 does not exist."));
        Assert.Empty(references.Named("This clause names no other."));
        Assert.Empty(references.Named("Nothing limits liability for breach of the terms implied by section 13 of the Sale of Goods Act 1979."));
        var read = references.Read(CarveOut);
        Assert.StartsWith(CarveOut + "\n\n15.2 Each party's total liability", read, StringComparison.Ordinal);
        Assert.Contains("\n\n13. INDEMNITY 13.1 The Supplier shall indemnify", read, StringComparison.Ordinal);
        Assert.Contains("(a) any claim that the Goods infringe", read, StringComparison.Ordinal);
        Assert.Contains("keep the other's Confidential Information", read, StringComparison.Ordinal);
        Assert.DoesNotContain("Pallets", read, StringComparison.Ordinal);
    }

    [Fact]
    public void Pieces_ALeadInKeepsItsItemsInItsOwnPiece()
    {
        var references = ClauseReferences.Of(Contract(SupplierIndemnifies, CarveOut));

        // "… arising out of:" and "(a) any claim …" are one sentence; a reader of the duty sees what it is for.
        Assert.Equal(["13.1 " + SupplierIndemnifies + " (a) any claim that the Goods infringe the rights of a third party; and"], references.Pieces("13.1"));
        Assert.Equal(2, references.Pieces("13").Count);
        // A clause that ends in a colon takes only the items numbered under it.
        var other = ClauseReferences.Of(StoredClauses.Of(("4.1", "4.1 The Buyer shall:"), ("4.2(a)", "(a) pay on time.")));
        Assert.Equal(["4.1 The Buyer shall:"], other.Pieces("4.1"));
    }

    [Fact]
    public void Of_ALongClause_ReadUpToTheLimit_AndAtMostFourReferences()
    {
        var references = ClauseReferences.Of(StoredClauses.Of(
            ("1", "1. " + new string('x', 3000)), ("2", "2. Two."), ("3", "3. Three."), ("4", "4. Four."), ("5", "5. Five.")));

        Assert.Equal(ClauseReferences.MaxReferenceLength, references.Read("See clause 1.").Length - "See clause 1.\n\n".Length);
        Assert.Equal(["1", "2", "3", "4"], references.Named("Clauses 1, 2, 3, 4 and 5 apply."));
        Assert.Equal(0, ClauseReferences.None.Count);
    }

    [Fact]
    public void Read_ALongClause_TheSubClausesSharingTheReferencesWordsComeFirst()
    {
        var filler = " " + string.Join(' ', Enumerable.Repeat("Each notebook entry shall be signed and dated.", 8));
        var references = ClauseReferences.Of(StoredClauses.Of(
            ("9", "9. RESULTS"), ("9.1", "9.1 Ownership of Background." + filler), ("9.2", "9.2 Ownership of Results." + filler),
            ("9.3", "9.3 Filing of patents." + filler), ("9.4", "9.4 The Licensor warrants that the Results infringe nothing, and shall indemnify the Licensee against any breach of this warranty.")));

        var read = references.Read("The limits do not apply to liability under any warranty or indemnity in clause 9.");

        Assert.Contains("9. RESULTS", read, StringComparison.Ordinal);
        Assert.Contains("shall indemnify the Licensee", read, StringComparison.Ordinal);
        Assert.True(read.IndexOf("9.4 The Licensor", StringComparison.Ordinal) > read.IndexOf("9. RESULTS", StringComparison.Ordinal)); // in the contract's order
        Assert.True(read.Length - read.IndexOf("\n\n", StringComparison.Ordinal) - 2 <= ClauseReferences.MaxReferenceLength);
    }

    [Theory]
    [InlineData(SupplierIndemnifies, "supplier", Severity.Critical)] // the carve-out is mutual in form; only the supplier's indemnity escapes the cap
    [InlineData("The Buyer shall indemnify the Supplier against all losses arising out of:", "supplier", Severity.High)] // the buyer's indemnity escapes it: uncapped, not the supplier's
    public void Judge_CarveOutFromTheCap_ReadWithTheIndemnityItNames(string indemnity, string side, Severity expected)
    {
        var finding = ShippedJudgement.Of("Uncapped Liability", Parties, side, Contract(indemnity, CarveOut), "15.3");

        Assert.Equal(expected, finding.Severity);
        if (expected == Severity.Critical)
        {
            Assert.Contains("Supplier gives the indemnity", finding.Rationale, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("The Supplier shall indemnify the Buyer against all losses arising out of any claim that the Goods infringe a third party's rights.", false)]
    [InlineData("The Supplier shall indemnify the Buyer against all losses arising out of any claim that the Goods infringe a third party's rights, whether or not the Buyer altered them.", true)]
    public void Judge_BothSidesIndemnifyUnderTheNamedClauses_OnlyAnIndemnityBeyondFaultCounts(string supplierIndemnity, bool yoursEscapes)
    {
        var clauses = StoredClauses.Of(
            ("9.1", "9.1 " + supplierIndemnity),
            ("9.2", "9.2 The Buyer shall indemnify the Supplier against all losses arising out of any Specification the Buyer supplies."),
            ("10.2", "10.2 Each party's total liability shall not exceed the Charges paid in the preceding twelve months."),
            ("10.4", "10.4 The limits in clause 10.2 shall not apply to either party's liability under clause 9."));

        var finding = ShippedJudgement.Of("Uncapped Liability", Parties, "supplier", clauses, "10.4");

        Assert.Equal(yoursEscapes, finding.Deviations.Contains("The cap does not reach the indemnities you give"));
    }
}
