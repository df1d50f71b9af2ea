using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

public sealed class ContractReviewerTests : IDisposable
{
    private static readonly Lazy<LocalAnalyst> Analyst = new(() => LocalAnalyst.Load(RepositoryPaths.Model));
    private readonly StoreFixture _f = new();
    private readonly Playbook _playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);

    public void Dispose() => _f.Dispose();

    public static TheoryData<string> Samples() =>
    [
        "saas-subscription-agreement.md", "mutual-nda.txt", "consulting-services-agreement.html",
        "supply-agreement.docx", "software-licence-agreement.pdf",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReviewFile_Sample_QuotesOccurVerbatimInTheSourceText(string sample)
    {
        var path = RepositoryPaths.Sample(sample);
        var source = (await DocumentReaders.CreateDefault().ReadFileAsync(path)).Text;

        var report = await Reviewer().ReviewFileAsync(path, StoreFixture.Alice, _playbook, new AnalysisOptions());

        Assert.NotEmpty(report.Findings);
        Assert.All(report.Findings, f =>
        {
            Assert.Equal(f.Quote, source[f.Start..f.End]);
            Assert.InRange(f.Confidence, 0, 1);
            Assert.NotNull(_playbook.RuleFor(f.Category));
        });
        Assert.Equal(report.Findings.OrderByDescending(f => f.Severity).Select(f => f.Severity), report.Findings.Select(f => f.Severity));
    }

    [Fact]
    public async Task Analyze_WithProgress_CountsUpToEveryStepOnce()
    {
        var path = RepositoryPaths.Sample("saas-subscription-agreement.md");
        var ingested = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken);
        var document = (await _f.Store.GetDocumentAsync(ingested.DocumentId, StoreFixture.Alice, TestContext.Current.CancellationToken))!;
        var reports = new List<WorkProgress>();
        var progress = new Recorded(reports);

        var report = new ContractAnalyzer(Analyst.Value).Analyze(document, _playbook, new AnalysisOptions(), progress);

        Assert.NotEmpty(report.Findings);
        var total = Analyst.Value.Model.Categories.Count + 15; // two model readings, twelve contract-wide readers, the settling
        Assert.All(reports, r => Assert.Equal(($"analysing {report.ClauseCount} clauses", total), (r.Stage, r.Total)));
        Assert.Equal(total, reports[^1].Done);
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
        Assert.Equal(reports.Count, reports.Select(r => r.Done).Distinct().Count());
    }

    /// <summary>Keeps each report in order, on the reporting thread (a <see cref="Progress{T}"/> would post them later).</summary>
    private sealed class Recorded(List<WorkProgress> reports) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    [Fact]
    public async Task ReviewFile_TextLongerThanAReviewReads_RefusedWithNothingStored()
    {
        var text = ContractTexts.Supply + "\n\n" + string.Concat(Enumerable.Repeat("The Supplier shall keep records. ", (ContractAnalyzer.MaxCharacters / 33) + 1));
        var path = _f.Dir.Write("bundle.txt", text);

        var ex = await Assert.ThrowsAsync<TandemException>(() => Reviewer().ReviewFileAsync(path, StoreFixture.Alice, _playbook, new AnalysisOptions()));

        Assert.Contains("more than one review reads", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _f.Store.ListDocumentsAsync(StoreFixture.Alice, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReviewFile_ContractWithoutLiabilityCap_ReportsMissingProtection()
    {
        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("nda.txt", ContractTexts.Nda), StoreFixture.Alice, _playbook, new AnalysisOptions());

        Assert.Contains(report.MissingProtections, m => m.Category == "Cap on Liability");
        Assert.DoesNotContain(report.Findings, f => f.Category == "Cap on Liability");
    }

    [Fact]
    public async Task ReviewFile_TitleNamesNoKind_KindFromTheRolesDecidesWhatIsExpected()
    {
        var path = _f.Dir.Write("framework.txt", """
            MASTER AGREEMENT

            This Agreement is made between Hollow Castings Limited (the "Supplier") and Arden Pumps Limited (the "Buyer").

            1. Orders

            1.1 The Buyer may place orders for Components with the Supplier from time to time.

            2. Law

            2.1 This Agreement is governed by the law of England and Wales.
            """);

        var report = await Reviewer().ReviewFileAsync(path, StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "buyer" });

        Assert.Equal("supply", report.ContractKind);
        Assert.True(report.ContractKindDetected);
        Assert.Contains(report.MissingProtections, m => m.Category == "Insurance");
    }

    [Theory]
    [InlineData("client", "one month where notice is given by the Studio, and six months where notice is given by the Client", true)]
    [InlineData("client", "six months where notice is given by the Client, and one month where notice is given by the Studio", true)]
    [InlineData("client", "three months where notice is given by either party", false)]
    [InlineData("studio", "one month where notice is given by the Studio, and six months where notice is given by the Client", false)]
    public async Task ReviewFile_RollingTermEndedOnADefinedNotice_ShortForTheOtherSideIsAHighExit(string side, string noticePeriod, bool deviates)
    {
        // "continue until either party ends it by giving … notice" is an exit anyone may take without cause; the defined
        // notice decides whom it favours.
        var path = _f.Dir.Write("studio.txt", $$"""
            CREATIVE SERVICES AGREEMENT

            This Agreement is made between Pellow Studio Limited (the "Studio") and Marsh Foods Limited (the "Client").

            1. Definitions

            1.1 In this Agreement:

            "Notice Period" means {{noticePeriod}}.

            "Services" means the design services described in the Schedule.

            2. Services

            2.1 The Studio shall provide the Services to the Client with reasonable skill and care.

            3. Duration

            3.1 This Agreement starts on its date and shall continue until either party ends it by giving the other written notice of the Notice Period.

            3.2 Either party may end this Agreement at once by notice if the other commits a material breach that it does not remedy within 21 days.
            """);

        var report = await Reviewer().ReviewFileAsync(path, StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = side });

        var exit = Assert.Single(report.Findings, f => f.Category == "Termination for Convenience" && f.ClausePath == "3.1");
        Assert.Equal(deviates, exit.Deviations.Contains("A mutual notice period that is short for the other side and long for you"));
        Assert.Equal(deviates, exit.Severity >= Severity.High);
    }

    [Fact]
    public async Task ReviewFile_ListItemWithoutTitleVerbs_IsJudgedWithItsLeadIn()
    {
        // "(c) Supplier undergoes a change in ownership or control." has none of the verbs a title lacks; it used to be
        // read as a title and carry nothing, so the buyer's change-of-control exit went unreported.
        var path = _f.Dir.Write("supply.txt", """
            SUPPLY AGREEMENT

            This Agreement is made between Hollow Castings Limited (the "Supplier") and Arden Pumps Limited (the "Buyer").

            1. Supply

            1.1 The Supplier shall supply the Components ordered by the Buyer in accordance with the Specification.

            2. Termination

            2.1 The Buyer may terminate this Agreement immediately by written notice if:

            (a) the Supplier misses three delivery dates in any quarter;

            (b) the Supplier loses any certification required for the Components; or

            (c) the Supplier undergoes a change in ownership or control.
            """);

        var report = await Reviewer().ReviewFileAsync(path, StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "supplier" });

        var finding = Assert.Single(report.Findings, f => f.Category == "Change of Control");
        Assert.Equal("2.1", finding.ClausePath);
        Assert.True(finding.Severity >= Severity.High);
    }

    [Fact]
    public async Task ReviewFile_LiabilityClause_IsJudgedByPlaybookDeviations()
    {
        var path = _f.Dir.Write("msa.txt", """
            MASTER SERVICES AGREEMENT

            8. Limitation of Liability. IN NO EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY ARISING OUT OF OR RELATED TO THIS AGREEMENT EXCEED THE TOTAL AMOUNT PAID BY CUSTOMER HEREUNDER IN THE TWELVE (12) MONTHS PRECEDING THE EVENT GIVING RISE TO LIABILITY.

            9. Governing Law. This Agreement shall be governed by the laws of the State of New York.
            """);
        var playbook = PlaybookLoader.Parse("""
            name: Strict
            rules:
              - category: Cap on Liability
                expected: true
                severity: low
                deviations:
                  - name: twelve-month lookback
                    pattern: '(?i)twelve \(12\) months'
                    severity: high
                    rationale: A twelve-month lookback is below our standard.
            """, "strict.yaml");

        var report = await Reviewer().ReviewFileAsync(path, StoreFixture.Alice, playbook, new AnalysisOptions());

        var cap = Assert.Single(report.Findings, f => f.Category == "Cap on Liability");
        Assert.Equal(Severity.High, cap.Severity);
        Assert.Equal("8", cap.ClausePath);
        Assert.Equal(["twelve-month lookback"], cap.Deviations);
        Assert.Equal("A twelve-month lookback is below our standard.", cap.Rationale);
        Assert.Empty(report.MissingProtections);
    }

    [Fact]
    public async Task ReviewFile_ClauseSplitIntoPieces_IsOneFindingQuotingItsPieces()
    {
        var path = _f.Dir.Write("long.txt", """
            SERVICES AGREEMENT

            8. Limitation of Liability. IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL, CONSEQUENTIAL OR PUNITIVE DAMAGES ARISING OUT OF THIS AGREEMENT. EACH PARTY'S AGGREGATE LIABILITY ARISING OUT OF OR RELATED TO THIS AGREEMENT SHALL NOT EXCEED THE FEES PAID BY CUSTOMER IN THE TWELVE MONTHS BEFORE THE CLAIM. THE LIMITATIONS IN THIS SECTION APPLY EVEN IF A REMEDY FAILS OF ITS ESSENTIAL PURPOSE AND EVEN IF A PARTY WAS ADVISED OF THE POSSIBILITY OF SUCH DAMAGES.
            """);
        var source = (await DocumentReaders.CreateDefault().ReadFileAsync(path)).Text;

        var report = await Reviewer().ReviewFileAsync(path, StoreFixture.Alice, _playbook, new AnalysisOptions());

        Assert.True(new ClauseSegmenter().Segment(source).Clauses.Count(c => c.Path.StartsWith("8", StringComparison.Ordinal)) > 1, "the clause should be split into pieces");
        Assert.All(report.Findings, f => Assert.DoesNotContain('#', f.ClausePath));
        var cap = Assert.Single(report.Findings, f => f.Category == "Cap on Liability");
        Assert.Equal("8", cap.ClausePath);
        Assert.Equal(cap.Quote, source[cap.Start..cap.End]);
    }

    [Fact]
    public async Task ReviewDocument_OtherUsersDocument_IsRefusedAndLeaksNothing_TheSameFileIsReviewedAsTheirOwn()
    {
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        var aliceReport = await Reviewer().ReviewFileAsync(path, StoreFixture.Alice, _playbook, new AnalysisOptions());

        var byId = await Assert.ThrowsAsync<TandemException>(() => Reviewer().ReviewDocumentAsync(aliceReport.DocumentId, StoreFixture.Bob, _playbook, new AnalysisOptions()));
        var byFile = await Reviewer().ReviewFileAsync(path, StoreFixture.Bob, _playbook, new AnalysisOptions());

        Assert.Contains("may not read", byId.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Birch", byId.Message, StringComparison.Ordinal);
        Assert.NotEqual(aliceReport.DocumentId, byFile.DocumentId); // bob's copy is his own document
        Assert.Null(await _f.Store.GetDocumentAsync(byFile.DocumentId, StoreFixture.Alice));
    }

    [Fact]
    public async Task ReviewFile_WhereasParagraph_BindsNobody()
    {
        const string text = """
            SOFTWARE LICENCE AGREEMENT

            This Agreement is made between Orbisight Labs Limited, a company incorporated in England and Wales ("Licensor"), and Halden Point Software, Inc., a Delaware corporation ("Licensee").

            WHEREAS the Licensor shall not license the Software to any other person in the Territory during the term; the parties agree as follows.

            1. Fees

            1.1 The Licensee shall pay the royalties set out in Schedule 1 within thirty days of each invoice.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("whereas.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "licensor" });

        Assert.DoesNotContain(report.Findings, f => f.ClausePath.StartsWith('¶') && f.Severity >= Severity.Medium);
    }

    [Fact]
    public async Task ReviewFile_DefinitionsSchedulesAndTitles_CarryNoFinding()
    {
        const string text = """
            DISTRIBUTION AGREEMENT

            This Agreement is made between Ridgeback Outdoor Ltd, a company incorporated in Ontario ("Supplier"), and Northline Trading Inc., a company incorporated in Ontario ("Distributor").

            1. Definitions and Schedules

            1.1 Definitions. In this Agreement:

            (a) "Contract Year" means each period of twelve months beginning on the Effective Date;

            (b) "Minimum Purchase Amount" means, for each Contract Year, the minimum purchase amount set out for that Contract Year in Schedule B.

            1.2 Schedules. The following Schedules form part of this Agreement: Schedule A (Products) and Schedule B (Minimum Purchase Amounts).

            Section 2. Forecasts, Orders and Minimum Purchases

            2.1 The Distributor shall purchase Products of not less than the Minimum Purchase Amount in each Contract Year and shall pay the Supplier the shortfall if its purchases fall short of that minimum.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("distribution.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "distributor" });

        Assert.DoesNotContain(report.Findings, f => f.ClausePath is "1.2" or "2"); // a list of schedules, a title
        Assert.DoesNotContain(report.Findings, f => f.ClausePath == "1.1" && f.Severity >= Severity.High); // a definition binds nobody by itself
        Assert.Contains(report.Findings, f => f.Category == "Minimum Commitment" && f.ClausePath == "2.1" && f.Severity >= Severity.High);
    }

    [Fact]
    public async Task ReviewFile_ForumClauseWithoutWordsOfLaw_JudgedForTheSide()
    {
        const string text = """
            HOSTING SERVICES AGREEMENT

            This Agreement is made between Copperline Hosting LLC, a Nevada limited liability company ("Provider"), and Ardent Clinics Inc., an Ohio corporation ("Customer").

            1. Services

            1.1 The Provider shall host the Customer's clinical records application in accordance with the Service Description.

            2. Disputes

            2.1 Governing Law. This Agreement is governed by the laws of the State of Ohio, without regard to its conflict of laws rules.

            2.2 Venue. Any action or proceeding by Customer arising out of or relating to this Agreement shall be brought exclusively in the state courts located in Washoe County, Nevada, and Customer irrevocably submits to the personal jurisdiction of those courts.

            2.3 Notwithstanding clause 2.2, the Provider may bring proceedings for unpaid fees against the Customer in the courts of any country in which the Customer has assets.
            """;
        var file = _f.Dir.Write("hosting.txt", text);

        var forCustomer = await Reviewer().ReviewFileAsync(file, StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "customer" });
        var forProvider = await Reviewer().ReviewFileAsync(file, StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "provider" });

        // The forum binds only the Customer, away from its home, and the Provider may sue anywhere: medium for the Customer.
        var venue = Assert.Single(forCustomer.Findings, f => f.Category == "Governing Law" && f.ClausePath == "2.2");
        Assert.Equal(Severity.Medium, venue.Severity);
        Assert.Contains(venue.Deviations, d => d.Contains("Only you", StringComparison.Ordinal));
        Assert.Contains(forCustomer.Findings, f => f.Category == "Governing Law" && f.ClausePath == "2.3" && f.Severity == Severity.Medium);
        // For the Provider the same clauses are its own home forum and its own freedom: nothing to report by words.
        Assert.DoesNotContain(forProvider.Findings, f => f.Category == "Governing Law" && f.ClausePath is "2.2" or "2.3" && f.Severity >= Severity.Medium);
    }

    [Fact]
    public async Task ReviewFile_RecitalsHeadingsListsAndRareClauses_JudgedWhereTheyBind()
    {
        const string text = """
            SOFTWARE LICENCE AGREEMENT

            This Agreement is made between Orbisight Labs Limited, a company incorporated in England and Wales ("Licensor"), and Halden Point Software, Inc., a Delaware corporation ("Licensee").

            (A) The Licensor holds the exclusive right to grant licences of the Software and wishes to grant an exclusive licence to the Licensee.

            1. Fleet volumes and minimum purchase commitment

            1.1 The Licensee shall pay the royalties set out in Schedule 1 within thirty days of each invoice.

            2. Source code

            2.1 The Source Code shall be released to the Licensee if:

            (a) the Licensor becomes insolvent;

            (b) the Licensor undergoes a Change of Control; or

            (c) the Licensor misses a single Severity 1 response time.

            3. Most favoured terms

            3.1 If the Licensor grants any other licensee a lower royalty rate, the royalty payable by the Licensee shall automatically be reduced to that lower rate.

            4. Governing law

            4.1 This Agreement is governed by the laws of England and Wales.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("oem.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "licensor" });

        Assert.DoesNotContain(report.Findings, f => f.ClausePath == "(A)" && f.Severity >= Severity.Medium); // a recital binds nobody
        Assert.DoesNotContain(report.Findings, f => f.ClausePath == "1"); // a bare heading states nothing
        var escrow = Assert.Single(report.Findings, f => f.Category == "Source Code Escrow");
        Assert.Equal((Severity.High, "2.1"), (escrow.Severity, escrow.ClausePath)); // judged with its list: released on a change of control
        Assert.Contains(report.Findings, f => f.Category == "Most Favored Nation" && f.ClausePath == "3.1" && f.Severity >= Severity.High);
        Assert.Contains(report.Findings, f => f.Category == "Governing Law" && f.ClausePath == "4.1" && f.Severity == Severity.Info);
    }

    [Fact]
    public async Task ReviewFile_ListItemFoundByItsWords_JudgedWithTheLeadInThatNamesWhoIsBound()
    {
        const string text = """
            CONFIDENTIALITY AND STANDSTILL AGREEMENT

            This Agreement is made between Pellridge Group plc ("Pellridge") and Orvane Systems Limited ("Orvane").

            7. Restrictions

            7.1 Pellridge undertakes that, for eighteen months from the date of this Agreement, neither it nor any of its Affiliates shall, without the prior written consent of the board of Orvane:

            (a) acquire, offer to acquire or agree to acquire, directly or indirectly, any voting securities of Orvane;

            (b) solicit proxies from the shareholders of Orvane; or

            (c) seek representation on the board of Orvane.

            8. Governing law

            8.1 This Agreement is governed by the laws of England and Wales.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("standstill.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "Pellridge" });

        var standstill = Assert.Single(report.Findings, f => f.Category == "Non-Compete");
        Assert.Equal(("7.1", Severity.High, Favours.Them), (standstill.ClausePath, standstill.Severity, standstill.Favours));
        Assert.Contains("(c) seek representation", standstill.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewFile_ScheduleTitleAndUnsureScheduleLine_NoAlarm()
    {
        const string text = """
            WAREHOUSING AGREEMENT

            This Agreement is made between Fenmoor Logistics LLC ("Provider") and Ashcombe Home Goods, Inc. ("Customer").

            3. Commitment

            3.1 The Customer shall pay for a minimum of 2,000 pallet positions in each month of the Term, whether or not it uses them, and any shortfall is invoiced at the storage rate.

            Schedule 2 – Minimum Purchase Commitment for Each Contract Year and Month

            Performance indicators: dock-to-stock within two business days; order accuracy of at least 99.7%; same-day shipment of orders received before 2:00 p.m.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("warehouse.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "customer" });

        Assert.Contains(report.Findings, f => f.Category == "Minimum Commitment" && f.ClausePath == "3.1" && f.Severity >= Severity.High);
        Assert.DoesNotContain(report.Findings, f => f.ClausePath.StartsWith("Schedule", StringComparison.Ordinal) && f.Severity >= Severity.High);
    }

    [Theory]
    [InlineData(false, "", Severity.Medium)]
    [InlineData(true, "", null)]
    [InlineData(true, ", whether or not caused by the negligence of the Client", Severity.High)]
    [InlineData(true, ", except to the extent caused by the negligence of the Client", null)]
    [InlineData(false, ", including claims relating to materials approved by the Client", Severity.Critical)]
    [InlineData(false, " or otherwise in connection with the Services", Severity.Critical)]
    public async Task ReviewFile_IndemnityByYou_UncappedWhenNoClauseCapsAnythingOrItCoversTheirConduct(bool withCap, string reach, Severity? expected)
    {
        var cap = withCap ? "10.2 The aggregate liability of each party under this Agreement shall not exceed the fees paid in the twelve months before the claim.\n\n" : string.Empty;
        var text = $"""
            CREATIVE SERVICES AGREEMENT

            This Agreement is made between Pellow Garden Supplies Limited ("Client") and Saffron Lane Studio Limited ("Studio").

            10. Indemnity and liability

            10.1 The Studio shall indemnify the Client and its group companies against all losses, liabilities, damages, costs and expenses arising out of any breach of this Agreement by the Studio{reach}.

            {cap}11. Governing law

            11.1 This Agreement is governed by the laws of England and Wales.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("studio.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "studio" });

        // The playbook's judgement; the shipped severity weights raise the bare uncapped indemnity to high, and say so.
        Assert.Equal(expected, PlaybookSeverity(report.Findings.FirstOrDefault(f => f.Category == "Uncapped Liability" && f.ClausePath == "10.1")));
    }

    /// <summary>The severity the playbook gave a finding, before the severity weights raised it (they name it in a deviation).</summary>
    private static Severity? PlaybookSeverity(Finding? finding) =>
        finding?.Deviations.Select(d => System.Text.RegularExpressions.Regex.Match(d, "the playbook alone said (\\w+)$")).FirstOrDefault(m => m.Success) is { } raised
            ? Enum.Parse<Severity>(raised.Groups[1].Value, ignoreCase: true)
            : finding?.Severity;

    [Theory]
    [InlineData("manufacturer", "any person acquiring control (within the meaning of section 1124 of the Corporation Tax Act 2010) of the Manufacturer", true)]
    [InlineData("manufacturer", "the Manufacturer undergoing a change of control", true)]
    [InlineData("manufacturer", "the Manufacturer failing to deliver three Orders in a row", null)]
    [InlineData("brand owner", "any person acquiring control (within the meaning of section 1124 of the Corporation Tax Act 2010) of the Manufacturer", null)]
    public async Task ReviewFile_TerminationOnAnEventDefinedAsYourChangeOfControl_High(string side, string eventWords, bool? expectHigh)
    {
        // The termination clause names no change of control; the definition it relies on does.
        var definition = eventWords.StartsWith("the Manufacturer undergoing", StringComparison.Ordinal)
            ? "1.2 \"Termination Event\" means, in relation to the Manufacturer, any of the following:\n\n(a) its insolvency;\n\n(b) the Manufacturer undergoes a change of control; or\n\n(c) it ceases to carry on business."
            : $"1.2 \"Termination Event\" means, in relation to the Manufacturer, its insolvency, the appointment of an administrator over any of its assets, or {eventWords}.";
        var text = $"""
            WHITE LABEL MANUFACTURING AGREEMENT

            This Agreement is made between Hollin Brands Limited (the "Brand Owner") and Petrel Moulding Limited (the "Manufacturer").

            1. Definitions

            1.1 "Products" means the products listed in Schedule 1.

            {definition}

            2. Supply

            2.1 The Manufacturer shall make and supply the Products to the Brand Owner in accordance with Orders placed under this Agreement.

            13. Termination

            13.1 Either party may terminate this Agreement by written notice if the other commits a material breach and fails to remedy it within 30 days.

            13.2 The Brand Owner may terminate this Agreement immediately by written notice if a Termination Event occurs.

            14. Governing law

            14.1 This Agreement is governed by the laws of England and Wales.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("white-label.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = side });

        var finding = report.Findings.FirstOrDefault(f => f.Category == "Change of Control" && f.ClausePath == "13.2");
        if (expectHigh is null)
        {
            Assert.True(finding is null || finding.Severity < Severity.High, $"13.2: {finding?.Severity}");
        }
        else
        {
            Assert.Equal(Severity.High, finding?.Severity);
        }
    }

    [Theory]
    [InlineData("the greater of (a) the number of employees of the Customer processed by the Bureau in that Pay Period and (b) 250", true)]
    [InlineData("the number of employees of the Customer processed by the Bureau in that Pay Period", false)]
    public async Task ReviewFile_FeesOnANumberDefinedNeverToFallBelowAFloor_MinimumCommitment(string definition, bool minimum)
    {
        var text = $"""
            PAYROLL BUREAU SERVICES AGREEMENT

            This Agreement is made between Quarry Lane Payroll Limited (the "Bureau") and Hollin Foods Limited (the "Customer").

            1. Definitions

            1.1 "Pay Period" means each calendar month.

            1.2 "Chargeable Employees" means, for each Pay Period, {definition}.

            7. Fees

            7.1 In consideration of the Services the Customer shall pay the Fees, calculated for each Pay Period by reference to the number of Chargeable Employees.

            7.2 The Bureau shall invoice the Fees monthly in arrears and the Customer shall pay each invoice within 30 days.

            14. Governing law

            14.1 This Agreement is governed by the laws of England and Wales.
            """;

        var report = await Reviewer().ReviewFileAsync(_f.Dir.Write("payroll.txt", text), StoreFixture.Alice, _playbook, new AnalysisOptions { ForParty = "customer" });

        var high = report.Findings.Any(f => f.Category == "Minimum Commitment" && f.ClausePath == "7.1" && f.Severity >= Severity.High);
        Assert.Equal(minimum, high);
    }

    private ContractReviewer Reviewer() => new(_f.Ingestor, _f.Store, new ContractAnalyzer(Analyst.Value));
}
