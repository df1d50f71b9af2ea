using Tandem.Documents;

namespace Tandem.Tests.Documents;

public sealed class ClauseSegmenterTests
{
    private static readonly ClauseSegmenter Segmenter = new();

    private const string Contract = """
        MASTER SERVICES AGREEMENT

        This Master Services Agreement (the "Agreement") is entered into by Acme Corp. ("Customer") and Widget LLC ("Vendor").

        ARTICLE I DEFINITIONS

        1.1 "Affiliate" means any entity controlling, controlled by or under common control with a party.

        1.2 "Services" means the services described in Exhibit A.

        ARTICLE XII LIABILITY

        12.3 Limitation of Liability. Except as provided below:

        (a) Neither party shall be liable for indirect damages.

        (b) The aggregate liability of each party shall not exceed:

        (i) the fees paid in the twelve months before the claim; or

        (ii) one million dollars, whichever is greater.

        (c) The limits in this Section do not apply to breach of confidentiality.

        (h) Eighth item.

        (i) Ninth item, a letter after (h).

        12.4 Survival. This Article survives termination.

        A second paragraph of Section 12.4.

        EXHIBIT A – SERVICES

        1. Hosting of the platform.

        2. Support during business hours.
        """;

    [Fact]
    public void Segment_NestedNumbering_ComposesPaths()
    {
        var clauses = Segmenter.Segment(Normalised(Contract)).Clauses;

        var paths = clauses.Select(c => c.Path).ToList();
        Assert.Contains("12.3", paths);
        Assert.Contains("12.3(a)", paths);
        Assert.Contains("12.3(b)(i)", paths);
        Assert.Contains("12.3(b)(ii)", paths);
        Assert.Contains("12.3(c)", paths);
        Assert.Contains("12.4 ¶2", paths);
        Assert.Contains("Exhibit A/1", paths);
        Assert.Contains("Exhibit A/2", paths);
    }

    [Fact]
    public void Segment_WrappedFiguresAfterNumberInWords_StayInTheSentence()
    {
        var text = "6. FEES\n\n6.4 The Client shall pay each invoice within thirty\n(30) days of receipt. The fees shall not exceed one hundred and fifty thousand pounds\n(GBP 150,000).\n\n6.5 The Consultant may charge interest.\n(a) at two per cent; or\n(b) at the statutory rate.";
        var clauses = Segmenter.Segment(Normalised(text)).Clauses;

        var paths = clauses.Select(c => c.Path).ToList();
        Assert.DoesNotContain("6.4(30)", paths);
        Assert.Contains("(30) days of receipt", clauses.Single(c => c.Path == "6.4").Text, StringComparison.Ordinal);
        Assert.Contains("(GBP 150,000).", clauses.Single(c => c.Path == "6.4").Text, StringComparison.Ordinal);
        Assert.Contains("6.5(a)", paths);
        Assert.Contains("6.5(b)", paths);
    }

    [Fact]
    public void Segment_LetterIAfterH_IsLetterNotRoman()
    {
        var clauses = Segmenter.Segment(Normalised(Contract)).Clauses;

        var ninth = Assert.Single(clauses, c => c.Text.StartsWith("(i) Ninth", StringComparison.Ordinal));
        Assert.Equal("12.3(i)", ninth.Path);
    }

    [Fact]
    public void Segment_EveryClause_TextEqualsItsSpan()
    {
        var text = Normalised(Contract);

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.NotEmpty(clauses);
        Assert.All(clauses, c => Assert.Equal(text[c.Start..c.End], c.Text));
        Assert.All(clauses.Zip(clauses.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
    }

    [Fact]
    public void Segment_Headings_AreInheritedBySubclauses()
    {
        var clauses = Segmenter.Segment(Normalised(Contract)).Clauses;

        Assert.Equal("Limitation of Liability", clauses.Single(c => c.Path == "12.3").Heading);
        Assert.Equal("Limitation of Liability", clauses.Single(c => c.Path == "12.3(b)(ii)").Heading);
        Assert.Equal("DEFINITIONS", clauses.Single(c => c.Path == "Article I").Heading);
        Assert.Equal("SERVICES", clauses.Single(c => c.Path == "Exhibit A").Heading);
    }

    [Fact]
    public void Segment_ArticleNumberWithFullStop_OpensAnArticle()
    {
        var text = Normalised("Article 1. General Terms\n1.1 The Reseller shall act in good faith.\nArticle 2. Appointment\n2.1 The Vendor appoints the Reseller.\nArticle 3.2 of the Framework applies.\n");

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Equal("Appointment", clauses.Single(c => c.Path == "Article 2").Heading);
        Assert.Equal("Appointment", clauses.Single(c => c.Path == "2.1").Heading);
        Assert.DoesNotContain(clauses, c => c.Path == "Article 3");
    }

    [Fact]
    public void Segment_HeadingAfterThePartiesList_EndsTheList()
    {
        var text = Normalised("PARTIES\n(1) Orrin Vale Music Limited, a company registered in England (the \"Licensor\").\n(2) Pellworth Foods plc (the \"Licensee\").\nBACKGROUND\n(A) The Licensor controls the Composition.\n(B) The Licensee wishes to use it.\n1. Definitions\n1.1 In this Agreement the following terms apply.\n");

        var paths = Segmenter.Segment(text).Clauses.Select(c => c.Path).ToList();

        Assert.Contains("(A)", paths);
        Assert.Contains("(B)", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("(2)(", StringComparison.Ordinal));
    }

    [Fact]
    public void Segment_NumberedPartiesList_IsNotClauseOneAndTwo()
    {
        var text = Normalised("PARTIES\n1. Orrin Vale Music Limited, a company incorporated in England (the \"Licensor\").\n2. Pellworth Foods plc, whose registered office is at 2 Mill Lane, Leeds (the \"Licensee\").\nBACKGROUND\n(A) The Licensor controls the Composition.\nAGREED TERMS\n1. Definitions\n1.1 In this Agreement the following terms apply.\n2. Licence\n2.1 The Licensor grants the Licence.\n");

        var clauses = Segmenter.Segment(text).Clauses;
        var paths = clauses.Select(c => c.Path).ToList();

        Assert.Equal("1. Definitions", clauses.Single(c => c.Path == "1").Text);
        Assert.Contains("2.1", paths);
        Assert.DoesNotContain(paths, p => p.Contains('~', StringComparison.Ordinal));
        Assert.Contains("Orrin Vale", clauses.Single(c => c.Path == "(1)").Text, StringComparison.Ordinal);
        Assert.Contains("Pellworth", clauses.Single(c => c.Path == "(2)").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_NumberedClausesBeforeAnyParty_StayClauses()
    {
        var text = Normalised("1. Definitions\n1.1 In this Agreement the following terms apply.\n2. Licence\n2.1 The Licensor grants the Licence.\n");

        var paths = Segmenter.Segment(text).Clauses.Select(c => c.Path).ToList();

        Assert.Equal(["1", "1.1", "2", "2.1"], paths);
    }

    [Theory]
    [InlineData("THE SCHEDULE")]
    [InlineData("Schedule")]
    public void Segment_ScheduleWithoutNumber_OpensASchedule(string heading)
    {
        var text = Normalised("1. Fees\n1.1 The Licensee shall pay the Fees set out in the Schedule.\n2. General\n2.1 This Agreement is governed by English law.\n" + heading + "\nFees\nAnnual fee: GBP 12,000.\n");

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Contains(clauses, c => c.Path.StartsWith("Schedule", StringComparison.Ordinal) && c.Text.Contains("GBP 12,000", StringComparison.Ordinal));
        Assert.DoesNotContain("GBP 12,000", clauses.Single(c => c.Path == "2.1").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SCHEDULE – PROJECT DETAILS", "Schedule", "PROJECT DETAILS")]
    [InlineData("Schedule: Fees", "Schedule", "Fees")]
    [InlineData("SCHEDULE \"B\"", "Schedule B", null)]
    [InlineData("Exhibit “2” – Order Form", "Exhibit 2", "Order Form")]
    [InlineData("EXHIBIT A – ORDER FORM NO. 1", "Exhibit A", "ORDER FORM NO. 1")]
    public void Segment_ScheduleHeadingVariants_OpenASchedule(string heading, string path, string? title)
    {
        var text = Normalised("1. Fees\n1.1 The Licensee shall pay the Fees.\n2. General\n2.1 This Agreement is governed by English law.\n\n" + heading + "\n\n1. Annual fee: GBP 12,000.\n");

        var clauses = Segmenter.Segment(text).Clauses;

        var schedule = clauses.Single(c => c.Path == path);
        Assert.Equal(ClauseKind.Exhibit, schedule.Kind);
        Assert.Equal(title, schedule.Heading);
        Assert.Contains(clauses, c => c.Path == path + "/1" && c.Text.Contains("GBP 12,000", StringComparison.Ordinal));
        Assert.DoesNotContain(clauses, c => c.Kind == ClauseKind.TableOfContents);
    }

    [Fact]
    public void Segment_TableOfContentsEntries_StillEndInPageNumbers()
    {
        var text = Normalised("CONTENTS\n1. Definitions 3\n2. Services 5\nSCHEDULE 1 Fees 12\n\n1. Definitions\n1.1 In this Agreement the following terms apply.\n");

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Contains(clauses, c => c.Kind == ClauseKind.TableOfContents && c.Text.Contains("SCHEDULE 1 Fees 12", StringComparison.Ordinal));
        Assert.Equal("1. Definitions", clauses.Single(c => c.Path == "1").Text);
    }

    [Fact]
    public void Segment_SentenceCaseHeadingsOnTheirOwn_AreHeadings()
    {
        var text = Normalised("PARTIES\n(1) Orrin Vale Music Limited (the \"Licensor\").\n(2) Pellworth Foods plc (the \"Licensee\").\n\nBackground\n\n(A) The Licensor controls the Composition.\n\nAgreed terms\n\nServices and fees\n\n1.1 The Licensor shall provide the Services.\n\nTerm and termination\n\n2.1 Either party may end this Agreement on notice.\n\nPayment is due monthly.\n\nThe Licensee shall keep records\n");

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Equal(ClauseKind.Heading, clauses.Single(c => c.Text == "Background").Kind);
        Assert.Equal("(A)", clauses.Single(c => c.Text.StartsWith("(A)", StringComparison.Ordinal)).Path);
        Assert.Equal("Services and fees", clauses.Single(c => c.Path == "1.1").Heading);
        Assert.Equal("Term and termination", clauses.Single(c => c.Path == "2.1").Heading);
        // A sentence stays a paragraph: it ends in a full stop, or has a verb of obligation.
        Assert.Equal(ClauseKind.Paragraph, clauses.Single(c => c.Text == "Payment is due monthly.").Kind);
        Assert.Equal(ClauseKind.Paragraph, clauses.Single(c => c.Text == "The Licensee shall keep records").Kind);
    }

    [Theory]
    [InlineData("Clause 4 Price", "4", "Price")]
    [InlineData("CLAUSE 7 – TERMINATION", "7", "TERMINATION")]
    [InlineData("11. Restrictions after termination", "11", "Restrictions after termination")]
    public void Segment_ClauseWordAndSentenceCaseTitles_NumberAndHeading(string line, string path, string heading)
    {
        var text = Normalised("1. Definitions\n1.1 In this Agreement the following terms apply.\n\n" + line + "\n\n" + path + ".1 The Buyer shall pay the Price.\n");

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Equal(heading, clauses.Single(c => c.Path == path).Heading);
        Assert.Equal(heading, clauses.Single(c => c.Path == path + ".1").Heading);
    }

    [Fact]
    public void Segment_ClauseWordStartingASentence_IsNotAMarker()
    {
        var text = Normalised("1. Survival\n1.1 On termination the following provisions continue in force:\nClause 12 shall survive termination of this Agreement.\n");

        var paths = Segmenter.Segment(text).Clauses.Select(c => c.Path).ToList();

        Assert.DoesNotContain("12", paths);
    }

    [Fact]
    public void Segment_Definitions_AreFoundAndMarked()
    {
        var structure = Segmenter.Segment(Normalised(Contract));

        var terms = structure.DefinedTerms.Select(t => t.Term).ToList();
        Assert.Contains("Affiliate", terms);
        Assert.Contains("Services", terms);
        Assert.Contains("Agreement", terms);
        Assert.Contains("Customer", terms);
        Assert.Equal(ClauseKind.Definition, structure.Clauses.Single(c => c.Path == "1.1").Kind);
    }

    [Fact]
    public void Segment_InlineEnumeration_SplitsItems()
    {
        const string text = "7.2 Termination. Either party may terminate this Agreement if: (a) the other party materially breaches it and fails to cure within thirty days; (b) the other party becomes insolvent or makes an assignment for creditors; or (c) a force majeure event continues for more than ninety days.";

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Equal(["7.2", "7.2(a)", "7.2(b)", "7.2(c)"], clauses.Select(c => c.Path));
        Assert.StartsWith("(b) the other party becomes insolvent", clauses[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_ShortInlineList_StaysInOneClause()
    {
        const string text = "3.1 Fees. Customer shall pay the fees for: (a) hosting; (b) support; and (c) training.";

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Single(clauses);
    }

    [Fact]
    public void Segment_CrossReference_IsNotAMarker()
    {
        const string text = "5.1 Payment. As set forth in Section 2.1(a) and clause (b) of Exhibit B, fees are due monthly.\n\n5.2 Taxes. Customer pays taxes.";

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Equal(["5.1", "5.2"], clauses.Select(c => c.Path));
    }

    [Fact]
    public void Segment_PageNumbersAndTableOfContents_AreNotClauses()
    {
        const string text = "TABLE OF CONTENTS\n\nARTICLE 1 DEFINITIONS 1\n\n1.1 Defined Terms. 1\n\ni\n\n2. Term 4\n\n1. Definitions. Terms have these meanings.\n\n- 2 -\n\n2. Term. The term is five years.";

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.DoesNotContain(clauses, c => c.Text.Contains("- 2 -", StringComparison.Ordinal));
        var contents = Assert.Single(clauses, c => c.Kind == ClauseKind.TableOfContents);
        Assert.Equal("ARTICLE 1 DEFINITIONS 1\n\n1.1 Defined Terms. 1\n\ni\n\n2. Term 4", contents.Text);
        Assert.Equal("Definitions", clauses.Single(c => c.Path == "1").Heading);
        Assert.Equal("Term", clauses.Single(c => c.Path == "2").Heading);
    }

    [Fact]
    public void Segment_SectionWordAndDeepDecimals_AreSections()
    {
        const string text = "Section 4 Confidentiality\n\n4.1.1 Each party keeps secrets.\n\n4.1.2 Exceptions apply.\n\n§ 5. Notices. Notices go in writing.";

        var clauses = Segmenter.Segment(text).Clauses;

        Assert.Equal(["4", "4.1.1", "4.1.2", "5"], clauses.Select(c => c.Path));
        Assert.Equal("Notices", clauses[^1].Heading);
    }

    [Fact]
    public void Segment_LongParagraph_IsSplitAtSentences()
    {
        var sentence = "The Supplier shall deliver the goods in accordance with the agreed schedule and specifications. ";
        var text = "9.1 Delivery. " + string.Concat(Enumerable.Repeat(sentence, 60)).TrimEnd();
        var segmenter = new ClauseSegmenter { MaxClauseLength = 1000 };

        var clauses = segmenter.Segment(text).Clauses;

        Assert.True(clauses.Count > 3);
        Assert.Equal("9.1", clauses[0].Path);
        Assert.Equal("9.1#2", clauses[1].Path);
        Assert.All(clauses, c => Assert.True(c.Length <= 1000 + sentence.Length));
        Assert.All(clauses, c => Assert.Equal(text[c.Start..c.End], c.Text));
    }

    [Fact]
    public void Segment_LongParagraph_DoesNotSplitAfterAbbreviationsOrInitials()
    {
        const string text = "This Agreement is made between Halvorsen Biologics, Inc., a Minnesota corporation with offices at 200 Main St. Paul, Minnesota, and J. Smith of U.S. Bank, N.A. acting as escrow agent. The parties agree as follows. Each party keeps the other's information confidential and uses it only for the purpose.";
        var segmenter = new ClauseSegmenter { MaxClauseLength = 120 };

        var clauses = segmenter.Segment(text).Clauses;

        Assert.All(clauses, c => Assert.DoesNotMatch(@"^(Paul|Smith|Bank|acting)\b", c.Text));
        Assert.StartsWith("The parties agree", clauses[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_EmptyText_ReturnsNoClauses()
    {
        Assert.Empty(Segmenter.Segment(string.Empty).Clauses);
    }

    private static string Normalised(string text) => TextNormalizer.Normalize(text);
}
