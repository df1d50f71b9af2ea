using Tandem.Analysis;
using Tandem.Store;

namespace Tandem.Tests.Models;

public sealed class CitationVerifierTests
{
    private static readonly Passage Cap = new("doc_a", "Supply", 2, "cl_1", "11.2", "Cap", 1000, 1103,
        "Each party's aggregate liability shall not exceed the fees paid\nin the twelve (12) months before the claim.", 3.1);

    private static readonly Passage Secret = new("doc_b", "Other", 1, "cl_9", "4", null, 0, 40, "Bob's secret clause about pricing terms.", 2.0);

    private static CitationVerifier Verifier() => new([Cap, Secret], new HashSet<string>(StringComparer.Ordinal) { "doc_a" });

    [Fact]
    public void Check_QuoteWithOtherWhitespaceAndCurlyApostrophe_VerifiedWithDocumentSpan()
    {
        var check = Verifier().Check(new Citation(1, "Each party’s aggregate liability shall not exceed the fees paid in the twelve"));

        Assert.Equal(CitationStatus.Verified, check.Status);
        Assert.Equal(1000, check.Start);
        Assert.Equal("Each party's aggregate liability shall not exceed the fees paid\nin the twelve", check.VerbatimQuote);
        Assert.Equal(1000 + check.VerbatimQuote!.Length, check.End);
    }

    [Theory]
    [InlineData(0, "Each party's aggregate liability", CitationStatus.NotInContext)]
    [InlineData(3, "Each party's aggregate liability", CitationStatus.NotInContext)]
    [InlineData(2, "Bob's secret clause", CitationStatus.NotReadable)]
    [InlineData(1, "liability shall be unlimited", CitationStatus.QuoteNotFound)]
    [InlineData(1, "the fees", CitationStatus.QuoteTooShort)]
    [InlineData(1, "fees paid in the twenty-four months", CitationStatus.QuoteNotFound)]
    public void Check_Unverifiable_SaysWhy(int passage, string quote, CitationStatus expected) =>
        Assert.Equal(expected, Verifier().Check(new Citation(passage, quote)).Status);
}
