using Tandem.Analysis;

namespace Tandem.Tests.Analysis;

/// <summary>The playbook judged for a side: whose clause it is, how far it deviates, which kind of contract it is, no contradictions.</summary>
public sealed class SideAwareReviewTests
{
    private static readonly ContractParty[] Parties = [new("Lumenfield Software, Inc.", "Provider"), new("Carrow & Beck Outfitters, LLC", "Customer")];

    private static readonly Playbook Playbook = PlaybookLoader.Parse("""
        name: Side test
        version: "1"
        rules:
          - category: Termination for Convenience
            expected: true
            expected_for: [saas, services]
            severity: low
            deviations:
              - name: Only the other side may terminate at will
                when: [them]
                severity: high
                rationale: "{them} may end the agreement at will; {us} stays bound."
              - name: Your own exit
                when: [us]
                severity: info
              - name: Long notice
                pattern: '(?i)notice'
                severity: medium
          - category: Cap on Liability
            expected: true
            severity: low
            deviations:
              - name: Cap below twelve months of fees
                measure: cap_months
                below: 12
                severity: high
        """, "side-test.yaml");

    [Theory]
    [InlineData("Provider may terminate this Agreement for convenience on sixty (60) days' notice.", Severity.High, "Provider may end the agreement at will; Customer stays bound.")]
    [InlineData("Customer may terminate this Agreement for convenience on thirty (30) days' notice.", Severity.Info, null)]
    [InlineData("Either party may terminate this Agreement on ninety (90) days' notice.", Severity.Medium, null)]
    public void Judge_TerminationRight_SeverityDependsOnWhoseRightItIs(string clause, Severity expected, string? rationale)
    {
        var finding = Judge("Termination for Convenience", clause, "customer");

        Assert.Equal(expected, finding.Severity);
        if (rationale is not null)
        {
            Assert.Equal(rationale, finding.Rationale);
        }
    }

    [Fact]
    public void Judge_CapBelowStandard_SaysWhatWasMeasured()
    {
        var finding = Judge("Cap on Liability", "Provider's aggregate liability shall not exceed the fees paid in the three (3) months preceding the claim.", "customer");

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("cap months 3 months of fees; your standard ≥ 12 months of fees", finding.Measured);
        Assert.Equal(Favours.Them, finding.Favours);
        Assert.Equal("Provider", finding.Beneficiary);
    }

    [Fact]
    public void Judge_SameClauseForTheOtherSide_Mirrors() =>
        Assert.Equal(Severity.Info, Judge("Termination for Convenience", "Provider may terminate this Agreement for convenience at any time.", "provider").Severity);

    [Theory]
    [InlineData("when: [sometimes]", "unknown 'when' value 'sometimes'")]
    [InlineData("measure: weight\n        below: 3", "unknown measure 'weight'")]
    [InlineData("measure: notice_days", "needs a bound")]
    public void Parse_BadSideConditions_OneLineError(string condition, string expected)
    {
        var yaml = $"""
            name: Bad
            rules:
              - category: Cap on Liability
                deviations:
                  - name: x
                    {condition}
            """;

        var error = Assert.Throws<TandemException>(() => PlaybookLoader.Parse(yaml, "bad.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MUTUAL NONDISCLOSURE AGREEMENT", "nda")]
    [InlineData("MASTER SAAS SUBSCRIPTION AGREEMENT", "saas")]
    [InlineData("Exclusive Distribution Agreement", "distribution")]
    [InlineData("EXCLUSIVE DISTRIBUTION AND BRAND AGREEMENT", "distribution")]
    [InlineData("FRAMEWORK AGREEMENT FOR THE HIRE OF CONSTRUCTION PLANT", "lease")]
    [InlineData("PATENT LICENSE AGREEMENT", "patent-licence")]
    [InlineData("Software License Agreement", "licence")]
    [InlineData("Consulting Services Agreement", "services")]
    [InlineData("Joint Development Agreement", "joint-development")]
    [InlineData("Data Processing Agreement", "hosting")]
    [InlineData("Lease", "lease")]
    [InlineData("MASTER EQUIPMENT LEASE AGREEMENT", "lease")]
    [InlineData("Title Sponsorship Agreement", "sponsorship")]
    [InlineData("OEM Manufacturing and Trade Mark Licence Agreement", "supply")]
    [InlineData("Shareholders Agreement", "other")]
    [InlineData("Software Reseller and Referral Partner Agreement", "distribution")]
    [InlineData("Channel Partner Agreement", "distribution")]
    [InlineData("Custom Software Development and Code Licence Agreement", "services")]
    [InlineData("AGREEMENT FOR THE SUPPLY OF IT CONTRACTORS", "services")]
    [InlineData("Agreement for the Supply of Packaging Materials", "supply")]
    [InlineData("Mutual Confidentiality and Standstill Agreement", "nda")]
    [InlineData("PATENT AND KNOW-HOW LICENCE AGREEMENT", "patent-licence")]
    [InlineData("Software Development and Licence Agreement", "services")]
    [InlineData("Trademark and Brand Licence Agreement", "licence")]
    [InlineData("IT Outsourcing Agreement", "services")]
    [InlineData("Franchise Agreement", "distribution")]
    [InlineData("Sponsored Research Agreement", "joint-development")]
    [InlineData("Co-Marketing and Referral Agreement", "distribution")]
    [InlineData("Equipment Supply and Installation Agreement", "supply")]
    [InlineData("Mutual Confidentiality, Non-Solicitation and Standstill Agreement", "nda")]
    [InlineData("Confidentiality Undertaking", "nda")]
    [InlineData("Cloud Platform Terms of Service", "saas")]
    [InlineData("Software Licence and Maintenance Agreement", "licence")]
    [InlineData("Software Support and Maintenance Agreement", "services")]
    [InlineData("Framework Purchasing Agreement", "supply")]
    [InlineData("CO-DEVELOPMENT AND JOINT VENTURE AGREEMENT", "joint-development")]
    [InlineData("CREATIVE AND MEDIA BUYING AGENCY AGREEMENT", "services")]
    [InlineData("Marketing Agency Agreement", "services")]
    [InlineData("Sales Agency Agreement", "distribution")]
    [InlineData("Agreement for Structural Engineering Services", "services")]
    [InlineData("Deed of Appointment of Architect", "services")]
    [InlineData("Agreement for the Appointment of a Quantity Surveyor", "services")]
    [InlineData("Commercial Property Management Agreement", "services")]
    [InlineData("Terms of Business for the Supply of Temporary Workers", "services")]
    [InlineData("Road Haulage Subcontract Agreement", "services")]
    [InlineData("Digital Services Retainer Agreement", "services")]
    [InlineData("Influencer Marketing Agreement", "services")]
    [InlineData("Managed Cloud Hosting and Database Services Agreement", "hosting")]
    [InlineData("Infrastructure Services Agreement", "hosting")]
    [InlineData("Backup and Disaster Recovery Services Agreement", "hosting")]
    [InlineData("Master Subscription and Services Agreement", "saas")]
    [InlineData("Mutual Non-Disclosure and Tender Co-operation Agreement", "nda")]
    [InlineData("Research Consortium Agreement", "joint-development")]
    [InlineData("Hotel Management Agreement", "services")]
    [InlineData("JOINT BREEDING AGREEMENT", "joint-development")]
    [InlineData("IT Infrastructure Outsourcing Agreement", "services")]
    [InlineData("Contract Bottling Agreement", "supply")]
    [InlineData("Co-Packing Agreement", "supply")]
    [InlineData("CLINICAL TRIAL SITE AGREEMENT", "services")]
    [InlineData("Clinical Study Agreement", "services")]
    [InlineData("API Access and Platform Agreement", "saas")]
    public void Detect_Title_TheKind(string title, string kind) => Assert.Equal(kind, ContractKinds.Detect(title, title + "\n\nThis agreement is made between A and B."));

    [Theory]
    [InlineData("The Supplier shall keep a backup of the Customer Data for the term of this agreement.")]
    [InlineData("The confidentiality obligations of the parties under this agreement survive its termination.")]
    [InlineData("Each party shall comply with its obligations for the provision of the services under this agreement.")]
    public void Detect_KindWordsInTheBody_NoKindFromThem(string sentence) =>
        Assert.Equal("other", ContractKinds.Detect("MASTER AGREEMENT", "MASTER AGREEMENT\n\nThis agreement is made between A and B.\n\n1.1 " + sentence));

    [Theory]
    [InlineData("Supplier,Buyer", "supply")]
    [InlineData("Customer,Supplier", "supply")]
    [InlineData("Licensor,Customer", "licence")]
    [InlineData("Franchisor,Franchisee", "distribution")]
    [InlineData("Consultant,Client", "services")]
    [InlineData("Lessor,Lessee", "lease")]
    [InlineData("Owner,Hirer", "lease")]
    [InlineData("Sponsor,Organizer", "sponsorship")]
    [InlineData("Customer,Company", "other")]
    [InlineData("Licensor,Distributor", "other")]
    [InlineData("Supplier,Distributor", "distribution")]
    [InlineData("Sponsor,Investor,Company", "other")]
    [InlineData("Sponsor,Shareholder", "other")]
    [InlineData("Sponsor", "sponsorship")]
    public void FromRoles_DefinedRoles_TheKindTheyImply(string roles, string kind) => Assert.Equal(kind, ContractKinds.FromRoles(roles.Split(',')));

    [Theory]
    [InlineData("distribution", "Franchisor", "", true)]
    [InlineData("distribution", "Provider", "", true)]
    [InlineData("distribution", "Distributor", "", false)]
    [InlineData("services", "Provider", "PAYROLL OUTSOURCING AGREEMENT", true)]
    [InlineData("hosting", "Provider", "The Provider shall keep 64 dedicated GPU servers for the Customer.", true)]
    [InlineData("saas", "Provider", "\"Authorized User\" means an employee or outsourced accountant of Customer.", false)]
    [InlineData("services", "Client", "PAYROLL OUTSOURCING AGREEMENT", false)]
    public void MinimumCommitment_ShippedPlaybook_ExpectedWhereTheSideInvestsOrGrantsTheTerritory(string kind, string role, string text, bool expected)
    {
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Minimum Commitment")!;

        Assert.Equal(expected, rule.IsExpectedIn(kind, role, text));
    }

    [Theory]
    [InlineData("No-Solicit of Customers", "nda", "Company", "The parties are discussing the proposed acquisition of the Company by the Bidder.", true)]
    [InlineData("No-Solicit of Customers", "nda", "Discloser", "Neither party may assign this agreement, whether by merger, acquisition or otherwise.", false)]
    [InlineData("No-Solicit of Customers", "nda", "Bidder", "The parties are discussing the proposed acquisition of the Company by the Bidder.", false)]
    [InlineData("Expiration Date", "nda", "Recipient", "", true)]
    [InlineData("Expiration Date", "nda", "Discloser", "", false)]
    [InlineData("Revenue/Profit Sharing", "joint-development", "Developer", "Each party grants the other a royalty-free licence of its Background IP.", true)]
    [InlineData("Insurance", "sponsorship", "Institution", "The Institution shall enrol patients in the Clinical Trial.", true)]
    [InlineData("Insurance", "sponsorship", "Institution", "The Institution shall display the Sponsor's logo at the conference.", false)]
    public void Expected_ShippedPlaybook_TheProtectionsTheSideNeeds(string category, string kind, string role, string text, bool expected)
    {
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor(category)!;

        Assert.Equal(expected, rule.IsExpectedIn(kind, role, text));
    }

    [Fact]
    public void MissingProtections_NdaNeedsNoConvenienceExit_SaasDoes()
    {
        var none = new HashSet<string>();

        Assert.DoesNotContain(ContractAnalyzer.MissingProtections(Playbook, none, "nda"), m => m.Category == "Termination for Convenience");
        Assert.Contains(ContractAnalyzer.MissingProtections(Playbook, none, "saas"), m => m.Category == "Termination for Convenience");
        Assert.Contains(ContractAnalyzer.MissingProtections(Playbook, none, "nda"), m => m.Category == "Cap on Liability");
    }

    [Theory]
    [InlineData("Exhibit A ¶2", 0.23f, Severity.Medium)]
    [InlineData("Exhibit A ¶2", 0.9f, Severity.High)]
    [InlineData("3.2", 0.23f, Severity.High)]
    public void Judge_ScheduleLineOfUnclearSide_AnAlarmOnlyWhenTheModelIsSure(string path, float confidence, Severity expected)
    {
        const string line = "Storage is charged on the greater of the peak pallet count and at least 2,000 pallet positions ordered in the month.";
        var piece = new Tandem.Store.StoredClause("cl_1", new Tandem.Documents.Clause(0, path, null, Tandem.Documents.ClauseKind.Paragraph, 0, line.Length, line));
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Minimum Commitment")!;

        var finding = ContractAnalyzer.Judge(rule, [piece], confidence, line, new ReviewLens(ReviewSide.Resolve(Parties, "customer")));

        Assert.Equal((Favours.Unclear, expected), (finding.Favours, finding.Severity));
    }

    [Theory]
    [InlineData("1.4 \"Minimum Order Quantity\" means, for each Contract Year, the number of Units set out in Schedule 2.", 0.15f, Severity.Medium)]
    [InlineData("Minimum charge per Order: EUR 60.", 0.15f, Severity.Medium)]
    [InlineData("Minimum charge per Order: EUR 60.", 0.9f, Severity.High)]
    [InlineData("Any shortfall against the Minimum Order Quantity becomes payable at once.", 0.15f, Severity.High)]
    public void Judge_DefinitionOrVerblessLineOfUnclearSide_AnAlarmOnlyWhenTheModelIsSure(string line, float confidence, Severity expected)
    {
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Minimum Commitment")!;

        var finding = ContractAnalyzer.Judge(rule, [Piece(line)], confidence, line, new ReviewLens(ReviewSide.Resolve(Parties, "customer")));

        Assert.Equal((Favours.Unclear, expected), (finding.Favours, finding.Severity));
    }

    [Theory]
    [InlineData("Covenant Not to Sue", "The Licensee shall not challenge the validity of the Licensed Marks or the Licensor's ownership of them.", "licensee", Severity.Medium)]
    [InlineData("Covenant Not to Sue", "The Licensee shall not challenge the validity of the Licensed Patents.", "licensee", Severity.Critical)]
    [InlineData("Covenant Not to Sue", "The Licensee covenants not to sue the Licensor on any of its patents.", "licensee", Severity.Critical)]
    [InlineData("Covenant Not to Sue", "The Licensee shall not challenge the validity of the Licensed Marks.", "licensor", Severity.Low)]
    [InlineData("Revenue/Profit Sharing", "The Licensee shall pay the Licensor a royalty of eight per cent (8%) of Net Sales of all Licensed Products.", "licensee", Severity.Medium)]
    [InlineData("Revenue/Profit Sharing", "The Licensee shall pay the Licensor a royalty of six percent (6%) of Gross Revenue from every Licensed Product sold.", "licensee", Severity.High)]
    [InlineData("Minimum Commitment", "The Licensee shall spend at least 3% of Net Sales each Royalty Year on marketing the Licensed Products.", "licensee", Severity.Medium)]
    [InlineData("Minimum Commitment", "The Licensee shall spend at least £50,000 and not less than 3% of Net Sales each Royalty Year on marketing.", "licensee", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "3.3 If the Licensee pays royalties to any third party for a licence under patents that the Licensee considers necessary to make a Licensed Product, the Licensee may deduct all such third-party royalties from the royalties otherwise payable to the Licensor, without limit.", "licensor", Severity.Medium)]
    [InlineData("Rofr/Rofo/Rofn", "12.3 If Licensee or any of its owners receives a bona fide offer from a third party for a Transfer, Licensee shall deliver a copy of the offer to Licensor.", "licensee", Severity.High)]
    [InlineData("Price Restrictions", "5.5 Licensor may, on thirty days' notice, increase the technology fee by up to two percent and introduce new fees for any service that Licensor designates as mandatory.", "licensee", Severity.High)]
    [InlineData("Uncapped Liability", "10.2 The Licensee shall indemnify the Licensor against all claims arising out of any Licensed Product, whether or not the claim results in part from the negligence of the Licensor.", "licensee", Severity.Critical)]
    [InlineData("Exclusivity", "5.1 For ninety days the Licensee shall not solicit, negotiate or engage in any discussions with any person other than the Licensor concerning an Alternative Transaction.", "licensee", Severity.High)]
    [InlineData("Exclusivity", "5.1 For ninety days the Licensee shall not solicit, negotiate or engage in any discussions with any person other than the Licensor concerning an Alternative Transaction.", "licensor", Severity.Low)]
    [InlineData("IP Ownership Assignment", "5.1 The Licensee owns all right, title and interest in the Licensee Data and grants the Licensor a non-exclusive licence to host it.", "licensee", Severity.Info)]
    [InlineData("IP Ownership Assignment", "5.2 The Licensee hereby assigns to the Licensor all right, title and interest in the Licensee Data.", "licensee", Severity.Critical)]
    [InlineData("Minimum Commitment", "6.2 The Licensee shall pay for no fewer than 1,680 hours in each month, whether or not those hours are required or worked.", "licensee", Severity.High)]
    [InlineData("Exclusivity", "2.5 The Licensee shall ensure that neither its studios nor its staff offer any fitness programme of any brand other than the Licensor.", "licensee", Severity.High)]
    [InlineData("Price Restrictions", "4.2 The Fee for each Renewal Period shall be the amount notified by the Licensor to the Licensee in writing before that Renewal Period, and the Licensee shall pay it within thirty days of the start of that Renewal Period.", "licensee", Severity.High)]
    [InlineData("Exclusivity", "2.3 The Licensee shall not sub-license, sell, rent or otherwise make the Software available to any third party except as permitted by clause 2.2.", "licensee", Severity.Low)]
    [InlineData("Exclusivity", "6.2 The Licensee shall comply with export control and sanctions laws and shall not sell Products to any person on a restricted party list.", "licensee", Severity.Low)]
    [InlineData("Exclusivity", "2.2 During the Term the Licensor shall not sell or supply the Products to any person in the Territory, directly or through any other distributor.", "licensor", Severity.High)]
    [InlineData("Warranty Duration", "8.2 The Licensee must notify the Licensor of any failure of the Licensed Content to conform to the Specification within fourteen days after its delivery. The Licensor's only obligation in respect of any such failure notified in time is to re-deliver the affected files.", "licensee", Severity.High)]
    [InlineData("Notice Period to Terminate Renewal", "12.2 The parties may renew this Agreement on terms to be agreed. Either party wishing to renew shall notify the other not less than twelve (12) months before the end of the Term.", "licensor", Severity.Low)]
    [InlineData("Notice Period to Terminate Renewal", "11.1 This Agreement renews for successive periods of two (2) years unless either Party gives the other at least six (6) months' written notice of termination.", "licensor", Severity.Low)]
    [InlineData("Notice Period to Terminate Renewal", "11.1 This Agreement renews for successive periods of two (2) years unless either Party gives the other at least six (6) months' written notice of termination.", "licensee", Severity.High)]
    [InlineData("Covenant Not to Sue", "7.1 The Licensor owns the Marks. The Licensee's use of the Marks inures to the Licensor's benefit, and the Licensee shall not contest the Licensor's ownership of them.", "licensee", Severity.Medium)]
    [InlineData("Warranty Duration", "7.2 The Licensor warrants that the Software will perform materially in accordance with the Documentation for a period of sixty (60) days from the Effective Date. If the Licensor cannot do so within a reasonable time, the Licensee may terminate.", "licensee", Severity.High)]
    [InlineData("Minimum Commitment", "4.3 Licensee guarantees that the Royalties payable for each Contract Year will be not less than US$420,000 (the \"Minimum Annual Royalty\"). Within 30 days after the end of each Contract Year, Licensee shall pay Licensor any amount by which the Royalties paid for that Contract Year fall short of the Minimum Annual Royalty.", "licensee", Severity.High)]
    public void Judge_ShippedPlaybookLicence_SeverityBySideAndTerms(string category, string clause, string side, Severity expected)
    {
        ContractParty[] parties = [new("Halden Marks Limited", "Licensor"), new("Meridian Homewares Pty Ltd", "Licensee")];

        Assert.Equal(expected, JudgeShipped(category, clause, parties, side).Severity);
    }

    [Theory]
    [InlineData("Lessor,Lessee", "Warranty Duration", "9.1 The Lessor warrants that the Equipment will be free from defects throughout the Lease Term and for eighteen (18) months after its return.", "lessor", Severity.Medium)]
    [InlineData("Lessor,Lessee", "Anti-Assignment", "17.1 The Lessor shall not assign, charge or grant any security interest over this Agreement or the rent payable under it without the Lessee's prior written consent.", "lessor", Severity.High)]
    [InlineData("Sponsor,Investor", "Anti-Assignment", "8.1 The Investor shall not transfer or charge any of its Shares before the fifth anniversary of Completion without the Sponsor's consent.", "investor", Severity.High)]
    [InlineData("Licensor,Licensee", "Revenue/Profit Sharing", "6.4 The Licensee may vary the revenue share and the categories of deduction on thirty days' notice.", "licensor", Severity.High)]
    [InlineData("Licensor,Licensee", "Revenue/Profit Sharing", "6.4 The Licensee may vary the revenue share and the categories of deduction on thirty days' notice.", "licensee", Severity.Low)]
    [InlineData("Licensor,Licensee", "Revenue/Profit Sharing", "5.2 The Licensee may retain all receipts until it has recouped its marketing costs, on which there is no limit.", "licensor", Severity.High)]
    [InlineData("Licensor,Licensee", "Source Code Escrow", "10.3 After a release the Licensee may modify the source code and sublicense it to its own new customers.", "licensor", Severity.High)]
    [InlineData("Supplier,Customer", "Warranty Duration", "7.1 The Supplier warrants each Product against defects for ninety (90) days after shipment, and the Customer's exclusive remedy is repair or replacement.", "customer", Severity.High)]
    [InlineData("Broker,Investor", "Competitive Restriction Exception", "3.2 Clause 3.1 does not apply to any person the Investor already knew; a written statement by the Investor that it was aware of that person is conclusive, and the Investor is not required to provide evidence of it.", "broker", Severity.High)]
    [InlineData("Licensor,Licensee", "Exclusivity", "2.1 The Licensor grants the Licensee an exclusive licence under the Licensed Patents to develop and sell Licensed Products in the Field.", "licensor", Severity.Low)]
    [InlineData("Licensor,Licensee", "Exclusivity", "2.1 The Licensor grants the Licensee an exclusive licence to use the Licensed Marks on Licensed Products in the Territory.", "licensor", Severity.High)]
    [InlineData("Licensor,Licensee", "Non-Compete", "3.1 During the License Period, the Licensor shall not license the Programme to any Competing Service in the Territory.", "licensor", Severity.Medium)]
    [InlineData("Company,Recipient", "Termination for Convenience", "13.1 The Company may run the sale process as it decides, including by terminating discussions with the Recipient at any time without giving reasons.", "recipient", Severity.Info)]
    [InlineData("Franchisor,Franchisee", "IP Ownership Assignment", "9.2 The Franchisee hereby assigns to the Franchisor all rights in each Improvement, including any recipe its directors developed before the date of this Agreement.", "franchisee", Severity.Critical)]
    [InlineData("Provider,Customer", "IP Ownership Assignment", "11.2 The Customer owns all rights in the Customer Data and grants the Provider a licence to use it to provide the Services.", "provider", Severity.Info)]
    [InlineData("Supplier,Buyer", "Liquidated Damages", "10.3 The Buyer may set off against any sum due to the Supplier any amount the Supplier owes, including liquidated damages under clause 6.3.", "supplier", Severity.Low)]
    [InlineData("Supplier,Buyer", "Liquidated Damages", "6.3 For each day of late delivery the Supplier shall pay the Buyer liquidated damages of one per cent of the price of the late goods.", "supplier", Severity.High)]
    [InlineData("Manufacturer,Distributor", "Exclusivity", "3.2 The Manufacturer shall refer to the Distributor all enquiries for Products that it receives from the Territory.", "manufacturer", Severity.Medium)]
    [InlineData("Manufacturer,Distributor", "Exclusivity", "2.1 The Manufacturer appoints the Distributor as its exclusive distributor of the Products in the Territory.", "distributor", Severity.Low)]
    [InlineData("Manufacturer,Distributor", "Exclusivity", "2.2 The exclusivity granted in Article 2.1 shall not restrict the Manufacturer from selling directly to the Key Accounts.", "distributor", Severity.High)]
    [InlineData("Client,Consultant", "IP Ownership Assignment", "7.1 All Work Product shall be the sole and exclusive property of the Company and a work made for hire.", "consultant", Severity.Low)]
    [InlineData("Provider,Customer", "Price Restrictions", "5.3 The Provider may increase the Fees from 1 January of each year by a percentage not exceeding eight percent (8%) of the Fees for the preceding year.", "customer", Severity.High)]
    [InlineData("Provider,Customer", "Price Restrictions", "5.3 The Provider may increase the Fees once a year by no more than the lesser of three percent (3%) and the rise in the Consumer Price Index.", "customer", Severity.Medium)]
    [InlineData("Bureau,Client", "Price Restrictions", "7.4 The Bureau may vary the Charges on not less than thirty days' written notice, but not more than once in any twelve months.", "client", Severity.High)]
    [InlineData("Contractor,Client", "Price Restrictions", "6.2 The hourly rates in Schedule 2 are fixed for the term of this Contract and any extension, and any increase in wage costs shall be borne by the Contractor.", "contractor", Severity.High)]
    [InlineData("Team,Sponsor", "Price Restrictions", "4.4 For each later Contract Year the Sponsorship Fee shall be such amount as the Team notifies to the Sponsor before 1 October, not exceeding 160% of the fee then payable.", "sponsor", Severity.High)]
    [InlineData("Provider,Customer", "Exclusivity", "4.3 During the Term the Customer shall obtain all of its card processing services from the Provider and shall not use any other system that performs them.", "customer", Severity.High)]
    [InlineData("Supplier,Distributor", "Non-Compete", "2.3 The Distributor shall not actively seek customers for the Products outside the Territory, nor maintain any depot outside the Territory.", "distributor", Severity.Low)]
    [InlineData("Manufacturer,Buyer", "Exclusivity", "11.1 The Manufacturer shall not sell to any person other than the Buyer any garment bearing any of the Buyer's trade marks.", "manufacturer", Severity.Medium)]
    [InlineData("Brewer,Distributor", "Exclusivity", "2.1 The Brewer appoints the Distributor as the sole and exclusive wholesale distributor of the Products in the Territory.", "brewer", Severity.Medium)]
    [InlineData("Provider,Customer", "Minimum Commitment", "Schedule 2 ¶3 A minimum charge of £60 applies to each Work Order.", "provider", Severity.Medium)]
    [InlineData("Contractor,Client", "Minimum Commitment", "8.2 If the Annual Charges for a Contract Year are less than the Minimum Annual Value, for whatever reason, including a reduction of the Sites, the Client shall pay the difference.", "client", Severity.High)]
    [InlineData("Manufacturer,Distributor", "Uncapped Liability", "9.1 The Manufacturer shall indemnify the Distributor against all losses and liabilities arising out of any defect in the Products.", "manufacturer", Severity.Medium)]
    [InlineData("Licensor,Licensee", "Irrevocable or Perpetual License", "2.4 Notwithstanding any termination, the Licensee shall have the perpetual, irrevocable and royalty-free right to keep the Recordings its users saved.", "licensor", Severity.Critical)]
    [InlineData("Provider,Customer", "IP Ownership Assignment", "10.1 All rights in the Deliverables vest in the Customer on creation or, for a Deliverable created before the Effective Date, on its first use in the Services.", "provider", Severity.Critical)]
    [InlineData("Provider,Client", "IP Ownership Assignment", "9.1 The Provider assigns to the Client all rights in the Deliverables and in the glossaries it uses, including those developed by the Provider before the date of this agreement.", "provider", Severity.Critical)]
    [InlineData("Producer,Distributor", "Exclusivity", "2.1 The Producer appoints the Distributor as its exclusive importer and distributor of the Products in the Territory.", "producer", Severity.Medium)]
    [InlineData("Manufacturer,Distributor", "Exclusivity", "2.1 Manufacturer appoints Distributor as its exclusive distributor of the Products in the Territory. Manufacturer shall not appoint any other distributor, but reserves the right to sell directly to the House Accounts.", "distributor", Severity.Low)]
    [InlineData("Supplier,Purchaser", "Most Favored Nation", "18.2 During a force majeure event the Supplier shall allocate its available supply of the Products to the Purchaser on a basis no less favorable than to its other customers.", "supplier", Severity.Low)]
    [InlineData("Licensor,Licensee", "Minimum Commitment", "5.4 The Licensor shall invoice the Annual Minimum Fee annually in advance, and the Licensee shall pay each invoice within thirty days.", "licensee", Severity.Medium)]
    [InlineData("Lessor,Lessee", "Audit Rights", "9.3 The Lessor may inspect the Equipment at any time during normal working hours on reasonable notice.", "lessee", Severity.Medium)]
    [InlineData("Licensor,Licensee", "Price Restrictions", "18.2 No variation of this Agreement is effective unless in writing and signed by each party, except that the Licensor may vary the Fees in accordance with clauses 4.2 and 5.3.", "licensee", Severity.Medium)]
    [InlineData("Supplier,Buyer", "Exclusivity", "6.3 The Supplier may deliver in instalments, and a delay in one instalment shall not entitle the Buyer to cancel any other instalment.", "buyer", Severity.Medium)]
    [InlineData("Supplier,Buyer", "Covenant Not to Sue", "12.2 All rights in the Products and the Supplier's name remain with the Supplier, and the Buyer shall not register or attempt to register any mark confusingly similar to them.", "buyer", Severity.Low)]
    [InlineData("Provider,Customer", "IP Ownership Assignment", "5.2 The Provider and its licensors own all right, title and interest in the Platform and the Documentation.", "provider", Severity.Info)]
    [InlineData("Company,Institute", "Rofr/Rofo/Rofn", "9.2 If the Company does not exercise the option within that period, the option lapses and the Institute may license the Results to any third party.", "company", Severity.Low)]
    [InlineData("Supplier,Buyer", "Exclusivity", "3.2 The Buyer may purchase similar products from any other source at any time, and nothing in this Agreement obliges the Buyer to purchase any quantity from the Supplier.", "supplier", Severity.Low)]
    [InlineData("Engineer,Client", "Price Restrictions", "6.2 The Engineer shall quote for each change, and the Fee shall be adjusted as agreed by the parties, each acting reasonably.", "engineer", Severity.Medium)]
    [InlineData("Processor,Merchant", "Price Restrictions", "6.3 Where a Card Scheme changes its interchange or scheme fees, the Processor may pass that change through to the Merchant from the date it takes effect.", "merchant", Severity.Medium)]
    [InlineData("Provider,Customer", "Price Restrictions", "4.4 Provider may vary the Fees at any time on thirty days' notice, and may pass through any increase in business rates or carbon levies immediately.", "customer", Severity.High)]
    [InlineData("Provider,Customer", "Liquidated Damages", "6.2 If the Provider fails to meet any Service Level in a month, the Provider shall credit to the Customer the Service Credits calculated under Schedule 2 against the next invoice.", "provider", Severity.Medium)]
    [InlineData("Caterer,Client", "Liquidated Damages", "2. For each failure to meet a Service Level, the Caterer shall pay the Client a service credit of one thousand five hundred euro.", "caterer", Severity.High)]
    [InlineData("Provider,Customer", "Liquidated Damages", "6.2 If the Provider fails to meet a Service Level, the Provider shall credit the Service Credits to the Customer, in addition to any damages the Customer may recover.", "provider", Severity.High)]
    [InlineData("Contractor,Trust", "Price Restrictions", "7.4 The Trust may, by written notice, reduce the scope of the Services. The Charges shall be adjusted in proportion to the change in cleanable floor area.", "contractor", Severity.Medium)]
    [InlineData("Supplier,Buyer", "Price Restrictions", "4.1 The prices are fixed for the first twelve months. Thereafter the Supplier may request a price review once a year, and the parties shall negotiate in good faith.", "supplier", Severity.Medium)]
    [InlineData("Contractor,Trust", "Price Restrictions", "7.4 The Trust may, by written notice, reduce the scope of the Services, and the Charges shall not be adjusted.", "contractor", Severity.High)]
    [InlineData("Developer,Publisher", "Exclusivity", "2.1 The Developer appoints the Publisher as the exclusive publisher of the Game in the Territory for the Term, and the Publisher accepts that appointment.", "developer", Severity.Medium)]
    [InlineData("Club,Agency", "Exclusivity", "2.1 The Club appoints the Agency as its sole and exclusive agent to sell the Commercial Rights, and shall not itself solicit or conclude any sponsorship otherwise than through the Agency.", "club", Severity.High)]
    [InlineData("Provider,Council", "IP Ownership Assignment", "11.1 The Council owns all rights in the Council Data. Nothing in this Agreement transfers to the Council any right in the Provider Materials or in any improvement to them.", "provider", Severity.Low)]
    [InlineData("Franchisor,Franchisee", "IP Ownership Assignment", "11.2 The Franchisee and its owners shall not transfer this Agreement, the Outlet or any shareholding in the Franchisee without the Franchisor's prior written consent.", "franchisee", Severity.Low)]
    [InlineData("Provider,Customer", "Governing Law", "17.2 Each Party irrevocably submits to the exclusive jurisdiction of the courts of Singapore for any action arising out of this Agreement.", "customer", Severity.Medium)]
    [InlineData("Provider,Customer", "Governing Law", "17.2 Each Party submits to the non-exclusive jurisdiction of the courts of Singapore.", "customer", Severity.Info)]
    [InlineData("Provider,Customer", "Governing Law", "17.2 Each Party submits to the exclusive jurisdiction of the state and federal courts located in New York County, New York.", "customer", Severity.Info)]
    [InlineData("Licensor,Publisher", "Governing Law", "16.3 Notwithstanding Clause 16.2, the Publisher may bring proceedings against the Licensor in the courts of any country in which the Game is sold.", "licensor", Severity.Medium)]
    [InlineData("Provider,Customer", "IP Ownership Assignment", "8.3 All deliverables created by Provider in the Professional Services, together with any enhancement or new feature of the Platform developed at Customer's request, shall be works made for hire for Customer.", "provider", Severity.Critical)]
    [InlineData("Provider,Customer", "IP Ownership Assignment", "8.3 All deliverables created by Provider in the Professional Services at Customer's request shall be works made for hire owned by Customer.", "provider", Severity.Low)]
    [InlineData("Provider,Customer", "Liquidated Damages", "12.3 The Customer may terminate an Order early only by giving ninety days' notice and paying, as liquidated damages and not as a penalty, one hundred percent (100%) of the charges that would have been payable for the remainder of the Term.", "customer", Severity.High)]
    [InlineData("Provider,Customer", "Liquidated Damages", "12.3 The Customer may terminate an Order early by giving ninety days' notice and paying, as liquidated damages, an administration charge of five hundred pounds.", "customer", Severity.Low)]
    [InlineData("Brand,Creator", "Exclusivity", "9.1 During the Term and for six (6) months after it ends, the Brand shall not engage any other content creator, influencer or ambassador to promote products in the Category.", "brand", Severity.High)]
    [InlineData("Client,Developer", "Exclusivity", "5.2 The Client shall, during the term and for 12 months after it ends, engage the Developer exclusively for the maintenance of the platform.", "client", Severity.High)]
    [InlineData("Franchisor,Franchisee", "Exclusivity", "3.2 The Franchisor shall not operate, or license any person to operate, any restaurant under the Marks or any other brand within the Territory.", "franchisor", Severity.High)]
    [InlineData("Provider,Customer", "Warranty Duration", "8.2 The Provider warrants that Project Deliverables shall perform materially in accordance with the statement of work for a period of thirty (30) days after delivery, after which the Provider shall have no responsibility for any defect.", "customer", Severity.High)]
    [InlineData("Consultant,Client", "Minimum Commitment", "5.2 The Client shall pay for the Committed Days whether or not it calls off that number of days.", "client", Severity.High)]
    [InlineData("Lessor,Lessee", "Minimum Commitment", "4.3 The Rent is payable for the whole of the Minimum Hire Period, and no part of it is reduced or refunded if the Lessee returns the Equipment early.", "lessee", Severity.High)]
    [InlineData("Provider,Customer", "Uncapped Liability", "13.4 The Provider's total liability shall not exceed 150% of the Fees paid in the 12 months preceding the claim, save that no limit or exclusion in this clause 13 shall apply to the Provider's liability in respect of Excluded Claims.", "provider", Severity.Critical)]
    [InlineData("Landlord,Tenant", "Termination for Convenience", "5.2 The Landlord may terminate this Lease at any time by giving the Tenant not less than six months' written notice if it intends to redevelop the Estate.", "tenant", Severity.High)]
    [InlineData("Landlord,Tenant", "Price Restrictions", "4.2 The reviewed Rent may be higher or lower than the Rent payable immediately before the Review Date, provided that no increase on any Review Date shall exceed 1% of that Rent.", "landlord", Severity.High)]
    [InlineData("Lessor,Lessee", "Price Restrictions", "5.2 If the Lessor's funding rate falls by more than 0.5 percentage points, the Lessor shall reduce the Rentals proportionately, but no increase in the funding rate, in inflation or in any other cost of the Lessor shall increase the Rentals.", "lessor", Severity.High)]
    [InlineData("Consultant,Company", "Price Restrictions", "6.3 The Day Rate shall increase automatically by 10% on the first day of each period of 6 months after the Commencement Date.", "company", Severity.High)]
    [InlineData("Licensor,Licensee", "Affiliate License-Licensee", "2.2 The licence in clause 2.1 is granted to, and may be exercised by, every member of the Licensee Group without further fee.", "licensor", Severity.Medium)]
    [InlineData("Licensor,Licensee", "Affiliate License-Licensee", "2.2 The licence in Clause 2.1 does not extend to any Affiliate of the Licensee, and the Licensee shall not permit any Affiliate to access or use the Software.", "licensee", Severity.Medium)]
    [InlineData("Licensor,Licensee", "Unlimited/All-You-Can-Eat-License", "2.2 The rights under clause 2.1 extend to an unlimited number of subscribers, devices, simultaneous streams and downloads.", "licensor", Severity.Medium)]
    [InlineData("Licensor,Licensee", "License Grant", "2.1 The Licensor grants the Licensee a licence to broadcast the Programme in all media now known or hereafter devised throughout the world.", "licensor", Severity.High)]
    [InlineData("Licensor,Licensee", "License Grant", "2.1 The Licensor grants the Licensee a licence to broadcast the Programme in all media now known or hereafter devised throughout the world.", "licensee", Severity.Low)]
    [InlineData("Licensor,Licensee", "Unlimited/All-You-Can-Eat-License", "2.3 The licence permits use of the Software on an unlimited number of servers and environments and for an unlimited number of accounts and users, without any further fee.", "licensor", Severity.High)]
    [InlineData("Licensor,Licensee", "Uncapped Liability", "10.3 The Licensor's liability under clause 9, for breach of clause 11 and for any loss or corruption of data shall be unlimited.", "licensor", Severity.Critical)]
    [InlineData("Author,Publisher", "Rofr/Rofo/Rofn", "8.2 The Publisher shall have 90 days from submission to make an offer, and if the Author receives a better offer from another publisher, she shall give the Publisher the right to match it within 30 days.", "author", Severity.High)]
    [InlineData("Developer,Investor", "Minimum Commitment", "4.4 The Developer shall contribute to each cash call made by the Board up to an aggregate of GBP 4,200,000, whether or not the Investor contributes, within 15 Business Days of the call.", "developer", Severity.High)]
    [InlineData("Developer,Investor", "Revenue/Profit Sharing", "6.2 Distributable Cash shall be paid first to the Investor until it has received an annual return of 12% on all sums it has lent or subscribed, and only then to the parties in proportion to their Shares.", "developer", Severity.High)]
    [InlineData("Contractor,Company", "Non-Transferable License", "6.3 The Contractor grants the Company a non-exclusive licence to use the Contractor Tools, which licence shall terminate automatically if any invoice remains unpaid for more than thirty (30) days.", "company", Severity.High)]
    [InlineData("Landlord,Tenant", "Price Restrictions", "5.1 On each Rent Review Date the Rent shall increase to the greater of the Rent then payable increased by 4% and that Rent increased by the Retail Prices Index.", "tenant", Severity.High)]
    [InlineData("Consultant,Client", "Minimum Commitment", "3.2 The first two instalments are earned when invoiced and are payable to and kept by the Consultant whether or not any Candidate is Appointed.", "client", Severity.High)]
    [InlineData("Manufacturer,Customer", "Uncapped Liability", "14.3 The limit in clause 14.2 does not apply to the Manufacturer, whose liability for loss of Customer Materials, recall costs and lost profits of the Customer is recoverable in full.", "manufacturer", Severity.Critical)]
    [InlineData("Manufacturer,Customer", "Price Restrictions", "8.2 The Tolling Fee is fixed for the first three years of the Term, and after that may be increased once in each year by no more than 1.5 per cent, whatever the change in the Manufacturer's energy, labour or utility costs.", "manufacturer", Severity.High)]
    [InlineData("Reseller,Vendor", "Minimum Commitment", "4.2 If the Reseller does not achieve the Annual Target in a Contract Year, the Vendor shall invoice the Reseller for the difference between the Annual Target and the net Subscription Fees actually paid.", "reseller", Severity.High)]
    [InlineData("Landlord,Tenant", "Change of Control", "10.3 Any change in the person or persons who control the Tenant shall be treated as an assignment of this Lease requiring the Landlord's consent, which the Landlord may withhold in its absolute discretion.", "tenant", Severity.High)]
    [InlineData("Bank,Company", "Non-Compete", "7.1 For 18 months from the date of this Agreement, neither party shall, itself or through any Affiliate, develop, procure or offer any payment initiation service that competes with the products of the other party.", "bank", Severity.High)]
    [InlineData("Concessionaire,Store Operator", "Liquidated Damages", "4.2 If the Concession Area is not open throughout the Trading Hours of any day, the Concessionaire shall pay the Store Operator GBP 750 for that day, without prejudice to any other remedy of the Store Operator for the same failure.", "concessionaire", Severity.High)]
    [InlineData("Importer,Dealer", "Exclusivity", "2.1 The Importer appoints the Dealer as a non-exclusive authorised dealer for the sale of Contract Goods, and the Importer may appoint other dealers in, or sell directly to customers in, the Area of Responsibility.", "dealer", Severity.Medium)]
    [InlineData("Vendor,Client", "Termination for Convenience", "3.2 Either party may terminate this Agreement for convenience by written notice, provided that notice by the Client may be given at any time on not less than thirty days' notice, and notice by the Vendor may be given only after the Initial Term on not less than twelve months' notice.", "vendor", Severity.High)]
    [InlineData("Vendor,Client", "Termination for Convenience", "3.2 Either party may terminate this Agreement for convenience by written notice, provided that notice by the Client may be given at any time on not less than thirty days' notice, and notice by the Vendor may be given only after the Initial Term on not less than twelve months' notice.", "client", Severity.Low)]
    [InlineData("Contractor,Client", "Cap on Liability", "11.1 The Contractor shall be liable for all loss, damage and costs suffered by the Client arising from the Services, without limit, including indirect and consequential loss.", "contractor", Severity.Critical)]
    [InlineData("Manufacturer,Purchaser", "Warranty Duration", "6.1 The Manufacturer warrants that the Units will be free from defects in materials and workmanship for seventy-two (72) months from delivery.", "manufacturer", Severity.High)]
    [InlineData("Manufacturer,Purchaser", "Warranty Duration", "6.1 The Manufacturer warrants that the Units will be free from defects in materials and workmanship for twelve (12) months from delivery.", "manufacturer", Severity.Info)]
    [InlineData("Landlord,Tenant", "Liquidated Damages", "9.4 If the Tenant remains in occupation of any part of the Premises after the end of the Term, the Tenant shall pay the Landlord £1,200 for each day until it gives up vacant possession, in addition to and without prejudice to the Landlord's other rights and remedies, including damages.", "tenant", Severity.High)]
    [InlineData("Contractor,Client", "Liquidated Damages", "7.2 For each missed service level in a month, the Client may deduct from the Charges a fixed sum equal to four per cent (4%) of the monthly Charges, and such deductions are without prejudice to the Client's right to claim damages for the same failure.", "contractor", Severity.High)]
    [InlineData("Lessor,Lessee", "Minimum Commitment", "3.1 The Lessee shall keep on hire from the Lessor not fewer than twenty-five (25) Vehicles throughout the Term and, if the number falls below twenty-five, shall pay the Rental that would have been payable for each missing Vehicle until the fleet is restored.", "lessee", Severity.High)]
    public void Judge_ShippedPlaybookOtherSides_SeverityBySideAndTerms(string roles, string category, string clause, string side, Severity expected)
    {
        var parties = roles.Split(',').Select((r, i) => new ContractParty($"Party {i + 1} Limited", r)).ToArray();

        Assert.Equal(expected, JudgeShipped(category, clause, parties, side).Severity);
    }

    [Theory]
    [InlineData("Non-Compete", "14.1 During the term, neither Franchisee nor any Owner shall own, operate or have any interest in a Competitive Business, wherever located.", "franchisee", Severity.Medium)]
    [InlineData("Non-Compete", "14.2 For three years after this Agreement ends, neither Franchisee nor any Owner shall own, operate or have any interest in a Competitive Business within twenty-five miles.", "franchisee", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "4.2 Franchisee shall pay Franchisor a continuing royalty of six percent of Gross Sales each week.", "franchisee", Severity.Medium)]
    [InlineData("Audit Rights", "9.2 Franchisor may, on five business days' notice, audit Franchisee's books and records. If an audit reveals that Gross Sales were understated by more than three percent, Franchisee shall pay the cost of the audit.", "franchisee", Severity.Medium)]
    [InlineData("Audit Rights", "9.2 Franchisor may audit Franchisee's books and records at any time, and Franchisee shall pay the cost of the audit.", "franchisee", Severity.High)]
    [InlineData("Covenant Not to Sue", "3.2 Franchisee may renew the franchise if: (e) Franchisee signs a general release of all claims against Franchisor.", "franchisee", Severity.High)]
    [InlineData("Termination for Convenience", "12.3 Franchisor may terminate this Agreement on 120 days' notice if it decides, for any business reason, to stop franchising in Oregon.", "franchisee", Severity.High)]
    [InlineData("Price Restrictions", "7.1 Franchisor shall set the prices and terms of sale of the Products in its discretion.", "franchisee", Severity.High)]
    public void Judge_ShippedPlaybookFranchise_SeverityBySideAndTerms(string category, string clause, string side, Severity expected)
    {
        ContractParty[] parties = [new("Brightcrust Franchising LLC", "Franchisor"), new("Marlow & Teague Hospitality LLC", "Franchisee")];

        Assert.Equal(expected, JudgeShipped(category, clause, parties, side).Severity);
    }

    [Theory]
    [InlineData("Termination for Convenience", "15.2 The Customer may terminate this Agreement for convenience on six months' notice, provided that it pays a termination charge equal to the Charges for the remainder of the term.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "12.2 Provider may terminate this Agreement for convenience on 30 days' notice. Customer may terminate for convenience only on 180 days' notice and on payment of the unmet portion of the Annual Commitment.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "15.2 The Customer may terminate this Agreement for convenience by giving 30 days' written notice.", "customer", Severity.Info)]
    [InlineData("Exclusivity", "5.4 If Customer fails to do so, Provider may convert the exclusive license in Section 5.2 into a non-exclusive license.", "customer", Severity.Medium)]
    [InlineData("Price Restrictions", "4.3 Provider may revise the Retainer, the media commission rate and its hourly rate card at the start of any calendar quarter on fifteen days' notice.", "customer", Severity.High)]
    [InlineData("IP Ownership Assignment", "5.2 Provider owns, and shall retain, all right, title and interest in the Work Product, whether or not Customer has paid for it.", "customer", Severity.Critical)]
    [InlineData("IP Ownership Assignment", "5.2 Provider shall retain all right, title and interest in its pre-existing materials and tools used in the Work Product.", "customer", Severity.Low)]
    [InlineData("Uncapped Liability", "9.1 Provider shall indemnify Customer against all losses arising out of the App, whether or not the App has been modified by Customer or its other contractors.", "provider", Severity.Critical)]
    [InlineData("Change of Control", "14.3 Provider may terminate this Agreement on 90 days' notice if Customer is acquired by, or comes under the control of, any person.", "customer", Severity.High)]
    [InlineData("Warranty Duration", "9.1 Provider warrants that each Product will be free from Defects for a period of 90 days from the date of shipment.", "customer", Severity.High)]
    [InlineData("Uncapped Liability", "9.1 Customer shall indemnify Provider against all losses arising out of or in connection with the Services or any Deliverable.", "customer", Severity.Critical)]
    [InlineData("Third Party Beneficiary", "10.1 Each member of the Provider's Group and each of the Provider's directors, officers and advisers may enforce Sections 6 to 9 against the Customer under the Contracts (Rights of Third Parties) Act 1999.", "customer", Severity.Medium)]
    public void Judge_ShippedPlaybook_ExitsPricesOwnershipAndIndemnities(string category, string clause, string side, Severity expected) =>
        Assert.Equal(expected, JudgeShipped(category, clause, Parties, side).Severity);

    [Theory]
    [InlineData("Minimum Commitment", "5.2 The Customer commits to pay subscription Fees for no fewer than 2,500 Employee Records in each calendar month. Where the number is lower, the Customer shall nonetheless pay for the minimum.", "customer", Severity.High)]
    [InlineData("Minimum Commitment", "5.1 Customer commits to purchase the Committed Power in every month and shall pay for it whether or not Customer Equipment actually draws that quantity of power.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "12.2 The Provider may terminate this Agreement on ninety (90) days' notice where the Provider has decided to discontinue or re-platform the Services, without liability to the Customer.", "customer", Severity.High)]
    [InlineData("Uncapped Liability", "13.1 The Customer shall defend, indemnify and hold harmless the Provider from and against any and all claims, losses and costs arising out of or relating to the Services, except to the extent finally determined to have resulted from the gross negligence or wilful misconduct of the Provider.", "customer", Severity.Critical)] // no cap in the contract protects the indemnifier
    [InlineData("Uncapped Liability", "13.1 The Customer shall defend, indemnify and hold harmless the Provider from and against any and all claims arising out of or relating to the Services, except to the extent caused by the negligence or wilful misconduct of the Provider.", "customer", Severity.Medium)]
    [InlineData("Renewal Term", "10.1 This Agreement continues for five years and then renews automatically for successive periods of two (2) years unless the Customer gives the Provider notice of non-renewal.", "provider", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "4.2 The Provider shall pay the Customer a referral fee equal to thirty percent (30%) of all Net Revenue received from each Referred Customer for as long as that customer remains a customer of the Provider.", "provider", Severity.High)]
    [InlineData("Price Restrictions", "3.3 The Provider may amend the Price List no more than once in any period of twenty-four (24) months, by no more than three percent (3%) in aggregate.", "provider", Severity.Medium)]
    [InlineData("Post-Termination Services", "13.1 On termination or expiry of this Agreement, the Customer shall remove all Customer Equipment from the Space within seven (7) days.", "customer", Severity.High)]
    [InlineData("Post-Termination Services", "13.2 If the Customer fails to remove the Customer Equipment on termination, the Provider may, without notice, sell or otherwise dispose of the Customer Equipment and any data stored on it.", "customer", Severity.High)]
    [InlineData("Warranty Duration", "9.1 If the Customer notifies the Provider of any error in a Document within ninety (90) days after issue, the Provider shall correct it. Correction is the Customer's sole remedy, and the Provider shall have no liability for any error notified after that period.", "customer", Severity.High)]
    [InlineData("Cap on Liability", "10.1 The Provider shall not be liable for any lost profits or revenue, or for any indirect, special or consequential damages, arising out of this Agreement.", "customer", Severity.Medium)]
    [InlineData("IP Ownership Assignment", "5.2 The Provider owns all intellectual property rights in the Deliverables and in the Campaign Data, including any audience lists built from data supplied by the Customer.", "customer", Severity.Critical)]
    [InlineData("Warranty Duration", "7.2 The Customer shall inspect Products within 30 days after delivery and may reject any nonconforming Product by written notice within that period.", "provider", Severity.Low)]
    [InlineData("IP Ownership Assignment", "9.1 All intellectual property rights in the Deliverables shall vest in and belong to the Provider on creation. The Provider grants the Customer a non-exclusive licence to use the Deliverables once all Charges are paid.", "customer", Severity.Critical)]
    [InlineData("Renewal Term", "14.2 At the end of the initial term this Agreement shall be extended automatically for a further twelve months unless the Customer gives six months' notice.", "customer", Severity.Medium)]
    [InlineData("Termination for Convenience", "10.4 Provider may end this Agreement, or withdraw any module of the Service, for any reason by giving Customer forty-five (45) days' written notice.", "customer", Severity.High)]
    [InlineData("Change of Control", "11.1 The Customer may not assign or transfer this Agreement, whether by operation of law, merger or otherwise, without the prior written consent of the Provider.", "customer", Severity.Medium)]
    [InlineData("Uncapped Liability", "9.1 Customer shall defend, indemnify and hold harmless Provider from and against any and all losses arising out of or relating to this Agreement, except to the extent caused by Provider's willful misconduct.", "customer", Severity.Critical)]
    [InlineData("Warranty Duration", "9.2 The warranty applies only to defects notified to the Provider within ninety days after delivery. After that period the Provider shall have no liability for any defect.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "6.4 The Provider may cease to provide Support for any release of the Software at any time on sixty (60) days' notice, refunding any prepaid Support Fees.", "customer", Severity.High)]
    [InlineData("Renewal Term", "3.2 The Customer may, by notice given sixty (60) days before the end of the Term, extend this Agreement for one or more further periods of one (1) year each at the same rates.", "provider", Severity.Medium)]
    [InlineData("Liquidated Damages", "7.4 If the Customer fails to pay any invoice when due, the Provider may charge interest on the overdue sum at three percent (3%) a year above base rate until payment.", "customer", Severity.Low)]
    [InlineData("IP Ownership Assignment", "8.2 All intellectual property rights in the Deliverables and in all Glossaries, including Glossaries that existed before the date of this Agreement, shall vest in the Customer.", "provider", Severity.Critical)]
    [InlineData("License Grant", "8.1 The Customer grants the Provider a non-exclusive licence to use the Customer Data during the Term solely to provide the Services.", "customer", Severity.Low)]
    [InlineData("License Grant", "8.1 The Customer grants the Provider a perpetual licence to use the Customer Data for any purpose.", "customer", Severity.Critical)]
    [InlineData("Liquidated Damages", "12.4 If the Customer terminates early, it shall pay the Provider an early termination charge equal to the monthly Fees multiplied by the number of months remaining in the term.", "customer", Severity.High)]
    [InlineData("License Grant", "3.1(e) is retained in the unaided memory of the Provider's personnel, which the Provider may use for any purpose.", "customer", Severity.Critical)]
    [InlineData("Expiration Date", "9.1 The Provider's obligations under Section 4 expire twelve (12) months after the date of this Agreement, including for Confidential Information that is a trade secret.", "customer", Severity.High)]
    [InlineData("Audit Rights", "7.2 The Provider may audit the Customer's records up to four (4) times in each year on five days' notice.", "customer", Severity.High)]
    [InlineData("Audit Rights", "7.2 The Provider may audit the Customer's records once a year, and at any time after a security incident, at its own cost.", "customer", Severity.Medium)]
    [InlineData("Warranty Duration", "9.2 The Customer shall notify the Provider of any breach of the warranty in clause 9.1 within fifteen days after the Services are performed.", "customer", Severity.High)]
    [InlineData("Warranty Duration", "5.3 The Provider shall pay each invoice within 30 days after the end of the month to which it relates.", "customer", Severity.Info)]
    [InlineData("Revenue/Profit Sharing", "8.2 The Customer shall pay the Provider thirty percent (30%) of all Net Revenue from each Referred Customer for so long as it remains a customer.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "11.2 The Provider may, at its option and on sixty days' written notice, bring this Agreement to an end, refunding any prepaid Fees.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "11.2 Either party may terminate this Agreement on six months' written notice without giving a reason, provided that the Customer may not give such notice before the third anniversary of the Start Date.", "customer", Severity.High)]
    [InlineData("Change of Control", "12.4 The Provider may terminate this Agreement by written notice if the Customer ceases to be controlled by the persons who control it at the Start Date.", "customer", Severity.High)]
    [InlineData("Minimum Commitment", "6.1 The Fees for each quarter are calculated on the greater of the number of Active Sites in that quarter and 1,200 Active Sites.", "customer", Severity.High)]
    [InlineData("Post-Termination Services", "15.1 On termination for any reason the licence ends, and within ten days the Customer shall cease manufacturing and distributing Devices that use the Firmware.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "11.4 The Provider may, by giving not less than ninety days' written notice, withdraw the Service or any part of it from general availability. On the date stated in the notice this Agreement shall end in respect of the Service.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "11.4 The Provider may terminate this Agreement by giving ninety days' notice if the Provider decides to stop serving customers in the Customer's sector.", "customer", Severity.High)]
    [InlineData("Warranty Duration", "8.4 The warranty in clause 8.1 covers only defects of which the Customer gives the Provider written notice within forty-eight hours of delivery.", "customer", Severity.High)]
    [InlineData("Price Restrictions", "9.2 With effect from each anniversary of the Start Date, the Fees shall increase by whichever is the greater of four per cent and the rise in the Consumer Prices Index.", "customer", Severity.High)]
    [InlineData("Price Restrictions", "9.2 The Provider may adjust the Fees each quarter by reference to its hosting cost index, as calculated by the Provider, including for Orders already accepted.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "4.4 The Provider may, by giving not less than 60 days' written notice, discontinue any of the Managed Services where it has decided to withdraw that service from its customers generally.", "customer", Severity.High)]
    [InlineData("Termination for Convenience", "15.2 Either party may terminate this Agreement for convenience by giving the other not less than thirty (30) days' written notice, save that a notice given by the Provider under this clause 15.2 shall not take effect before the last day of the Initial Term.", "provider", Severity.High)]
    [InlineData("Exclusivity", "2.2 During the term of this Agreement the Provider shall be the sole provider to the Customer of the Services. The Customer shall not itself handle, or engage any third party to handle, any contacts within Schedule 1.", "customer", Severity.High)]
    [InlineData("Minimum Commitment", "3.3 The Customer shall pay the power charge on the full Committed Power in every month of the Term, whether or not that power is drawn.", "customer", Severity.High)]
    [InlineData("Change of Control", "10.4 If any person acquires Control of the Customer, this Agreement shall end automatically on the date of that event unless the Provider has consented in writing beforehand.", "customer", Severity.High)]
    [InlineData("Liquidated Damages", "6.2 If the Customer cancels a Session less than ten Business Days before its date, the Customer shall pay the Provider by way of liquidated damages the full Session Fee, in addition to any other sum due.", "customer", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "9.2 The Customer shall pay the Provider the contribution set out in Schedule 2 on all revenue it receives from its own installation services.", "customer", Severity.High)]
    [InlineData("Uncapped Liability", "12.4 The exclusions and limitations in clauses 12.2 and 12.3 are given for the benefit of the Provider only. Nothing in this Agreement shall limit the liability of the Customer under the indemnity in clause 11.2.", "customer", Severity.Critical)]
    [InlineData("Revenue/Profit Sharing", "5.4 The Customer shall pay the Provider a partner services fee equal to fifteen per cent (15%) of all fees invoiced by the Customer to its clients for Professional Services.", "customer", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "7.3 In addition to the Retainer, the Customer shall pay the Provider a performance fee equal to 6% of the Net Revenue of each Campaign Product for 36 months.", "customer", Severity.High)]
    [InlineData("IP Ownership Assignment", "5.2 All Evaluation Material, and all intellectual property rights in it, shall vest in and be owned absolutely by the Provider immediately upon its creation, whichever Party prepares it.", "customer", Severity.Critical)]
    [InlineData("Price Restrictions", "8.1 The Customer may instruct variations to the Services. Each variation shall be valued using the rates in Schedule 2 where applicable or, where not, at fair and reasonable rates.", "provider", Severity.Medium)]
    public void Judge_ShippedPlaybook_TunedOnLaterSets(string category, string clause, string side, Severity expected) =>
        Assert.Equal(expected, JudgeShipped(category, clause, Parties, side).Severity);

    [Theory]
    [InlineData("Lessor,Lessee", "lessee", "Warranty Duration", "8.2 The Manufacturer's warranty passed on under clause 8.1 shall apply for a period of ninety days from the Acceptance Date of each Unit. After that period, the Lessee shall bear all costs of repair and replacement of parts.", Severity.Medium)]
    [InlineData("Discloser,Recipient", "discloser", "Expiration Date", "5.2 Recipient's obligations under Section 3 shall expire eighteen (18) months after the date on which each item was disclosed, including for trade secrets.", Severity.High)]
    [InlineData("Discloser,Recipient", "discloser", "Expiration Date", "5.2 Recipient's obligations under Section 3 shall expire five (5) years after the date on which each item was disclosed.", Severity.Info)]
    [InlineData("Discloser,Recipient", "discloser", "License Grant", "6.2 Notwithstanding Section 6.1, Recipient and its Representatives shall be free to use for any purpose the Residuals resulting from access to the Confidential Information.", Severity.Critical)]
    [InlineData("Discloser,Recipient", "discloser", "IP Ownership Assignment", "7.2 All improvements to the Evaluation Materials made by or for Recipient in the course of the evaluation, shall be owned exclusively by Recipient, even if based upon Discloser's Confidential Information.", Severity.Critical)]
    [InlineData("Licensor,Licensee", "licensee", "Exclusivity", "2.2 The Licensor reserves all rights not expressly granted. The Licensor may itself use, and may license others to use, the Marks in the Territory on any goods.", Severity.Medium)]
    [InlineData("Vendor,Reseller", "reseller", "Exclusivity", "2.1 Vendor appoints Reseller as a non-exclusive reseller of the Products in the Territory. Vendor reserves the right to sell the Products directly and through other resellers anywhere, including in the Territory.", Severity.Low)]
    [InlineData("Vendor,Reseller", "reseller", "Post-Termination Services", "12.4 On expiry or termination, all licences granted to Reseller end and Reseller shall immediately stop marketing and selling the Products.", Severity.Medium)]
    [InlineData("Supplier,Distributor", "supplier", "Post-Termination Services", "15.5 On termination for any reason, the Supplier shall, if the Distributor so requests, buy back all Products then in the Distributor's stock at the price the Distributor paid.", Severity.Medium)]
    [InlineData("Supplier,Distributor", "distributor", "Covenant Not to Sue", "9.3 The Distributor shall not register or attempt to register any of the Supplier's trade marks, or any mark confusingly similar to them, in any country.", Severity.Low)]
    [InlineData("Supplier,Distributor", "distributor", "Covenant Not to Sue", "9.3 The Distributor shall not challenge the validity of the Supplier's trade marks and shall not register any of them.", Severity.Medium)]
    [InlineData("Principal,Agent", "agent", "Exclusivity", "2.3 The Principal reserves the right to accept orders directly from customers, including customers in the Territory, and no commission shall be payable on them.", Severity.High)]
    [InlineData("Supplier,Distributor", "supplier", "Exclusivity", "2.1 The Supplier appoints the Distributor as its exclusive distributor of the Products in the Territory for the Term.", Severity.Medium)]
    [InlineData("Supplier,Distributor", "supplier", "Exclusivity", "2.1 The Supplier appoints the Distributor as its exclusive distributor in the Territory and shall not itself sell the Products to any customer there other than through the Distributor.", Severity.High)]
    [InlineData("Licensor,Licensee", "licensor", "IP Ownership Assignment", "6.3 All logos, slogans and sub-brands created by the Licensee for use with the Trade Marks, and all goodwill in them, belong to the Licensee absolutely.", Severity.Critical)]
    [InlineData("Licensor,Licensee", "licensor", "IP Ownership Assignment", "4.1 Improvements made solely by the Licensee shall belong to the Licensee.", Severity.Low)]
    [InlineData("Principal,Agent", "principal", "Revenue/Profit Sharing", "6.3 After this Agreement ends, the Agent shall be entitled to commission on all orders received from the Territory within twelve months after the date of termination, whether or not they result from the Agent's efforts.", Severity.High)]
    [InlineData("Licensor,Licensee", "licensee", "Price Restrictions", "5.1 The Licensee shall not, without the Licensor's approval, offer any Subscription at a retail price below US$9.99 per month.", Severity.High)]
    [InlineData("Discloser,Bidder", "discloser", "Uncapped Liability", "7.2 The Discloser shall indemnify the Bidder against all losses that it incurs as a result of any inaccuracy in or omission from the Confidential Information.", Severity.Critical)] // no cap in the contract protects the indemnifier
    [InlineData("Licensor,Licensee", "licensee", "Third Party Beneficiary", "16.5 Except for the Licensor's Affiliates under clause 9.2, no person other than a party has any right to enforce any term of this Agreement.", Severity.Medium)]
    [InlineData("Supplier,Buyer", "supplier", "IP Ownership Assignment", "10.2 All Tooling, and all process improvements and know-how developed by or for the Supplier in making Custom Products, whether or not paid for by the Buyer, shall be the exclusive property of the Buyer.", Severity.Critical)]
    [InlineData("Provider,Customer", "provider", "IP Ownership Assignment", "8.2 Any modification, extension or enhancement of the Platform that the Provider makes at the Customer's request shall be owned by the Customer on creation.", Severity.Critical)]
    [InlineData("Company,University", "company", "Minimum Commitment", "3.2 The Company's obligation to pay the Research Funding is unconditional, and on any early termination it shall pay all instalments that would have fallen due.", Severity.High)]
    [InlineData("Supplier,Buyer", "buyer", "Warranty Duration", "8.3 Any claim by the Buyer that a delivery does not conform to the Specification shall be notified to the Supplier in writing within five (5) days after delivery.", Severity.High)]
    [InlineData("Supplier,Buyer", "buyer", "Warranty Duration", "4.3 The Buyer may inspect Products within fifteen (15) business days after receipt and may reject any Product that does not conform to the Specification.", Severity.Info)]
    [InlineData("Company,Investor", "company", "Expiration Date", "9.2 The Receiving Party's obligations in respect of any Confidential Information continue for twelve (12) months from disclosure and then end, even for a trade secret.", Severity.High)]
    [InlineData("Receiving Party,Disclosing Party", "receiving party", "Expiration Date", "9.2 The Receiving Party's obligations in respect of any Confidential Information continue for twelve (12) months from disclosure and then end, even for a trade secret.", Severity.Info)]
    [InlineData("Supplier,Buyer", "buyer", "Warranty Duration", "6.2 Any claim under Section 6.1 must be made in writing within twenty (20) days after delivery of the Product concerned.", Severity.High)]
    [InlineData("Company,Recipient", "company", "Expiration Date", "8.1 The obligations of the Recipient under this agreement shall continue for twelve (12) months from the date of this agreement and shall then end.", Severity.High)]
    [InlineData("Company,Recipient", "recipient", "Expiration Date", "8.1 The obligations of the Recipient under this agreement shall continue for twelve (12) months from the date of this agreement and shall then end.", Severity.Info)]
    [InlineData("Seller,Buyer", "seller", "Non-Compete", "4.3 For a period of twenty-four (24) months following the expiry or termination of this Agreement for any reason, the Seller shall not sell or market copper cathode to any fabricator located in the European Union.", Severity.High)]
    [InlineData("Consultant,Client", "consultant", "Non-Compete", "16.1 The Consultant shall not, during the Term and for eighteen months after it ends, whether directly or indirectly, be engaged or concerned in providing advice or services to any business which operates port terminals.", Severity.High)]
    [InlineData("Calloway,Oresund", "calloway", "Rofr/Rofo/Rofn", "7.3 For eighteen months Calloway shall not negotiate with or grant to any third party any rights to commercialise the Product unless it has first notified Oresund and negotiated exclusively with Oresund for ninety days.", Severity.High)]
    [InlineData("Veldmark,Corran", "veldmark", "Change of Control", "14.3 If Veldmark undergoes a change of control, Corran may by written notice terminate this Agreement with immediate effect.", Severity.High)]
    [InlineData("Franchisee,Franchisor", "franchisee", "Minimum Commitment", "6.4 If the Service Fee for any month under clause 6.1 would be less than £2,750, the Franchisee shall instead pay a Service Fee of £2,750 for that month.", Severity.High)]
    [InlineData("Supplier,Reseller", "supplier", "Price Restrictions", "5.2 The Supplier may change the Price List not more than once in any Contract Year, and no change shall increase the price of any Product by more than 2 per cent.", Severity.High)]
    [InlineData("Licensor,Licensee", "licensor", "Price Restrictions", "4.2 The Royalty rate may be adjusted each year by the change in the Consumer Price Index, provided that no adjustment shall exceed 3 per cent in any year.", Severity.Medium)]
    [InlineData("Provider,Customer", "provider", "Post-Termination Services", "7.4 Upon any termination, Provider shall, at Customer's request, continue to provide the Service for up to twelve months, with such migration assistance as Customer requests, without any additional charge.", Severity.Medium)]
    [InlineData("Provider,Customer", "provider", "Post-Termination Services", "7.3 For sixty days after termination Provider shall make the Customer Data available for export; after that period Provider shall delete the Customer Data from its systems.", Severity.Info)]
    [InlineData("Consultant,Client", "consultant", "Insurance", "12.1 The Consultant shall maintain professional indemnity insurance with a limit of indemnity of not less than £10,000,000 for each and every claim.", Severity.Medium)]
    [InlineData("Provider,Customer", "customer", "Cap on Liability", "15.4 The Provider shall have no liability, however arising and whether in contract, tort (including negligence) or otherwise, for any loss, corruption or unauthorised disclosure of Customer Data.", Severity.Critical)]
    [InlineData("Sponsor,Organiser", "sponsor", "Exclusivity", "2.3 The Organiser may appoint any other sponsors, partners and official suppliers for the Festival, including producers of soft drinks.", Severity.High)]
    [InlineData("Licensee,Licensor", "licensee", "Revenue/Profit Sharing", "3.3 Royalties shall remain payable on all products sold by the Licensee until the fifteenth anniversary of the Effective Date, even if every Licensed Patent covering such a product has expired.", Severity.High)]
    [InlineData("Supplier,Buyer", "supplier", "Minimum Commitment", "3.4 The Buyer has no obligation to purchase any quantity of Components other than under Orders. The Supplier shall nonetheless maintain production capacity sufficient to supply 130 per cent of the Forecast.", Severity.Medium)]
    [InlineData("Supplier,Buyer", "supplier", "Uncapped Liability", "7.2 On any recall the Supplier shall pay the Buyer the whole of the costs and losses of that action that the Buyer attributes to the Components, including loss of profit.", Severity.High)]
    [InlineData("Client,Agency", "client", "IP Ownership Assignment", "7.1 Agency owns all right, title and interest in and to the Deliverables. Agency grants Client a non-transferable license to use the Deliverables only during the Term.", Severity.High)]
    [InlineData("Provider,Customer", "provider", "IP Ownership Assignment", "10.1 The Provider and its licensors own all intellectual property rights in the Services and the Provider's tools, and nothing in this Agreement transfers those rights to the Customer.", Severity.Low)]
    [InlineData("Kestrel,Vantorre", "kestrel", "Uncapped Liability", "12.1 Nothing in this Agreement limits or excludes either party's liability for death or personal injury caused by negligence, for fraud, for breach of clause 10, or for any other liability that cannot lawfully be limited or excluded.", Severity.Low)]
    [InlineData("Linnet,Halberd", "linnet", "Expiration Date", "11.2 The obligations in clauses 2, 3 and 6 shall cease to apply twelve months after the date of this Agreement, and the Recipient shall then be free of any restriction on the use or disclosure of Confidential Information.", Severity.High)]
    [InlineData("Distributor,Supplier", "distributor", "Warranty Duration", "10.1 Supplier warrants that the Products will, for six months after delivery, be free from defects in materials and workmanship, and Supplier shall have no liability for defects notified afterwards.", Severity.High)]
    [InlineData("Lessee,Lessor", "lessee", "Minimum Commitment", "2.4 Lessee shall ensure that the number of Vehicles on hire is never fewer than 120. For each month in which fewer than 120 Vehicles are on hire, Lessee shall pay Lessor the shortfall multiplied by the highest Monthly Rental.", Severity.High)]
    [InlineData("Lessee,Lessor", "lessee", "Liquidated Damages", "12.2 The Termination Sum for a Vehicle is the total of all Monthly Rentals that would have been payable for the remainder of its Hire Period had the hire not ended early, plus two Monthly Rentals.", Severity.High)]
    [InlineData("Reseller,Vendor", "reseller", "Change of Control", "14.5 Vendor may terminate this Agreement with immediate effect by written notice if any person obtains control of Reseller.", Severity.High)]
    [InlineData("Customer,Provider", "customer", "License Grant", "5.2 Customer grants Provider a non-exclusive licence to host, copy and process the Customer Data to the extent necessary to provide the Services during the Subscription Term.", Severity.Low)]
    [InlineData("Agent,Principal", "agent", "Uncapped Liability", "9.1 The Agent guarantees to the Principal the due and punctual payment by each Customer of all sums payable for Products ordered through the Agent.", Severity.High)]
    [InlineData("Agent,Principal", "agent", "Revenue/Profit Sharing", "8.4 No Commission shall be payable on any order accepted by the Principal after the Termination Date, whether or not the order results from the Agent's efforts.", Severity.Medium)]
    [InlineData("Franchisor,Franchisee", "franchisor", "IP Ownership Assignment", "9.4 All Improvements devised by Franchisee shall belong to Franchisee. Franchisor may adopt an Improvement only under a written licence from Franchisee on terms, including a royalty, to be agreed.", Severity.High)]
    [InlineData("Supplier,Distributor", "supplier", "IP Ownership Assignment", "9.3 The Distributor may apply to register any of the Trade Marks in its own name in any country of the Territory in which the Supplier has not registered it.", Severity.Critical)]
    [InlineData("Buyer,Supplier", "buyer", "Volume Restriction", "3.3 If the Supplier, acting in its sole discretion, considers that it does not have sufficient Material, it may allocate its available Material among its customers as it sees fit and reduce the quantities delivered.", Severity.Medium)]
    [InlineData("CRO,Sponsor", "cro", "IP Ownership Assignment", "11.3 All inventions arising from the Study that relate to the investigational product shall be owned by Sponsor.", Severity.Low)]
    [InlineData("Customer,Provider", "customer", "Price Restrictions", "7.6 With effect from each anniversary of the Effective Date, Provider may replace the Fees with the rates in its standard price list then in force, by giving Customer thirty days' notice.", Severity.High)]
    [InlineData("Licensee,Licensor", "licensee", "Price Restrictions", "2.6 Licensee may increase the number of Named Users at any time by written notice, at the per-user prices in Schedule 1.", Severity.Medium)]
    [InlineData("Licensee,Licensor", "licensee", "Covenant Not to Sue", "7.3 Licensee shall not, at any time during or after the term, assert, or threaten to assert, any claim of infringement of any patent that Licensee owns against Licensor or any customer of Licensor.", Severity.Critical)]
    [InlineData("Licensee,Licensor", "licensee", "Expiration Date", "11.1 This Agreement continues until the later of the expiry of the last Valid Claim and the fifteenth anniversary of the Commencement Date.", Severity.High)]
    [InlineData("Kestrel,Marlowe", "kestrel", "Minimum Commitment", "2.3 Kestrel shall assign no fewer than six full-time-equivalent qualified scientists exclusively to the Development Programme, at its own cost.", Severity.Medium)]
    [InlineData("Franchisee,Franchisor", "franchisee", "IP Ownership Assignment", "9.1 The Marks and the System belong to the Franchisor, and all goodwill arising from the Franchisee's use of the Marks accrues to the Franchisor.", Severity.Low)]
    [InlineData("Sponsor,Laboratory", "sponsor", "Warranty Duration", "8.3 The Laboratory's only obligation in respect of any work that does not comply with clause 4.1 is to re-perform it, and only if the Sponsor notifies the Laboratory within thirty (30) days after delivery.", Severity.High)]
    [InlineData("Lessor,Lessee", "lessor", "Anti-Assignment", "14.1 The Lessor shall not assign or charge this Agreement or the Rent, whether to a bank, funder or any other person, without the prior written consent of the Lessee, which the Lessee may withhold in its absolute discretion.", Severity.High)]
    [InlineData("Lessor,Lessee", "lessor", "Warranty Duration", "10.2 The Lessor warrants that, throughout the Term, including every Renewal Term, the Equipment will be free from defects and fit for any purpose for which the Lessee uses it.", Severity.Medium)]
    [InlineData("Provider,Customer", "provider", "Liquidated Damages", "4.2 Credits accrue without any monthly or annual maximum and, where no further invoice is due, shall be paid to Customer in cash.", Severity.High)]
    [InlineData("Consultant,Client", "consultant", "Warranty Duration", "2.3 Consultant warrants that the Project, when constructed in accordance with the Design Documents, will be fit for the purposes stated in the Client's Requirements.", Severity.High)]
    [InlineData("Buyer,Supplier", "buyer", "Cap on Liability", "6.3 Delivery dates are estimates only, and Supplier has no liability for any delay in delivery, however caused.", Severity.Medium)]
    [InlineData("Client,Consultant", "client", "Warranty Duration", "8.3 No action or proceedings for any breach of this Appointment shall be commenced against the Consultant after the expiry of three years from the date of completion of the Services.", Severity.Medium)]
    [InlineData("Principal,Agent", "principal", "Liquidated Damages", "13.2 On the termination or expiry of this Agreement for any reason, the Principal shall pay the Agent a sum equal to twice the Agent's average annual Commission.", Severity.High)]
    [InlineData("Landlord,Tenant", "landlord", "Price Restrictions", "4.4 On each Review Date the Rent shall be reviewed to the open market rent, but the reviewed Rent shall not exceed the Rent payable before that Review Date increased by 2 per cent for each year of the review period.", Severity.High)]
    [InlineData("Landlord,Tenant", "landlord", "Termination for Convenience", "12.1 The Tenant may end this Lease on the third anniversary of the Term Commencement Date by giving the Landlord at least six months' notice.", Severity.High)]
    [InlineData("Hirer,Owner", "hirer", "Termination for Convenience", "9.2 The Owner may, for any reason, recall any Crane on 48 hours' notice to the Hirer.", Severity.High)]
    [InlineData("Supplier,Buyer", "supplier", "Termination for Convenience", "15.2 Either party may terminate this Agreement without cause by notice given at least 30 days in advance where the Buyer terminates and at least 9 months in advance where the Supplier terminates.", Severity.High)]
    [InlineData("Discloser,Recipient", "discloser", "Irrevocable or Perpetual License", "5.2 The Recipient may retain and use any Feedback for any purpose, perpetually and without payment.", Severity.Critical)]
    [InlineData("Client,Agency", "client", "Minimum Commitment", "6.2 The Client shall pay the Retainer in advance each month of the Term, whether or not the Client requests any services in that month.", Severity.High)]
    [InlineData("Licensee,Licensor", "licensee", "Price Restrictions", "4.1 The Support Fee automatically increases on each anniversary of the Effective Date by the greater of 6% and the change in CPI.", Severity.High)]
    [InlineData("Manufacturer,Developer", "manufacturer", "Change of Control", "14.2 The Developer may terminate this Agreement by notice if the Manufacturer undergoes a change of control, in which case all licences granted under clause 7.1 terminate.", Severity.High)]
    [InlineData("Licensee,Licensor", "licensee", "Volume Restriction", "2.4 The licence covers up to 5,000 Named Users. If the Licensee exceeds that number, it shall pay an overage fee of 200% of the per-user price.", Severity.High)]
    [InlineData("Supplier,Buyer", "supplier", "Warranty Duration", "8.1 The Supplier warrants that the Goods are free from defects, and this warranty shall remain in force for the whole term of this Agreement.", Severity.Medium)]
    [InlineData("Provider,Customer", "provider", "Renewal Term", "3.2 The Customer may extend the Service Term for up to three further periods of two years each by notice before expiry, at the Fees applying at the end of the initial term.", Severity.Medium)]
    [InlineData("Company,University", "company", "License Grant", "6.1 The University grants the Company a non-exclusive licence to use the Results for research purposes only. Any commercial exploitation of the Results needs a separate licence on terms the University sets.", Severity.High)]
    [InlineData("Discloser,Recipient", "discloser", "Revenue/Profit Sharing", "8.2 The Recipient shall pay the Discloser 3% of the revenue it receives from any product based on the Results, after first recovering all its own costs of development.", Severity.Medium)]
    [InlineData("Client,Agency", "client", "Revenue/Profit Sharing", "5.3 The Agency may retain for its own account all volume rebates and discounts it earns on media bought for the Client.", Severity.Medium)]
    [InlineData("Company,Bank", "company", "Third Party Beneficiary", "15.4 No person who is not a party may enforce any term of this Agreement, save for the Bank's Affiliates under clause 8.2.", Severity.Medium)]
    [InlineData("Tenant,Landlord", "tenant", "Anti-Assignment", "14.1 The Tenant shall not assign or underlet the Premises without the consent of the Landlord, which the Landlord may refuse in its absolute discretion.", Severity.Medium)]
    [InlineData("Licensor,Licensee", "licensor", "Joint IP Ownership", "9.1 Intellectual property in any Improvement shall vest jointly in the Licensor and the Licensee, and either may exploit it without accounting to the other.", Severity.High)]
    [InlineData("Alder,Birch", "alder", "No-Solicit of Customers", "8.1 Each Party undertakes that for 18 months it will not solicit or approach any Restricted Customer.", Severity.Medium)]
    [InlineData("Provider,Customer", "provider", "Post-Termination Services", "15.3 After termination the Provider shall give such exit assistance as the Customer requests for up to twelve months, free of charge.", Severity.Medium)]
    [InlineData("Distributor,Supplier", "distributor", "Exclusivity", "3.3 Notwithstanding clause 3.1, the Supplier may sell the Products directly to National Accounts in the Territory.", Severity.High)]
    [InlineData("Supplier,Buyer", "supplier", "Most Favored Nation", "7.2 If the Supplier sells comparable goods to any other customer at a price lower than the Price, it shall reduce the Price accordingly.", Severity.High)]
    [InlineData("Licensor,Licensee", "licensor", "Revenue/Profit Sharing", "5.3 No royalties are payable on Products sold to Affiliates of the Licensee.", Severity.High)]
    [InlineData("Licensor,Licensee", "licensor", "Audit Rights", "6.4 The Licensor may have the Licensee's records audited no more than once in every three years.", Severity.Medium)]
    [InlineData("Supplier,Customer", "supplier", "Non-Compete", "12.2 The Supplier shall not, for 12 months after termination, supply any competing software to any bank in the Territory.", Severity.High)]
    [InlineData("Recipient,Discloser", "recipient", "Non-Compete", "5.1 For two years the Recipient shall not develop or market any product substantially similar to those of the Discloser.", Severity.High)]
    [InlineData("Hirer,Owner", "hirer", "Termination for Convenience", "10.1 The Owner may end the hire of any Equipment for any reason on 14 days' notice.", Severity.High)]
    [InlineData("Lessee,Lessor", "lessee", "Exclusivity", "8.2 The Lessee shall obtain all its requirements for spare parts and servicing only from the Lessor.", Severity.High)]
    [InlineData("Client,Agency", "client", "Minimum Commitment", "3.2 If the Client places fewer than ten orders in a year, it shall pay a shortfall fee of £2,000 for each missing order.", Severity.High)]
    [InlineData("Hospital,Caterer", "hospital", "Minimum Commitment", "6.1 In each month the Hospital shall pay for not fewer meals than the Minimum Meal Number.", Severity.High)]
    [InlineData("Buyer,Supplier", "buyer", "Warranty Duration", "10.1 The Supplier shall have no liability for any defect unless the Buyer notifies it within 14 days after delivery.", Severity.High)]
    [InlineData("Controller,Processor", "controller", "Post-Termination Services", "9.1 Within five days after the end of this Agreement the Processor shall delete all Personal Data.", Severity.High)]
    [InlineData("Controller,Processor", "controller", "Price Restrictions", "6.2 The Processor may charge for assistance at its standard rates, which it may change at any time without notice.", Severity.High)]
    [InlineData("Contractor,Client", "contractor", "Liquidated Damages", "7.1 The Client may deduct GBP 250 for each day that a Failure continues.", Severity.High)]
    [InlineData("Contractor,Client", "contractor", "Price Restrictions", "4.1 The Charges are fixed for the Term and shall not be increased for inflation or any other reason.", Severity.High)]
    [InlineData("Licensor,Licensee", "licensor", "Unlimited/All-You-Can-Eat-License", "2.3 The Licensee may make and sell Licensed Products throughout the Territory without limit as to quantity.", Severity.High)]
    [InlineData("Principal,Agent", "principal", "Exclusivity", "3.1 The Principal appoints the Agent as its exclusive agent in the Territory, and the Principal shall not itself sell any Products in the Territory.", Severity.High)]
    [InlineData("Principal,Agent", "principal", "Revenue/Profit Sharing", "6.3 The Agent shall be entitled to commission on orders accepted within twelve months after termination of this Agreement.", Severity.High)]
    [InlineData("Contractor,Client", "contractor", "Liquidated Damages", "5.4 For each missed inspection the Contractor shall pay the Client GBP 1,000 for each day until the inspection is completed.", Severity.High)]
    [InlineData("Lessor,Lessee", "lessor", "Anti-Assignment", "11.4 The Lessor shall not assign or charge its rights under this Lease without the Lessee's prior written consent.", Severity.Medium)]
    [InlineData("Franchisee,Franchisor", "franchisee", "Non-Compete", "12.1 For two years after expiry the Franchisee shall not be engaged or interested in any coffee shop business within five miles of the Premises.", Severity.High)]
    [InlineData("Franchisee,Franchisor", "franchisee", "Rofr/Rofo/Rofn", "13.1 Before any sale the Franchisee shall offer the business to the Franchisor on the same terms, and the Franchisor may instead buy it at the third-party price less 15 per cent.", Severity.High)]
    [InlineData("Company,University", "company", "Uncapped Liability", "8.2 The Company shall be liable for all losses of the University arising from any breach, without limit of amount.", Severity.Critical)]
    [InlineData("Licensee,Licensor", "licensee", "Liquidated Damages", "8.1 The Licensee shall pay the Licensor, for each unauthorised disclosure, a sum equal to twice the annual Fees, in addition to any damages.", Severity.High)]
    [InlineData("Distributor,Supplier", "distributor", "Post-Termination Services", "12.1 On termination the Supplier may require the Distributor to sell to it all stock at 40 per cent of the price paid by the Distributor.", Severity.Medium)]
    [InlineData("Licensee,Licensor", "licensee", "Volume Restriction", "3.4 If the Software is accessed by more users than the number of licensed seats, the Licensee shall pay for each extra user at 150 per cent of the list price from the date of installation.", Severity.High)]
    [InlineData("Distributor,Supplier", "distributor", "Exclusivity", "2.2 The Supplier appoints the Distributor as its exclusive distributor in the Territory, save for the Online Channel, and the Supplier may at any time appoint other distributors for the Online Channel.", Severity.High)]
    [InlineData("Company,Consultant", "company", "Termination for Convenience", "3.1 The Consultant may end this Agreement at any time by giving the Company 7 days' written notice. The Company may end it only by giving the Consultant 3 months' written notice.", Severity.High)]
    [InlineData("Buyer,Supplier", "buyer", "Exclusivity", "4.1 The Buyer shall purchase all its steel requirements only from the Supplier during the Term.", Severity.High)]
    [InlineData("Customer,Provider", "customer", "Minimum Commitment", "6.1 The Customer shall pay licence fees for not fewer than 50 devices in each month, whether or not those devices are in use.", Severity.High)]
    [InlineData("Licensee,Licensor", "licensee", "Revenue/Profit Sharing", "5.1 The Licensee shall pay the Licensor 3% of all gross revenues it receives from any product based on the Data.", Severity.High)]
    [InlineData("Licensee,Licensor", "licensee", "Termination for Convenience", "6.3 The Licensor may withdraw the maintenance services at any time on 60 days' notice, without any refund.", Severity.High)]
    [InlineData("Controller,Processor", "controller", "Audit Rights", "8.1 The Controller may audit the Processor not more than once in any period of 36 months, on 90 days' notice.", Severity.Medium)]
    [InlineData("Council,Contractor", "council", "Anti-Assignment", "9.3 Nothing restricts the Contractor, which may assign or transfer this Agreement to any of its group companies without the Council's consent.", Severity.Medium)]
    public void Judge_ShippedPlaybook_OtherSides(string roles, string side, string category, string clause, Severity expected) =>
        Assert.Equal(expected, JudgeShipped(category, clause, roles.Split(',').Select(r => new ContractParty($"The {r} Ltd", r)).ToList(), side).Severity);

    [Theory]
    [InlineData("Price Restrictions", "7.1 Principal shall set the prices and terms of sale of the Products in its discretion and shall supply Agent with current price lists.", Severity.Medium)]
    [InlineData("Post-Termination Services", "13.1 On termination of this Agreement for any reason, Agent shall be entitled to commission only on Accepted Orders accepted and paid in full before the effective date of termination.", Severity.High)]
    [InlineData("Termination for Convenience", "12.2 Principal may terminate this Agreement at any time, with or without cause, on fifteen (15) days' written notice to Agent. Agent may terminate this Agreement only at the end of a term in accordance with Section 12.1.", Severity.High)]
    public void Judge_ShippedPlaybookSalesAgent_SeverityForTheAgent(string category, string clause, Severity expected)
    {
        ContractParty[] parties = [new("Corvell Hydraulics Corporation", "Principal"), new("Sabine Crossing Industrial Sales LLC", "Agent")];

        Assert.Equal(expected, JudgeShipped(category, clause, parties, "agent").Severity);
    }

    [Fact]
    public void Judge_LicenseeNamedByCompany_RoleSpecificDeviationStillApplies()
    {
        const string clause = "9.3 Meridian shall not challenge the validity of the Licensed Marks or the Licensor's ownership of them.";
        ContractParty[] parties = [new("Halden Marks Limited", "Licensor"), new("Meridian Homewares Pty Ltd", "Meridian")];

        var finding = JudgeShipped("Covenant Not to Sue", clause, parties, "Meridian");

        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(["A trade mark licensee's no-challenge"], finding.Deviations);
    }

    [Fact]
    public void Judge_IndemnityForTheOtherSidesOwnFault_HighWhereTheContractCapsLiabilityElsewhere()
    {
        const string clause = "10.1 Provider shall indemnify Customer against all losses arising out of the Services, whether or not caused or contributed to by the acts or omissions of Customer.";
        const string contract = clause + "\n\n11.2 Each party's aggregate liability shall not exceed the fees paid in the twelve months before the claim.";
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Uncapped Liability")!;

        var finding = ContractAnalyzer.Judge(rule, [Piece(clause)], 0.9f, contract, new ReviewLens(ReviewSide.Resolve(Parties, "provider")));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(["Your indemnity covers the other side's own fault"], finding.Deviations);
    }

    [Theory]
    [InlineData("Customer,Provider", "customer", "Anti-Assignment", "14.3 The Customer may assign this Agreement to its Affiliates on notice; the Provider may not assign this Agreement without the Customer's prior written consent.")]
    [InlineData("Manufacturer,Buyer", "manufacturer", "Price Restrictions", "6.1 The prices are fixed for the first twelve (12) months and may then be reviewed by agreement.")]
    [InlineData("Licensor,Licensee", "licensor", "Revenue/Profit Sharing", "5.3 Only one royalty is payable on each unit, and no royalty is payable on sales between the Licensee and its Affiliates for resale.")]
    public void Judge_ShippedPlaybookOrdinaryTerm_OtherSides_NotAnAlarm(string roles, string side, string category, string clause) =>
        Assert.True(JudgeShipped(category, clause, roles.Split(',').Select(r => new ContractParty($"The {r} Ltd", r)).ToList(), side).Severity < Severity.High);

    [Fact]
    public void Judge_MutualWaiverOfClaims_ADeviationSoItsWordsAloneReportIt()
    {
        const string clause = "9.4 Each party agrees that it shall not bring any claim, action or proceeding against the other party's subcontractors in respect of the Services.";

        var finding = JudgeShipped("Covenant Not to Sue", clause, Parties, "customer");

        Assert.Equal((Favours.Both, Severity.High), (finding.Favours, finding.Severity));
        Assert.Equal(["Both sides give up claims"], finding.Deviations);
    }

    [Fact]
    public void Judge_ANonPartyMayEnforceAgainstYouByName_MediumWhateverTheRestSays()
    {
        const string clause = "16.3 The Interim may enforce clauses 9, 10 and 12.4 against Customer under the Contracts (Rights of Third Parties) Act 1999 as if he were a party. Except as stated in this clause, a person who is not a party has no right to enforce any term of this Agreement.";
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Third Party Beneficiary")!;

        var customer = ContractAnalyzer.Judge(rule, [Piece(clause)], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, "customer")));
        var provider = ContractAnalyzer.Judge(rule, [Piece(clause)], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, "provider")));

        Assert.Equal(Severity.Medium, customer.Severity);
        Assert.Contains("A third party may enforce against you by name", customer.Deviations);
        Assert.DoesNotContain("A third party may enforce against you by name", provider.Deviations);
    }

    [Theory]
    [InlineData("Minimum Commitment", "2.1 The Licensee may order Products. The Licensee is not obliged to purchase any minimum volume of Products.", "licensor")]
    [InlineData("Minimum Commitment", "3.3 The Licensor shall invoice any catering consumed above the Minimum Spend within ten days, and the Licensee shall pay it within thirty days.", "licensee")]
    [InlineData("Price Restrictions", "5.1 The Licensee shall pay the Licensor at the rates and charges set out in the Rate Schedule.", "licensee")]
    [InlineData("Price Restrictions", "3.2 The Licensee is free to determine the prices at which it resells the Products to its customers.", "licensor")]
    [InlineData("Price Restrictions", "3.3 Either party may request a change, and the Charges shall be adjusted fairly to reflect any increase or decrease in the work.", "licensor")]
    [InlineData("License Grant", "6.2 The Licensee grants the Licensor a non-exclusive licence during the term to access and process Licensee Data for the purpose of providing the Services.", "licensee")]
    [InlineData("Covenant Not to Sue", "8.2 The Licensee shall not register any business name, domain name or trade mark that contains or resembles the Marks.", "licensee")]
    [InlineData("Warranty Duration", "9.2 If the Licensee notifies a breach of Section 9.1 within the Warranty Period, the Licensor will correct the non-conformity. If the Licensor cannot do so within thirty (30) days after that notice, the Licensee may terminate.", "licensee")]
    [InlineData("Uncapped Liability", "6.3 Except for a Party's indemnification obligations under Section 7, neither Party shall be liable to the other for any lost profits or any indirect or consequential damages.", "licensee")]
    [InlineData("Minimum Commitment", "3.2 The Licensor shall make the Production Environment available at least 99.9% of the time in each month, measured as set out in the Order Form.", "licensor")]
    [InlineData("Minimum Commitment", "1.2 \"Annual Minimum\" means, for each Contract Year, the minimum quantity of Products set out in Schedule A that the Licensee must purchase.", "licensee")]
    [InlineData("License Grant", "2.1 The Licensor grants the Licensee a licence during the Term to access and use the Platform for the purposes of processing and analysing Licensee Data.", "licensor")]
    [InlineData("Exclusivity", "8.1 The Licensee shall not sell copies of the Translation outside the Territory and shall not knowingly sell copies to any person who intends to export them outside the Territory.", "licensee")]
    public void Judge_ShippedPlaybookOrdinaryMention_NotAnAlarm(string category, string clause, string side)
    {
        ContractParty[] parties = [new("Halden Marks Limited", "Licensor"), new("Meridian Homewares Pty Ltd", "Licensee")];

        Assert.True(JudgeShipped(category, clause, parties, side).Severity < Severity.High);
    }

    [Fact]
    public void Judge_MeasuredDeviation_RationaleSaysWhatWasMeasured()
    {
        const string clause = "For twenty-four (24) months after expiry or termination of this Agreement, Customer shall not solicit or accept orders from any End User supplied by Provider.";
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("No-Solicit of Customers")!;

        var finding = ContractAnalyzer.Judge(rule, [Piece(clause)], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, "customer")));

        Assert.DoesNotContain("{measured}", finding.Rationale, StringComparison.Ordinal);
        Assert.Contains("for 24 months", finding.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("licence", "Licensee", "Source Code Escrow", true)]
    [InlineData("licence", "Licensor", "Source Code Escrow", false)]
    [InlineData("supply", "Manufacturer", "Minimum Commitment", true)]
    [InlineData("supply", "Buyer", "Minimum Commitment", false)]
    [InlineData("distribution", "Franchisee", "Renewal Term", true)]
    [InlineData("patent-licence", "Licensee", "Most Favored Nation", true)]
    [InlineData("patent-licence", "Licensee", "Termination for Convenience", true)]
    [InlineData("patent-licence", "Licensor", "Termination for Convenience", false)]
    [InlineData("licence", "Licensee", "Affiliate License-Licensee", true)]
    [InlineData("licence", "Licensor", "Affiliate License-Licensee", false)]
    [InlineData("other", "Customer", "Insurance", true)]
    [InlineData("lease", "Lessee", "Insurance", true)] // who insures equipment worth millions: keyed missing for a lessee or hirer by three writers
    [InlineData("lease", "Lessee", "Source Code Escrow", false)]
    public void MissingProtections_ShippedPlaybook_ExpectedForTheSideThatNeedsIt(string kind, string role, string category, bool expected)
    {
        var missing = ContractAnalyzer.MissingProtections(PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook), new HashSet<string>(), kind, role);

        Assert.Equal(expected, missing.Any(m => m.Category == category));
    }

    [Theory]
    [InlineData("services", "Customer", "The Supplier shall maintain and support the Software and fix its defects.", "Source Code Escrow", true)]
    [InlineData("services", "Customer", "The Supplier shall clean the offices; its software for scheduling is its own.", "Source Code Escrow", false)]
    [InlineData("nda", "Recipient", "The Recipient shall not solicit any employee of the Discloser for twelve months.", "Competitive Restriction Exception", true)]
    [InlineData("nda", "Recipient", "The Recipient shall keep the Confidential Information secret.", "Competitive Restriction Exception", false)]
    [InlineData("distribution", "Supplier", "The Supplier appoints the Distributor for the Territory.", "Non-Compete", true)]
    [InlineData("distribution", "Distributor", "The Supplier appoints the Distributor for the Territory.", "Non-Compete", false)]
    [InlineData("services", "Provider", "The Provider shall perform the Services.", "No-Solicit of Employees", true)]
    [InlineData("supply", "Buyer", "The Supplier shall supply the Products.", "Post-Termination Services", true)]
    [InlineData("saas", "Provider", "The Provider grants the Customer a right to use the Service.", "Non-Transferable License", true)]
    [InlineData("patent-licence", "Licensor", "The Licensee shall pay royalties on Net Sales.", "Audit Rights", true)]
    [InlineData("supply", "Customer", "The Supplier shall install the Equipment and its control software, and support the Software.", "Source Code Escrow", true)]
    [InlineData("saas", "Customer", "The Provider grants the Customer a right to use the Service.", "Non-Transferable License", false)]
    [InlineData("nda", "Company", "The Bidder is considering a possible acquisition of the Company and will carry out due diligence.", "No-Solicit of Employees", true)]
    [InlineData("nda", "Company", "The parties will discuss a possible supply arrangement.", "No-Solicit of Employees", false)]
    [InlineData("nda", "Bidder", "The Bidder is considering a possible acquisition of the Company.", "No-Solicit of Employees", false)]
    [InlineData("services", "Provider", "The Operator shall store and ship the Customer's pallets against its monthly forecasts.", "Minimum Commitment", true)]
    [InlineData("services", "Provider", "The Consultant shall advise on the Customer's strategy.", "Minimum Commitment", false)]
    [InlineData("licence", "Licensee", "The Licensor licenses its brand for use in the Licensee's fitness studios.", "Exclusivity", true)]
    [InlineData("licence", "Licensee", "The Licensor licenses the Software for internal use.", "Exclusivity", false)]
    [InlineData("licence", "Licensor", "The Licensor licenses its brand for use in the Licensee's fitness studios.", "Exclusivity", false)]
    [InlineData("joint-development", "University", "The Company may commercialise the Results.", "Revenue/Profit Sharing", true)]
    [InlineData("licence", "Licensee", "The Licensee operates the studios under the Licensor's marks.", "Renewal Term", true)]
    [InlineData("licence", "Licensee", "The Licensor licenses the Software for internal use.", "Renewal Term", false)]
    [InlineData("other", "Developer", "The Publisher shall pay the Developer forty per cent of Net Receipts each quarter.", "Audit Rights", true)]
    [InlineData("other", "Developer", "The Developer shall build the application to the Specification.", "Audit Rights", false)]
    [InlineData("other", "Investor", "Distributions shall be made to the Shareholders pro rata.", "Audit Rights", true)]
    [InlineData("nda", "Broker", "The Investor shall pay the Broker a fee on completion of any investment in an Introduced Party.", "Audit Rights", true)]
    [InlineData("nda", "Recipient", "The Recipient shall keep the Information confidential.", "Audit Rights", false)]
    [InlineData("saas", "Provider", "The Customer may remove Agent Licences at any time on notice.", "Minimum Commitment", true)]
    [InlineData("services", "Provider", "The Provider shall supply and install the Equipment at each Hotel.", "Minimum Commitment", true)]
    [InlineData("saas", "Provider", "The Provider grants the Customer a right to use the Service.", "Minimum Commitment", false)]
    public void MissingProtections_ShippedPlaybook_ExpectedWhenTheContractNeedsIt(string kind, string role, string text, string category, bool expected)
    {
        var missing = ContractAnalyzer.MissingProtections(PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook), new HashSet<string>(), kind, role, text);

        Assert.Equal(expected, missing.Any(m => m.Category == category));
    }

    [Fact]
    public void MissingProtections_ExpectedForOneSideOfAKind_OnlyForThatSide()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Sided kinds
            rules:
              - category: Insurance
                expected: true
                expected_for: [saas, licence/licensor]
            """, "sided-kinds.yaml");
        var none = new HashSet<string>();

        Assert.Contains(ContractAnalyzer.MissingProtections(playbook, none, "licence", "Licensor"), m => m.Category == "Insurance");
        Assert.DoesNotContain(ContractAnalyzer.MissingProtections(playbook, none, "licence", "Licensee"), m => m.Category == "Insurance");
        Assert.DoesNotContain(ContractAnalyzer.MissingProtections(playbook, none, "licence"), m => m.Category == "Insurance");
        Assert.Contains(ContractAnalyzer.MissingProtections(playbook, none, "saas", "Customer"), m => m.Category == "Insurance");
        Assert.Throws<TandemException>(() => PlaybookLoader.Parse("name: x\nrules:\n  - category: Insurance\n    expected_for: [licence/]\n", "bad.yaml"));
    }

    [Fact]
    public void Resolve_CappedAndUncappedOnOneClause_KeepsWhatTheWordsSay()
    {
        var exclusion = Finding("c1", "Cap on Liability", "In no event shall Provider be liable for indirect damages.");
        var wrongUncapped = Finding("c1", "Uncapped Liability", "In no event shall Provider be liable for indirect damages.");
        var lifted = Finding("c2", "Uncapped Liability", "The limitations in this Section shall not apply to Customer.");
        var wrongCap = Finding("c2", "Cap on Liability", "The limitations in this Section shall not apply to Customer.");
        var liquidated = Finding("c3", "Cap on Liability", "The Recipient shall pay $250,000 per breach as liquidated damages.");

        var (kept, emptied) = FindingConsistency.Resolve([exclusion, wrongUncapped, lifted, wrongCap, liquidated]);

        Assert.Equal([exclusion, lifted], kept);
        Assert.Empty(emptied);
        Assert.Equal(["Cap on Liability"], FindingConsistency.Resolve([liquidated]).Emptied);
    }

    [Theory]
    [InlineData("The Developer's obligations under Section 9.1 are not subject to any limit in amount.")]
    [InlineData("Licensee's indemnity shall not be limited by any cap in this Agreement.")]
    [InlineData("Supplier's liability for data breaches is uncapped.")]
    [InlineData("The Supplier shall indemnify the Distributor against all claims relating to the Products, including claims caused in whole or in part by the negligence of the Distributor.")]
    [InlineData("Provider shall indemnify Customer against all losses arising out of the Services, whether or not caused or contributed to by the acts or omissions of Customer.")]
    public void Resolve_UncappedInOtherWords_Kept(string clause)
    {
        var uncapped = Finding("c1", "Uncapped Liability", clause);

        Assert.Equal([uncapped], FindingConsistency.Resolve([uncapped]).Kept);
    }

    [Theory]
    [InlineData("The Venue Owner may cancel the booking for operational or commercial reasons by giving the Hirer sixty days' notice.", true)]
    [InlineData("Either party may terminate this Agreement if the other commits a material breach and fails to remedy it within thirty days.", false)]
    [InlineData("The Customer may terminate this Agreement before the end of the Minimum Term on giving not less than six (6) months' written notice, provided that it pays an early termination fee.", true)]
    [InlineData("Either party may terminate this Agreement before the end of the Term if the other party becomes insolvent.", false)]
    [InlineData("The Club may terminate this Agreement by giving the Sponsor not less than 90 days' written notice if it receives a bona fide proposal from a third party on terms more valuable to the Club.", true)]
    [InlineData("The Franchisor may terminate this Agreement on not less than 90 days' written notice if, in the Franchisor's opinion, the Studio no longer fits the Franchisor's brand strategy.", true)]
    [InlineData("The Landlord may end this Lease at any time after the first anniversary by giving not less than six months' notice, if the Landlord intends to redevelop any part of the Centre.", true)]
    [InlineData("On or at any time after the occurrence of a Termination Event, the Lessor may terminate the lease of all or any of the Vehicles by written notice to the Lessee.", false)]
    [InlineData("The Tenant may end this Lease on any Rent Payment Date after 24 June 2027 by giving the Landlord not less than three months' written notice.", true)]
    [InlineData("The Landlord may end this Lease by giving the Tenant one month's notice if the Rent is unpaid for 21 days.", false)]
    [InlineData("The Supplier may terminate this Agreement on any date by giving written notice where the Buyer is in breach.", false)]
    [InlineData("If availability falls below 99.5% in any three months in a year, the Customer may terminate this Agreement by giving written notice within 60 days.", false)]
    [InlineData("The Operator may, at its option and on sixty days' written notice, bring this Agreement to an end or cease to offer any Channel.", true)]
    [InlineData("If the Client fails to pay any invoice within thirty days, the Operator may bring this Agreement to an end by written notice.", false)]
    [InlineData("The Operator may bring this Agreement to an end at the end of the Initial Term by giving the Client one month's written notice.", false)]
    [InlineData("The Operator may terminate this Agreement on ninety days' notice where it decides to reorganise its network of channels.", true)]
    [InlineData("Either party may terminate this Agreement on six months' written notice without giving a reason, provided that the Client may not give such notice before the third anniversary.", true)]
    [InlineData("Should the Operator decide, in its absolute discretion, to close the Channel, it may bring this Agreement (or the part of it relating to that Channel) to an end on 30 days' notice.", true)]
    [InlineData("The Operator may withdraw from any Season by giving the Client not less than twenty-eight (28) days' notice if it decides, in its commercial discretion, that the Season is no longer viable.", true)]
    [InlineData("The Operator may withdraw from any Season by giving the Client not less than twenty-eight (28) days' notice if the Client fails to pay any invoice.", false)]
    public void Resolve_TerminationForConvenience_KeptOnlyWithAConvenienceGround(string clause, bool kept)
    {
        var convenience = Finding("c1", "Termination for Convenience", clause);

        Assert.Equal(kept, FindingConsistency.Resolve([convenience]).Kept.Count == 1);
    }

    [Theory]
    [InlineData("Irrevocable or Perpetual License", "The Licensor grants the Licensee an exclusive licence under the Patents to make and sell Licensed Products in the Field.", false)]
    [InlineData("Irrevocable or Perpetual License", "The Licensor grants the Licensee a perpetual, irrevocable licence to use the Software.", true)]
    [InlineData("Irrevocable or Perpetual License", "The Recipient may use for any purpose the Residuals retained in the unaided memory of its staff.", true)]
    [InlineData("Rofr/Rofo/Rofn", "The Developer shall have the sole right to commercialise the Products and to set their prices.", false)]
    [InlineData("Rofr/Rofo/Rofn", "Before the Buyer accepts a quotation from a third party, the Supplier may elect to supply the materials on the same terms.", true)]
    [InlineData("Rofr/Rofo/Rofn", "The Company shall first offer the Shares to the Investor.", true)]
    [InlineData("Minimum Commitment", "Either party may terminate this Agreement on not less than six months' written notice.", false)]
    [InlineData("Minimum Commitment", "Each Product shall have on delivery a remaining shelf life of not less than seventy-five percent (75%) of its approved shelf life.", false)]
    [InlineData("Minimum Commitment", "The Provider shall keep the Platform available at least 99.9 per cent of the time in each month.", false)]
    [InlineData("Minimum Commitment", "In each Contract Year the Reseller shall purchase Products worth not less than EUR 250,000.", true)]
    [InlineData("Minimum Commitment", "The Fees for each quarter are calculated on the greater of the number of Active Sites in that quarter and 1,200 Active Sites.", true)]
    [InlineData("Minimum Commitment", "The Fees for each quarter are calculated on the number of Active Sites in that quarter.", false)]
    [InlineData("Minimum Commitment", "The Lessee shall keep not fewer than forty (40) Vehicles on lease at all times.", true)]
    [InlineData("Minimum Commitment", "The Supplier shall hold a safety stock equal to not less than six (6) weeks of the Buyer's forecast requirements.", true)]
    [InlineData("Minimum Commitment", "If the Service Fee for any month would be less than £2,750, the Franchisee shall instead pay a Service Fee of £2,750 for that month.", true)]
    [InlineData("Minimum Commitment", "Each instalment is earned when invoiced and is not refundable, including where the Client decides not to fill the role.", true)]
    [InlineData("Post-Termination Services", "The Supplier shall carry out the transfer of the Services from the Customer's in-house team in accordance with the Transition Plan.", false)]
    [InlineData("Post-Termination Services", "The obligations in this Section 9 shall continue for three (3) years after expiration or termination of this Agreement.", false)]
    [InlineData("Post-Termination Services", "For ninety days after termination the Provider shall continue to provide the Services and assist the Customer to migrate its data.", true)]
    public void Resolve_ALicenceOrFirstRightNeedsItsWords(string category, string clause, bool kept) =>
        Assert.Equal(kept, FindingConsistency.Resolve([Finding("c1", category, clause)]).Kept.Count == 1);

    [Theory]
    [InlineData("This Agreement is for the supply of solar modules (the \"Products\").", Severity.High)]
    [InlineData("This Agreement is for the supply of office furniture (the \"Products\").", Severity.Info)]
    public void Judge_ContractPattern_WhatTheContractIsAboutDecides(string recital, Severity expected)
    {
        const string clause = "9.1 The Supplier warrants that the Products shall, for a period of twelve months from the date of Delivery, be free from material defects.";
        var document = recital + "\n" + clause;
        var piece = new Tandem.Store.StoredClause("cl_1", new Tandem.Documents.Clause(0, "9.1", null, Tandem.Documents.ClauseKind.Section, recital.Length + 1, document.Length, clause));
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Warranty Duration")!;
        var parties = new[] { new ContractParty("The Supplier Ltd", "Supplier"), new ContractParty("The Buyer Ltd", "Buyer") };

        var finding = ContractAnalyzer.Judge(rule, [piece], 0.9f, document, new ReviewLens(ReviewSide.Resolve(parties, "buyer")));

        Assert.Equal(expected, finding.Severity);
    }

    [Fact]
    public void Resolve_ScheduleLineRestatingTheBody_ShownAsMedium()
    {
        var body = Finding("c1", "Minimum Commitment", "The Reseller shall purchase Products worth not less than the Annual Minimum Purchase.") with { Favours = Favours.Them };
        var table = new Finding("Minimum Commitment", Severity.High, "c2", "Schedule 1/5 ¶5", null, "Annual Minimum Purchase: First Contract Year EUR 480,000", 0, 55, 1, null, [], 0.8) { Favours = Favours.Unclear };
        var alone = table with { ClauseId = "c3", Category = "Price Restrictions" };

        var kept = FindingConsistency.Resolve([body, table, alone]).Kept;

        Assert.Equal(Severity.High, kept.Single(f => f.ClauseId == "c1").Severity);
        Assert.Equal(Severity.Medium, kept.Single(f => f.ClauseId == "c2").Severity);
        Assert.Equal(Severity.High, kept.Single(f => f.ClauseId == "c3").Severity);
    }

    [Fact]
    public void Resolve_BodyClauseTheModelBarelyReads_NotLoweredForAScheduleLineThatDefersToIt()
    {
        // The body clause sets the commitment and the shortfall payment; the model is sure only of the schedule's line. The
        // schedule line restates the body, so it is the one shown as medium, and the body keeps the risk at full severity.
        var body = Finding("c1", "Minimum Commitment", "The Brand Owner shall order not less than 240,000 units in each Contract Year and shall pay the full unit price for each unit by which its orders fell short.")
            with { Favours = Favours.Them, Confidence = 0.12 };
        var table = new Finding("Minimum Commitment", Severity.High, "c2", "Schedule 2/5", null, "5. Minimum order per Product: 5,000 units.", 900, 940, 40, null, [], 0.94) { Favours = Favours.Unclear };
        var sure = body with { ClauseId = "c3", ClausePath = "4.1", Confidence = 0.95 };

        var kept = FindingConsistency.Resolve([body, table]).Kept;

        Assert.Equal(Severity.High, kept.Single(f => f.ClauseId == "c1").Severity);
        Assert.Equal(Severity.Medium, kept.Single(f => f.ClauseId == "c2").Severity);
        // A body clause the model is sure of still takes the risk from the one it barely reads.
        Assert.Equal(Severity.Medium, FindingConsistency.Resolve([body, sure]).Kept.Single(f => f.ClauseId == "c1").Severity);
    }

    [Fact]
    public void Judge_FiveYearConfidentiality_IsNoLongInitialTerm()
    {
        const string clause = "5.3 The Receiving Party's obligations under Sections 2 and 3 continue for five (5) years after the termination of this Agreement.";

        Assert.DoesNotContain("Initial term of five years or more", JudgeShipped("Expiration Date", clause, Parties, "customer").Deviations);
    }

    [Fact]
    public void Judge_ShelfLifeMinimum_IsNoMinimumCommitment()
    {
        const string clause = "5.1 The Supplier shall deliver Products to the Depot stated in each Order with a minimum remaining shelf life of 80% of the total shelf life.";

        Assert.DoesNotContain("Minimum commitment binds you", JudgeShipped("Minimum Commitment", clause, Parties, "provider").Deviations);
    }

    [Fact]
    public void Judge_DeviationForSellers_AppliesOnlyWhenReviewingForTheSeller()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Roles
            rules:
              - category: Price Restrictions
                severity: low
                deviations:
                  - name: Prices frozen for the seller
                    roles: [Provider]
                    pattern: '(?i)fixed'
                    severity: high
            """, "roles.yaml");
        const string clause = "Prices are fixed for the Initial Term.";
        var piece = Piece(clause);

        Assert.Equal(Severity.High, ContractAnalyzer.Judge(playbook.Rules[0], [piece], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, "provider"))).Severity);
        Assert.Equal(Severity.Low, ContractAnalyzer.Judge(playbook.Rules[0], [piece], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, "customer"))).Severity);
    }

    [Theory]
    [InlineData("Customer hereby assigns to Provider all rights in the reports.", "customer", Severity.Critical)]
    [InlineData("Customer hereby assigns to Provider all rights in the reports.", "provider", Severity.Low)]
    [InlineData("Provider hereby assigns to Customer all rights in the reports.", "customer", Severity.Low)]
    [InlineData("The Lumenfield Software, Inc. irrevocably assigns to Customer all rights in the reports.", "provider", Severity.Critical)]
    public void Judge_PatternNamingTheSides_MatchesOnlyTheSideItNames(string clause, string side, Severity expected)
    {
        var playbook = PlaybookLoader.Parse("""
            name: Sided
            rules:
              - category: IP Ownership Assignment
                severity: low
                deviations:
                  - name: You assign your rights away
                    pattern: '(?i)\b{us}\b.{0,40}\bassigns\b'
                    severity: critical
            """, "sided.yaml");
        var piece = Piece(clause);

        Assert.Equal(expected, ContractAnalyzer.Judge(playbook.Rules[0], [piece], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, side))).Severity);
        // Without a side, a pattern that names one never matches.
        Assert.Equal(Severity.Low, ContractAnalyzer.Judge(playbook.Rules[0], [piece], 0.9f, clause).Severity);
    }

    [Fact]
    public void Judge_RoleSpecificDeviation_WinsOverOneForAnySide()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Specific
            rules:
              - category: IP Ownership Assignment
                severity: high
                deviations:
                  - name: You assign to the other side
                    when: [them]
                    severity: critical
                  - name: Deliverables you were paid for
                    roles: [Provider]
                    when: [them]
                    pattern: '(?i)deliverables'
                    severity: low
            """, "specific.yaml");
        const string clause = "Provider hereby assigns to Customer all rights in the Deliverables.";
        var piece = Piece(clause);

        var finding = ContractAnalyzer.Judge(playbook.Rules[0], [piece], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, "provider")));

        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal(["Deliverables you were paid for"], finding.Deviations);
    }

    [Theory]
    [InlineData("This Agreement is governed by the laws of England and Wales.", "customer", Severity.Info)]
    [InlineData("This Agreement is governed by the laws of England and Wales.", "provider", Severity.Medium)]
    [InlineData("This Agreement is governed by the laws of the State of Oregon.", "provider", Severity.Info)]
    [InlineData("This Agreement is governed by the laws of the State of Oregon.", "customer", Severity.Medium)]
    [InlineData("This Agreement is governed by the laws of Singapore.", "customer", Severity.Medium)]
    public void Judge_ShippedPlaybookGoverningLaw_HomeLawOfWhichSide(string clause, string side, Severity expected)
    {
        ContractParty[] parties = [new("Lumenfield Software, Inc.", "Provider") { Home = "Oregon" }, new("Carrow & Beck Ltd", "Customer") { Home = "England and Wales" }];
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Governing Law")!;

        Assert.Equal(expected, ContractAnalyzer.Judge(rule, [Piece(clause)], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(parties, side))).Severity);
    }

    [Theory]
    [InlineData("12.1 The Provider's aggregate liability under this Agreement shall not exceed the Fees paid in the preceding twelve months.", true)]
    [InlineData("12.1 Each party's aggregate liability under this Agreement shall not exceed the Fees paid in the preceding twelve months.", false)]
    [InlineData("12.1 The Customer's total liability shall not exceed the Fees paid in the preceding twelve months.", false)]
    public void Judge_ShippedPlaybookIndemnity_UncappedWhenNoCapInTheContractProtectsYou(string capClause, bool outsideEveryCap)
    {
        const string clause = "9.1 The Customer shall indemnify the Provider against all losses, claims and costs arising out of or in connection with the Project.";
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Uncapped Liability")!;

        var finding = ContractAnalyzer.Judge(rule, [Piece(clause)], 0.9f, clause + "\n\n" + capClause, new ReviewLens(ReviewSide.Resolve(Parties, "customer")));

        Assert.Equal(outsideEveryCap, finding.Deviations.Contains("No cap in the contract protects you from your indemnity"));
        Assert.Equal(outsideEveryCap, finding.ReadWithWholeContract);
    }

    [Theory]
    [InlineData("Nothing in this Agreement limits either party's liability for death or personal injury caused by its negligence, or for fraud.", Severity.Low)]
    [InlineData("Nothing in this agreement limits or excludes liability for fraud or for breach of the terms implied by section 12 of the Sale of Goods Act 1979.", Severity.Low)]
    [InlineData("Nothing in this Agreement limits Customer's liability for fraud or for any breach of its payment obligations.", Severity.Critical)]
    [InlineData("Customer's indemnity obligations are not subject to any limit in amount.", Severity.Critical)]
    public void Judge_ShippedPlaybookUncappedLiability_CarveOutsTheLawRequiresAreLow(string clause, Severity expected)
    {
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Uncapped Liability")!;
        var piece = Piece(clause);

        Assert.Equal(expected, ContractAnalyzer.Judge(rule, [piece], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, "customer"))).Severity);
    }

    [Theory]
    [InlineData("Most Favored Nation", "If Provider offers any other customer a lower price for the Service, the Fees shall automatically be reduced to that price.")]
    [InlineData("Covenant Not to Sue", "Customer irrevocably covenants that neither it nor its affiliates will assert any patent against Provider.")]
    [InlineData("Minimum Commitment", "Customer shall purchase a minimum annual volume of 10,000 units; any shortfall is invoiced at the unit price.")]
    [InlineData("Irrevocable or Perpetual License", "After five years the licence in clause 2.1 becomes perpetual and irrevocable.")]
    [InlineData("Price Restrictions", "Provider may, on thirty days' notice, revise the Fees and the unit rates.")]
    [InlineData("Uncapped Liability", "9.2 The Developer's obligations under Section 9.1 are not subject to any limit in amount and survive termination or expiry of this Agreement indefinitely.")]
    [InlineData("Volume Restriction", "Where consumption in any month exceeds the capacity in the Order Form, the excess is charged at twice the unit rate.")]
    [InlineData("Audit Rights", "The Licensor and any auditor it appoints may on five Business Days' notice enter the premises of the Licensee to verify compliance.")]
    [InlineData("Renewal Term", "It then continues for further periods of three years each unless the Customer gives notice.")]
    [InlineData("Notice Period to Terminate Renewal", "It renews unless either party gives written notice of non-renewal at least 60 days before the end of the then-current period.")]
    [InlineData("Source Code Escrow", "The Source Code shall be released to the Licensee if the Licensor undergoes a change of control.")]
    [InlineData("No-Solicit of Employees", "The Sponsor shall not employ any researcher or technician engaged on the Project for 12 months.")]
    [InlineData("Exclusivity", "The Licensor shall not supply or license the Software, or any similar product, to any other person in the Territory.")]
    [InlineData("Warranty Duration", "The Supplier warrants that the Equipment will be free from defects for a period of 60 months from Acceptance.")]
    [InlineData("No-Solicit of Customers", "Vantory shall not encourage any Referred Merchant to cease using or transfer its volume away from the Services.")]
    [InlineData("Minimum Commitment", "The Customer shall purchase a minimum of 60 days of Professional Services in each Support Year.")]
    [InlineData("Termination for Convenience", "The Provider may terminate this Agreement at any time, without giving any reason, on three months' notice.")]
    [InlineData("Termination for Convenience", "The Provider may terminate this Agreement for any reason by notice to the Customer.")]
    [InlineData("Expiration Date", "This Undertaking continues in force without limit of time, whether or not the Transaction proceeds.")]
    [InlineData("Minimum Commitment", "The Customer commits to purchase not fewer than 40,000 units in each Contract Year at the rates in Schedule 2.")]
    [InlineData("Exclusivity", "Notwithstanding clause 2.1, the Provider reserves the right to sell the Products in the Territory to the Key Accounts.")]
    [InlineData("License Grant", "In consideration of the Licence Fee, the Licensor grants to the Licensee a perpetual, non-exclusive licence to install and use the Software.")]
    [InlineData("Exclusivity", "During the Term the Client shall procure all facilities management services required at the Buildings exclusively from the Contractor.")]
    [InlineData("Non-Compete", "For twelve (12) months afterwards, Tessaly shall not develop, offer or enter into any agreement with a third party for the integration of its mobile robots with any warehouse control system that competes with OBA's systems.")]
    [InlineData("Change of Control", "(d) any person or group acquires more than forty percent (40%) of Lessee's voting equity without Lessor's prior written consent.")]
    [InlineData("Uncapped Liability", "The Supplier shall indemnify the Distributor against all claims relating to the Products, including claims caused in whole or in part by the negligence of the Distributor.")]
    [InlineData("Exclusivity", "During the Research Term, Castellan shall not fund, sponsor or collaborate in any research directed to KRN7 modulators at or with any other university or research institution.")]
    [InlineData("Rofr/Rofo/Rofn", "If Buyer decides to outsource the manufacture of any component for a new product, Buyer shall first give Manufacturer written notice describing the component.")]
    [InlineData("Minimum Commitment", "The Research Funding is non-cancellable and non-refundable. If this Agreement ends for any reason, all unpaid installments of the Research Funding become due and payable within thirty days.")]
    [InlineData("Termination for Convenience", "Franchisor may terminate this Agreement on 120 days' notice if it decides, for any business reason, to stop franchising in Oregon.")]
    [InlineData("Revenue/Profit Sharing", "The Licensee may deduct all such third-party royalties from the royalties otherwise payable to the Licensor under Article 3.2.")]
    [InlineData("Price Restrictions", "Developer is not entitled to any increase in the Fixed Fee, or to any additional payment, for any reason.")]
    [InlineData("Covenant Not to Sue", "The Bidder irrevocably waives, and shall procure that no member of its Group shall bring, any claim or proceedings against the Company in respect of any Confidential Information.")]
    [InlineData("Non-Compete", "During the Project Period and for two years after it ends, neither the Institute nor its staff shall carry out any research in the Field for a commercial organisation.")]
    [InlineData("Non-Compete", "The Member shall not, while it holds any Shares, carry on, be engaged in or have any interest in any business which makes electrolysers.")]
    [InlineData("Non-Compete", "The Author shall not write or publish, or authorise any person other than the Publisher to publish, any work featuring the characters.")]
    [InlineData("No-Solicit of Employees", "The Client shall not solicit, engage or employ any driver or depot operative of the Courier during the term.")]
    [InlineData("Minimum Commitment", "On a Funding Notice each Member shall contribute its pro rata share of the amount stated in the notice.")]
    [InlineData("Termination for Convenience", "The Publisher may at any time before publication decide, for any reason, not to publish the Work.")]
    [InlineData("Liquidated Damages", "If Downtime exceeds eight hours, the Contractor shall pay the Owner $5,000 for each hour or part of an hour of downtime beyond eight hours.")]
    [InlineData("Most Favored Nation", "The Supplier shall not sell any Product to any other customer at a price lower than the price charged to the Buyer.")]
    [InlineData("License Grant", "The Recipient may use for any purpose any information retained in the unaided memory of its personnel.")]
    [InlineData("IP Ownership Assignment", "The Designer, with full title guarantee, assigns to the Client absolutely all present and future Intellectual Property Rights in the Deliverables.")]
    [InlineData("Liquidated Damages", "Customer shall pay all Monthly Recurring Charges that would have been payable for the remainder of the Service Term.")]
    [InlineData("Expiration Date", "The Receiving Party's obligations under Section 4 continue for twelve (12) months from disclosure and then end.")]
    [InlineData("Warranty Duration", "Any claim under Section 6.1 must be made in writing within twenty (20) days after delivery.")]
    [InlineData("Change of Control", "The Customer may terminate this Agreement immediately by notice if there is a change in the control of the Supplier.")]
    [InlineData("Covenant Not to Sue", "The Company shall not, and shall procure that its affiliates shall not, bring any claim against the Recipient alleging that its products infringe any patent.")]
    [InlineData("Minimum Commitment", "Regardless of the hours worked, the Customer shall pay for not less than 2,000 Billable Hours in each month.")]
    [InlineData("Rofr/Rofo/Rofn", "Right to match. If the Customer receives a proposal from another provider, it shall give the Contractor a copy of the proposal.")]
    [InlineData("Minimum Commitment", "For each subject by which enrolment falls short of that minimum, the Institution shall pay the Sponsor USD 5,000.")]
    [InlineData("Covenant Not to Sue", "The Recipient undertakes that it will not at any time commence any action asserting that the Discloser infringes any patent.")]
    [InlineData("IP Ownership Assignment", "The Creator hereby assigns to the Network, with full title guarantee and by way of present assignment of future rights, all copyright in the Podcast.")]
    [InlineData("Price Restrictions", "The Network may amend the Creator's Share percentage on thirty days' notice.")]
    [InlineData("Liquidated Damages", "For each month of use outside the Term the Licensee shall pay the Licensor an agreed sum equal to thirty-five per cent of the Fee.")]
    [InlineData("Price Restrictions", "The Fee for each Renewal Period shall be the amount notified by the Licensor not later than thirty days before it starts.")]
    [InlineData("Non-Compete", "For twenty-four months the Shipper shall not book cargo with or solicit quotations from any Carrier that the Forwarder has introduced to the Shipper.")]
    [InlineData("Exclusivity", "For 120 days the Company shall not solicit, negotiate or engage in any discussions with any person other than the Investor concerning an Alternative Transaction.")]
    [InlineData("Third Party Beneficiary", "The following persons may enforce clauses 2, 6 and 7 directly against Recipient under the Contract (Third Party Rights) (Scotland) Act 2017.")]
    [InlineData("Third Party Beneficiary", "Each Hotel Group Member may enforce clause 12.1 directly against the Producer.")]
    [InlineData("Covenant Not to Sue", "The Developer undertakes that neither it nor its Affiliates will assert any patent it owns now or in future against the Manufacturer.")]
    [InlineData("Expiration Date", "The obligations in clauses 2 and 3 shall survive for two (2) years after the end of the Evaluation Period and shall then cease to apply.")]
    [InlineData("Warranty Duration", "The Buyer shall inspect each consignment and notify the Supplier of any claim that it does not conform to the Specification within five (5) days after delivery.")]
    [InlineData("Exclusivity", "During the Evaluation Period the Discloser shall not solicit or engage in negotiations with any third party concerning the licence or sale of any rights in the Compound.")]
    [InlineData("Non-Compete", "During the Term and for eighteen months afterwards, the Licensee shall not publish or authorise the publication in the Territory of any other work of narrative non-fiction about the history of the river trade which would, in the Licensor's reasonable opinion, compete with the Work.")]
    [InlineData("Minimum Commitment", "The Lessee shall keep not fewer than twenty-five (25) Vehicles on hire throughout the Term.")]
    [InlineData("Minimum Commitment", "The Board may require the Shareholders to provide further funding to the Company in proportion to their holdings.")]
    [InlineData("Non-Compete", "The Member shall not, and shall procure that no company in its Group shall, while it holds any Units and for two (2) years after it ceases to do so, directly or indirectly own, finance or operate any quarry located within thirty (30) kilometres of the Site.")]
    [InlineData("Non-Compete", "For nine months the Fund shall not, without the Adviser's consent, deal directly with any Introduced Party.")]
    [InlineData("Rofr/Rofo/Rofn", "The Adviser shall present each opportunity in the Sector to the Fund before presenting it to any other investor.")]
    [InlineData("Revenue/Profit Sharing", "The Publisher may reduce the royalty rates on sixty days' notice.")]
    [InlineData("Anti-Assignment", "The Investor shall not sell, transfer or charge any interest in any Share without the Sponsor's consent.")]
    [InlineData("Termination for Convenience", "The Tenant may end this Lease on the third anniversary of the Term Commencement Date by giving the Landlord at least six months' notice.")]
    [InlineData("Termination for Convenience", "The Owner may, for any reason, recall any Crane on 48 hours' notice to the Hirer.")]
    [InlineData("Irrevocable or Perpetual License", "The Recipient may retain and use any Feedback for any purpose, perpetually and without payment.")]
    [InlineData("Minimum Commitment", "The Client shall pay the Retainer in advance each month of the Term, whether or not the Client requests any services in that month.")]
    [InlineData("Price Restrictions", "The Support Fee automatically increases on each anniversary of the Effective Date by the greater of 6% and the change in CPI.")]
    [InlineData("Anti-Assignment", "The Tenant may transfer this Lease to any member of its group without obtaining the Landlord's consent.")]
    [InlineData("Non-Compete", "For one year after the Project ends, the Partner shall not sell its scoring software to any Competing Business.")]
    [InlineData("No-Solicit of Customers", "The Agent shall not, for one year after termination, canvass or deal with any Customer for the supply of competing goods.")]
    [InlineData("Unlimited/All-You-Can-Eat-License", "The Licensee may install the Software on any number of computers at its sites without further charge.")]
    [InlineData("Warranty Duration", "The Supplier warrants that the Goods are free from defects, and this warranty shall remain in force for the whole term of this Agreement.")]
    [InlineData("Exclusivity", "The Customer shall not, during the Term, appoint any other maintenance contractor other than the Supplier for the Equipment.")]
    [InlineData("Volume Restriction", "The licence covers up to 5,000 Named Users. If the Licensee exceeds that number, it shall pay an overage fee of 200% of the per-user price.")]
    [InlineData("Anti-Assignment", "The Tenant shall not assign or underlet the Premises without the consent of the Landlord, which the Landlord may refuse in its absolute discretion.")]
    [InlineData("Joint IP Ownership", "Intellectual property in any Improvement shall vest jointly in the Licensor and the Licensee, and either may exploit it without accounting to the other.")]
    [InlineData("No-Solicit of Customers", "Each Party undertakes that for 18 months it will not solicit or approach any Restricted Customer.")]
    [InlineData("Post-Termination Services", "After termination the Provider shall give such exit assistance as the Customer requests for up to twelve months, free of charge.")]
    [InlineData("Exclusivity", "Notwithstanding clause 3.1, the Supplier may sell the Products directly to National Accounts in the Territory.")]
    [InlineData("Most Favored Nation", "If the Supplier sells comparable goods to any other customer at a price lower than the Price, it shall reduce the Price accordingly.")]
    [InlineData("Revenue/Profit Sharing", "No royalties are payable on Products sold to Affiliates of the Licensee.")]
    [InlineData("Audit Rights", "The Licensor may have the Licensee's records audited no more than once in every three years.")]
    [InlineData("Non-Compete", "The Supplier shall not, for 12 months after termination, supply any competing software to any bank in the Territory.")]
    [InlineData("Non-Compete", "For two years the Recipient shall not develop or market any product substantially similar to those of the Discloser.")]
    [InlineData("Termination for Convenience", "The Owner may end the hire of any Equipment for any reason on 14 days' notice.")]
    [InlineData("Exclusivity", "The Lessee shall obtain all its requirements for spare parts and servicing only from the Lessor.")]
    [InlineData("Minimum Commitment", "If the Client places fewer than ten orders in a year, it shall pay a shortfall fee of £2,000 for each missing order.")]
    [InlineData("Minimum Commitment", "In each month the Hospital shall pay for not fewer meals than the Minimum Meal Number.")]
    [InlineData("Warranty Duration", "The Supplier shall have no liability for any defect unless the Buyer notifies it within 14 days after delivery.")]
    [InlineData("Most Favored Nation", "The Concessionaire's prices in the Store shall be no higher than the lowest price it charges through any other channel.")]
    [InlineData("Post-Termination Services", "Within five days after the end of this Agreement the Processor shall delete all Personal Data.")]
    [InlineData("Price Restrictions", "The Processor may charge for assistance at its standard rates, which it may change at any time without notice.")]
    [InlineData("Liquidated Damages", "The Client may deduct GBP 250 for each day that a Failure continues.")]
    [InlineData("Price Restrictions", "The Charges are fixed for the Term and shall not be increased for inflation or any other reason.")]
    [InlineData("Unlimited/All-You-Can-Eat-License", "The Licensee may make and sell Licensed Products throughout the Territory without limit as to quantity.")]
    [InlineData("Exclusivity", "The Principal appoints the Agent as its exclusive agent in the Territory, and the Principal shall not itself sell any Products in the Territory.")]
    [InlineData("Revenue/Profit Sharing", "The Agent shall be entitled to commission on orders accepted within twelve months after termination of this Agreement.")]
    [InlineData("Liquidated Damages", "For each missed inspection the Contractor shall pay the Client GBP 1,000 for each day until the inspection is completed.")]
    [InlineData("Anti-Assignment", "The Lessor shall not assign or charge its rights under this Lease without the Lessee's prior written consent.")]
    [InlineData("Non-Compete", "For two years after expiry the Franchisee shall not be engaged or interested in any coffee shop business within five miles of the Premises.")]
    [InlineData("Rofr/Rofo/Rofn", "Before any sale the Franchisee shall offer the business to the Franchisor on the same terms, and the Franchisor may instead buy it at the third-party price less 15 per cent.")]
    [InlineData("Uncapped Liability", "The Company shall be liable for all losses of the University arising from any breach, without limit of amount.")]
    [InlineData("Liquidated Damages", "The Licensee shall pay the Licensor, for each unauthorised disclosure, a sum equal to twice the annual Fees, in addition to any damages.")]
    [InlineData("Post-Termination Services", "On termination the Supplier may require the Distributor to sell to it all stock at 40 per cent of the price paid by the Distributor.")]
    [InlineData("Volume Restriction", "If the Software is accessed by more users than the number of licensed seats, the Licensee shall pay for each extra user at 150 per cent of the list price from the date of installation.")]
    [InlineData("Exclusivity", "The Supplier appoints the Distributor as its exclusive distributor in the Territory, save for the Online Channel, and the Supplier may at any time appoint other distributors for the Online Channel.")]
    [InlineData("Termination for Convenience", "The Consultant may end this Agreement at any time by giving the Company 7 days' written notice. The Company may end it only by giving the Consultant 3 months' written notice.")]
    [InlineData("Exclusivity", "The Buyer shall purchase all its steel requirements only from the Supplier during the Term.")]
    [InlineData("Minimum Commitment", "The Customer shall pay licence fees for not fewer than 50 devices in each month, whether or not those devices are in use.")]
    [InlineData("Revenue/Profit Sharing", "The Licensee shall pay the Licensor 3% of all gross revenues it receives from any product based on the Data.")]
    [InlineData("Termination for Convenience", "The Licensor may withdraw the maintenance services at any time on 60 days' notice, without any refund.")]
    public void Detects_ShippedPlaybook_RecognisesTheClauseByItsWords(string category, string clause) =>
        Assert.True(PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor(category)!.Detects(clause));

    [Theory]
    [InlineData("Most Favored Nation", "Each party shall treat the other's information as confidential.")]
    [InlineData("Covenant Not to Sue", "Customer covenants to pay all undisputed invoices within thirty days.")]
    [InlineData("Irrevocable or Perpetual License", "The confidentiality obligations survive termination for five years.")]
    [InlineData("Source Code Escrow", "Each party shall keep the other's confidential information secret.")]
    [InlineData("Renewal Term", "The Services start on the Commencement Date.")]
    [InlineData("Termination for Convenience", "On expiry or termination of this Agreement for any reason, each party shall return the other's property.")]
    [InlineData("Minimum Commitment", "Customer will be entitled to a credit of 5% of the monthly fees for each full 0.5% shortfall in availability.")]
    [InlineData("Exclusivity", "Customer shall not sell, resell, sublicense or make the Service available to any third party other than its Users.")]
    [InlineData("Non-Compete", "Customer shall not, and shall not permit any third party to: (d) use the Service to build a competing product.")]
    [InlineData("Exclusivity", "The Licensee shall not: (a) sell, sub-license, rent, publish or otherwise make the Licensed Data available to any third party.")]
    [InlineData("Minimum Commitment", "Customer shall pay the Subscription Fees as set out in each Order Form. Except as expressly provided in this Agreement, all Subscription Fees are non-cancellable and non-refundable.")]
    [InlineData("Non-Compete", "The Forwarder shall not disclose the rates it has negotiated with Carriers to any third party.")]
    [InlineData("Exclusivity", "The Company shall not disclose the Evaluation Material to any person other than its Representatives.")]
    [InlineData("Third Party Beneficiary", "The Licensor may enforce its rights in the Licensed Marks against infringers at its own cost.")]
    [InlineData("Non-Compete", "Customer shall not (a) sell, resell, sublicense or make the Service available to any third party other than its Users, (b) reverse engineer or attempt to derive the source code of the Service, except to the extent the law permits despite this restriction, (c) use the Service to build a competing product, or (d) use the Service in breach of law.")]
    [InlineData("Revenue/Profit Sharing", "The Advance shall be recouped only from the Author's royalties and not from any other sum.")]
    [InlineData("Non-Compete", "The Engineer shall not replace any of the Key Personnel without consent, save for a replacement of equal competence.")]
    [InlineData("Non-Compete", "The Customer shall not access the Platform in order to build a competitive product.")]
    [InlineData("Non-Compete", "The Courier shall not use the Recipient Data, or any information about the Retailer's volumes or customers, to market any services to a competitor of the Retailer.")]
    [InlineData("Non-Compete", "The Company shall not provide the Bank's customer data to any third party.")]
    [InlineData("Termination for Convenience", "The Landlord may end this Lease by giving the Tenant one month's notice if the Rent is unpaid for 21 days.")]
    [InlineData("Unlimited/All-You-Can-Eat-License", "The Licensee may make a reasonable number of back-up copies of the Software.")]
    [InlineData("Exclusivity", "The Customer shall not use any subcontractor other than those approved in writing.")]
    public void Detects_ShippedPlaybookOrdinaryClause_NotRecognised(string category, string clause) =>
        Assert.False(PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor(category)!.Detects(clause));

    [Theory]
    [InlineData("Non-Transferable License", "Customer may not assign or transfer the licence granted under this Agreement without Provider's prior written consent.", "customer", Severity.Medium)]
    [InlineData("Non-Transferable License", "Customer may not assign or transfer the licence granted under this Agreement without Provider's prior written consent.", "provider", Severity.Info)]
    [InlineData("Non-Disparagement", "Customer shall not make any statement that disparages Provider or the Service.", "customer", Severity.Medium)]
    [InlineData("Affiliate License-Licensee", "Customer and its Affiliates may use the Service under this licence.", "provider", Severity.Medium)]
    [InlineData("Affiliate License-Licensee", "Customer and its Affiliates may use the Service under this licence.", "customer", Severity.Info)]
    [InlineData("Rofr/Rofo/Rofn", "If the Customer, or any shareholder in the Customer or its holding company, proposes to sell the whole or part of the Customer's business, or shares carrying more than a quarter of its voting rights, it shall first offer the business or shares to the Provider.", "customer", Severity.High)]
    [InlineData("Cap on Liability", "The total liability of the Provider and its licensors, taken together, arising out of this Agreement, whether in contract, tort (including negligence) or otherwise, shall not exceed the fees received in the six (6) months before the claim.", "customer", Severity.Critical)]
    [InlineData("Third Party Beneficiary", "13.3 Third party rights. Each Affiliate of Provider, and each director, officer and employee of Provider and its Affiliates, may enforce clauses 7, 8 and 9 against Customer under the Contracts (Rights of Third Parties) Act 1999 as if it were a party to this Agreement.", "customer", Severity.Medium)]
    [InlineData("Change of Control", "14.3 Provider may also terminate this Agreement with immediate effect by written notice if:\n\n(a) Customer undergoes a change of control; or\n\n(b) Customer becomes insolvent.", "customer", Severity.High)]
    [InlineData("Audit Rights", "7.2 Audits. Provider, its Affiliates and their designees may enter the Facility and audit Customer's books and records at any time, with or without prior notice.", "customer", Severity.High)]
    [InlineData("License Grant", "Provider grants to Customer a perpetual, non-exclusive licence to install and use the Software on the Designated Servers at the Site.", "customer", Severity.Medium)]
    [InlineData("Exclusivity", "Notwithstanding clause 2.1, Provider reserves the right, itself or through its affiliates, to sell the Products in the Territory to the Key Accounts without any commission to Customer.", "customer", Severity.High)]
    [InlineData("IP Ownership Assignment", "All intellectual property rights in all Modifications, including Modifications created by Customer, and in any feedback provided by Customer, shall vest in and belong to Provider absolutely.", "customer", Severity.Critical)]
    [InlineData("Expiration Date", "This Agreement continues in force without limit of time and survives the return of the Confidential Information.", "customer", Severity.Medium)]
    [InlineData("Uncapped Liability", "12.3 The Provider's obligations under clause 11.1 are not subject to any financial limit and extend to indirect and consequential loss, including loss of subscribers and loss of revenue.", "provider", Severity.Critical)]
    [InlineData("Uncapped Liability", "10.3 No limitation in this Agreement shall apply to Customer's obligations under Section 10.1, which shall survive the expiration or termination of this Agreement.", "customer", Severity.Critical)]
    [InlineData("Uncapped Liability", "11.4 The limitations and exclusions in Sections 11.2 and 11.3 apply only to the Provider, and the Customer's liability under Section 10 and otherwise under this Agreement is not limited in amount.", "customer", Severity.Critical)]
    [InlineData("Termination for Convenience", "12.3 A Statement of Work may be terminated before its completion only as follows:\n\n(a) by the Provider, at any time and for any reason, by giving the Customer thirty (30) days' written notice;", "customer", Severity.High)]
    [InlineData("No-Solicit of Customers", "13.2 For twenty-four (24) months after expiry or termination of this Agreement, Customer shall not solicit or accept orders from any End User supplied by Provider.", "customer", Severity.High)]
    [InlineData("Post-Termination Services", "13.1 For five (5) years after expiry or termination of this Agreement, Customer shall continue to provide subscriptions, updates and support for all End Users supplied by Provider.", "customer", Severity.High)]
    [InlineData("Post-Termination Services", "5.1 Customer shall keep complete books and records of all sales and shall retain them for six (6) years after the end of the year to which they relate.", "customer", Severity.Info)]
    [InlineData("Price Restrictions", "5.3 Provider shall not increase the Price List for any Product during the first three (3) years of the Term. After that, Provider may increase the Price List no more than once in any period of twelve (12) months and by no more than two per cent (2%).", "provider", Severity.High)]
    [InlineData("Liquidated Damages", "4.3 If the Provider fails to meet any Service Level, it shall credit to the Customer the service credits set out in the Service Description, which may in aggregate reach fifty per cent (50%) of the monthly Charges.", "provider", Severity.High)]
    [InlineData("Warranty Duration", "8.1 The Provider warrants that the Services will be performed with reasonable skill and care. This warranty applies only to Services for which the Customer notifies the Provider of a failure within 14 days after they were performed, and the Customer's sole remedy is re-performance.", "customer", Severity.High)]
    [InlineData("Cap on Liability", "12.2 Subject to clause 12.1, the Provider's total liability in any Contract Year for all claims arising under or in connection with this Agreement and all Orders, whether in contract, tort (including negligence) or otherwise, shall not exceed ten per cent (10%) of the Price of the batch.", "customer", Severity.Critical)]
    [InlineData("Change of Control", "13.2 The Provider may terminate this Agreement by 30 days' notice if control of the Customer (as defined in section 1124 of the Corporation Tax Act 2010) changes.", "customer", Severity.High)]
    [InlineData("Price Restrictions", "5.2 For each subsequent Contract Year the Provider shall set the Fee by written notice to the Customer, taking into account market conditions.", "customer", Severity.High)]
    [InlineData("Price Restrictions", "4.2 On each anniversary, Provider may adjust the Rent to reflect changes in its costs, as Provider determines.", "customer", Severity.High)]
    [InlineData("Covenant Not to Sue", "6.4 The Customer agrees that it shall not bring any claim, action or proceeding against any Sub-processor in respect of the processing.", "customer", Severity.Critical)]
    [InlineData("Third Party Beneficiary", "13.1 The Provider's affiliates and Sub-processors shall be entitled to enforce Sections 6.4 and 11.1 as if they were parties to this Addendum.", "customer", Severity.Medium)]
    [InlineData("Non-Compete", "4.3 During the Term and for eighteen months after it ends, the Customer shall not sponsor any road running event held within 250 miles of Norfolk.", "customer", Severity.High)]
    [InlineData("Minimum Commitment", "4.2 The Customer shall purchase, each Contract Year, not fewer than 250 packages and shall pay for them whether or not it uses them.", "customer", Severity.High)]
    [InlineData("Exclusivity", "5.1 The Customer shall not: (c) purchase any Components from any person other than the Provider, or manufacture them itself.", "customer", Severity.High)]
    [InlineData("Anti-Assignment", "14.1 Customer may not assign this Agreement without Provider's prior written consent. Provider may assign this Agreement to any Affiliate on notice.", "customer", Severity.Medium)]
    [InlineData("Third Party Beneficiary", "14.5 The Provider's customers and end users are intended third-party beneficiaries of the Customer's warranties and may enforce them directly.", "customer", Severity.High)]
    [InlineData("IP Ownership Assignment", "6.1 All Deliverables are works made for hire for Customer and are the sole property of Customer upon creation.", "provider", Severity.Low)]
    [InlineData("Uncapped Liability", "10.1 Provider shall indemnify Customer against all losses arising out of the Services, whether or not caused or contributed to by the acts or omissions of Customer.", "provider", Severity.Critical)]
    [InlineData("Minimum Commitment", "4.3 In addition to the Rent, Customer shall pay a minimum utilization charge each month equal to the hourly rate multiplied by 160 operating hours, whether or not Customer operates the Equipment for that number of hours.", "customer", Severity.High)]
    [InlineData("Anti-Assignment", "15.1 Customer shall not assign this Agreement without Provider's prior written consent. Provider may assign this Agreement to any member of its group on notice to Customer.", "customer", Severity.Medium)]
    [InlineData("Change of Control", "11.1 Each of the following is an Event of Default: (a) Customer fails to pay any amount when due; (d) any merger or sale of substantially all of Customer's assets occurs without Provider's prior written consent.", "customer", Severity.High)]
    [InlineData("Uncapped Liability", "10.1 Customer shall indemnify Provider against all losses arising out of the Services, whether or not caused by Provider.", "provider", Severity.Info)]
    public void Judge_ShippedPlaybook_SideDecidesSeverity(string category, string clause, string side, Severity expected)
    {
        var finding = JudgeShipped(category, clause, Parties, side);

        Assert.Equal(expected, finding.Severity);
    }

    [Fact]
    public void ProtectionsNotOurs_ConvenienceExitOnlyForTheOtherSide_CountsAsMissing()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Present
            rules:
              - category: Termination for Convenience
                expected: true
                present_when: [us, both, unclear]
            """, "present.yaml");
        var theirs = Finding("c1", "Termination for Convenience", "Provider may terminate at any time.") with { Favours = Favours.Them };
        var mutual = Finding("c2", "Termination for Convenience", "Either party may terminate at any time.") with { Favours = Favours.Both };

        Assert.Equal(["Termination for Convenience"], ContractAnalyzer.ProtectionsNotOurs(playbook, [theirs]));
        Assert.Empty(ContractAnalyzer.ProtectionsNotOurs(playbook, [theirs, mutual]));
    }

    [Fact]
    public void ProtectionsNotOurs_DeviatingExitWindow_CountsAsThereWhenTheRuleSaysSo()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Present
            rules:
              - category: Post-Termination Services
                expected: true
                present_when: [us, both, deviating]
            """, "present.yaml");
        var sellOff = Finding("c1", "Post-Termination Services", "On termination all licences granted to Licensee end.") with { Favours = Favours.Them };
        var shortWindow = Finding("c2", "Post-Termination Services", "For seven days Provider will make Customer Data available for export, after which Provider may delete it.")
            with { Favours = Favours.Them, Deviations = ["Short window to retrieve your data"] };

        Assert.True(playbook.Rules[0].PresentWhenDeviating);
        Assert.Equal(["Post-Termination Services"], ContractAnalyzer.ProtectionsNotOurs(playbook, [sellOff]));
        Assert.Empty(ContractAnalyzer.ProtectionsNotOurs(playbook, [shortWindow]));
    }

    [Fact]
    public void ProtectionsNotOurs_DeviatingClause_CountsWithoutThePresentPatternWords()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Present
            rules:
              - category: Post-Termination Services
                expected: true
                present_when: [us, both, deviating]
                present_pattern: '(?i)\b(export|sell-off)\b'
            """, "present.yaml");
        var stopAtOnce = Finding("c1", "Post-Termination Services", "On termination Distributor shall immediately stop selling the Products.")
            with { Favours = Favours.Them, Deviations = ["You must stop selling at once"] };
        var rightsEnd = Finding("c2", "Post-Termination Services", "On termination all rights granted to Customer cease.") with { Favours = Favours.Both };

        Assert.True(playbook.Rules[0].CountsAsPresent(stopAtOnce));
        Assert.False(playbook.Rules[0].CountsAsPresent(rightsEnd));
        Assert.Equal(["Post-Termination Services"], ContractAnalyzer.ProtectionsNotOurs(playbook, [rightsEnd]));
    }

    [Theory]
    [InlineData("Audit Rights", "8.2 The Supplier shall carry out its own inspection of each batch before despatch and keep records of that inspection for five years.", false)]
    [InlineData("Audit Rights", "2.3 Operator shall unload, count and visually inspect inbound shipments of Goods and report any shortages to Customer.", false)]
    [InlineData("Audit Rights", "7.3 The Distributor shall inspect each shipment within ten business days after arrival and notify the Supplier of any damage.", false)]
    [InlineData("Audit Rights", "2.1 Provider grants Customer a non-exclusive right to access and use the Services.", false)]
    [InlineData("Audit Rights", "14.1 Customer may, on ten days' notice, audit Provider's books, records and systems relating to the Services.", true)]
    [InlineData("Audit Rights", "6.3 The Licensor may have the books and records of the Licensee examined by an independent accountant.", true)]
    [InlineData("Audit Rights", "9.1 Provider shall give Customer each year a SOC 2 Type II report on the hosting environment.", true)]
    [InlineData("Post-Termination Services", "12.5 On termination all rights granted to Customer cease and Customer shall stop using the Services.", false)]
    [InlineData("Post-Termination Services", "3.3 If the Supplier misses a milestone in the Transition Plan it shall provide a remediation plan.", false)]
    [InlineData("Post-Termination Services", "8.2 If the Licensor terminates under clause 7.2 it shall refund the part of the fee paid in advance.", false)]
    [InlineData("Post-Termination Services", "13.5 On termination Provider shall give reasonable assistance for six months to transfer Customer Data to a replacement provider.", true)]
    [InlineData("Post-Termination Services", "13.4 On termination Licensee may sell Licensed Products in its inventory for six months, subject to royalties.", true)]
    [InlineData("Post-Termination Services", "8.5 On expiry the Contractor shall co-operate with any successor contractor for an orderly handover of the Services.", true)]
    [InlineData("Post-Termination Services", "14.4 On expiry the Buyer shall pay for all Products under accepted Orders, which the Supplier shall complete and deliver.", true)]
    public void PresentPattern_ShippedPlaybook_OnlyARealProtectionCounts(string category, string clause, bool counts)
    {
        var rule = PlaybookLoader.Load(PlaybookLoader.DefaultPath()).RuleFor(category)!;

        Assert.Equal(counts, rule.CountsAsPresent(Finding("c1", category, clause) with { Favours = Favours.Us }));
    }

    [Theory]
    [InlineData("9.3 The Contractor shall notify the Customer within two hours of any inspection failure at the Premises and cooperate with any investigation.", false)]
    [InlineData("9.4 The Customer may inspect the Premises and the Contractor's hygiene records at any time.", true)]
    public void PresentPattern_ShippedPlaybook_AnInspectionFailureIsNoAuditRight(string clause, bool counts)
    {
        var rule = PlaybookLoader.Load(PlaybookLoader.DefaultPath()).RuleFor("Audit Rights")!;

        Assert.Equal(counts, rule.CountsAsPresent(Finding("c1", "Audit Rights", clause) with { Favours = Favours.Us }));
    }

    [Theory]
    [InlineData("Warranty Duration", "9.1 The Supplier warrants that the Products shall be free from defects in materials and workmanship.", Severity.Medium, false)]
    [InlineData("Warranty Duration", "9.1 The Supplier warrants that the Products shall be free from defects in materials and workmanship for twelve (12) months from delivery.", Severity.Info, true)]
    [InlineData("Post-Termination Services", "16.4 On termination the Distributor shall immediately cease selling the Products and return all materials.", Severity.Medium, false)]
    public void Absence_ShippedPlaybook_ADeviationThatIsTheProtectionsAbsenceLeavesItMissing(string category, string clause, Severity severity, bool counts)
    {
        ContractParty[] parties = [new("Corrán Glassworks Limited", "Supplier"), new("Tidewater Brewing Company", "Distributor")];
        var side = category == "Warranty Duration" ? "supplier" : "distributor";
        var rule = PlaybookLoader.Load(PlaybookLoader.DefaultPath()).RuleFor(category)!;

        var finding = JudgeShipped(category, clause, parties, side);

        Assert.Equal(severity, finding.Severity);
        Assert.Equal(counts, rule.CountsAsPresent(finding));
    }

    [Theory]
    [InlineData("14.4 The Provider shall not be liable for any loss of profit, loss of sales, loss of data or any indirect or consequential loss.", "customer")]
    [InlineData("12.4 The Provider shall have no liability of any kind for any loss or corruption of Customer Data, however caused.", "provider")]
    public void DataExclusion_ShippedPlaybook_OnlyTheOtherSidesExclusionOfYourDataIsCritical(string clause, string side)
    {
        ContractParty[] parties = [new("Corvane Veterinary Software Limited", "Provider"), new("Thistlebrook Animal Health Group Limited", "Customer")];

        var finding = JudgeShipped("Cap on Liability", clause, parties, side);

        Assert.DoesNotContain("The other side answers for nothing that happens to your data", finding.Deviations);
    }

    [Theory]
    [InlineData("2.3 The Licensee may grant sublicences under the licence in clause 2.1 with the prior written consent of the Licensor, which shall not be unreasonably withheld.", false)]
    [InlineData("2.2 The Licensee may grant sublicences under the licence in Article 2.1 to its Affiliates and to any third party, through multiple tiers, without the consent of the Licensor, and shall not be required to share with the Licensor any payment it receives in consideration of a sublicence other than the royalties due on Net Sales of the sublicensee.", true)]
    public void LicenseGrant_ShippedPlaybook_SublicensingWithYourConsentGrantsNothingOfYours(string clause, bool high)
    {
        ContractParty[] parties = [new("Veridane Biologics AG", "Licensor"), new("Halden Pharma Limited", "Licensee")];

        var finding = JudgeShipped("License Grant", clause, parties, "licensor");

        Assert.Equal(high, finding.Severity >= Severity.High);
    }

    [Theory]
    [InlineData("9.1 This Agreement takes effect on the date stated above and continues for two years, unless terminated earlier by either Party on thirty days' written notice.", true)]
    [InlineData("13.2 The obligations of the Receiving Party under Sections 2, 3 and 4 shall survive the expiration or termination of this Agreement for five (5) years.", true)]
    [InlineData("13.3 Clauses 3 to 7 continue to apply for five years after this agreement ends.", true)]
    [InlineData("8.1 This Agreement and the obligations of the Parties under it shall expire on the second (2nd) anniversary of the Effective Date.", true)]
    [InlineData("9.1 This Agreement continues in perpetuity and the obligations of each party survive without limit of time.", false)]
    [InlineData("7.1 During the term of this Agreement and for three years after it ends, Nevaro shall not supply photonic chips to any competitor of Strathmore.", false)]
    public void EndsAtAStatedTime_ShippedPlaybook_WordsAloneShowTheEndDate(string clause, bool ends)
    {
        ContractParty[] parties = [new("Nevaro Photonics Ltd", "Nevaro"), new("Strathmore Sensing Limited", "Strathmore")];
        var rule = PlaybookLoader.Load(PlaybookLoader.DefaultPath()).RuleFor("Expiration Date")!;

        var finding = JudgeShipped("Expiration Date", clause, parties, "Nevaro");

        Assert.Equal(ends, rule.Detects(clause) && finding.Deviations.Contains("Ends at a stated time") && rule.CountsAsPresent(finding));
    }

    [Theory]
    [InlineData("Pelorus", "Each party may disclose Confidential Information to the other.", true)]
    [InlineData("Pelorus", "This Mutual Confidentiality Agreement is made between ...", true)]
    [InlineData("Pelorus", "The Company will disclose Evaluation Material to Pelorus.", false)]
    [InlineData("Recipient", "The Discloser will disclose Evaluation Material to the Recipient.", true)]
    [InlineData("Discloser", "Each party may disclose Confidential Information to the other.", false)]
    [InlineData("Company", "Each party may disclose Confidential Information to the other.", false)]
    public void ExpirationDate_ShippedPlaybook_ExpectedOfWhoeverReceives(string role, string contract, bool expected)
    {
        var rule = PlaybookLoader.Load(PlaybookLoader.DefaultPath()).RuleFor("Expiration Date")!;

        Assert.Equal(expected, rule.IsExpectedIn("nda", role, contract));
    }

    [Theory]
    [InlineData("saas", "Customer", true)]
    [InlineData("saas", "Provider", false)]
    [InlineData("services", "Client", true)]
    [InlineData("services", "Consultant", false)]
    [InlineData("licence", "Licensee", true)]
    [InlineData("licence", "Licensor", false)]
    [InlineData("patent-licence", "Licensor", false)]
    [InlineData("distribution", "Distributor", true)]
    public void ExpectedExcept_ShippedPlaybook_ExitSupportIsTheServedSidesProtection(string kind, string role, bool expected)
    {
        var rule = PlaybookLoader.Load(PlaybookLoader.DefaultPath()).RuleFor("Post-Termination Services")!;

        Assert.Equal(expected, rule.IsExpectedIn(kind, role));
    }

    [Fact]
    public void ProtectionsNotOurs_PresentPattern_AnExclusionIsNoCap()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Present
            rules:
              - category: Cap on Liability
                expected: true
                present_pattern: '(?i)\b(exceed|limited\s+to)\b'
            """, "present.yaml");
        var exclusion = Finding("c1", "Cap on Liability", "Neither party shall be liable for loss of profits or indirect loss.") with { Favours = Favours.Both };
        var cap = Finding("c2", "Cap on Liability", "Each party's aggregate liability shall not exceed the fees paid in the prior twelve months.") with { Favours = Favours.Both };

        Assert.Equal(["Cap on Liability"], ContractAnalyzer.ProtectionsNotOurs(playbook, [exclusion]));
        Assert.Empty(ContractAnalyzer.ProtectionsNotOurs(playbook, [exclusion, cap]));
        Assert.False(playbook.Rules[0].CountsAsPresent(exclusion));
        Assert.True(playbook.Rules[0].CountsAsPresent(cap));
    }

    [Fact]
    public void PresentPattern_UserPlaybookOverridesAndKeepsIt()
    {
        var dir = Directory.CreateTempSubdirectory("tandem-present-");
        try
        {
            var basePath = Path.Combine(dir.FullName, "base.yaml");
            File.WriteAllText(basePath, "name: Base\nrules:\n  - category: Cap on Liability\n    expected: true\n    present_pattern: '(?i)\\bexceed'\n");
            var overPath = Path.Combine(dir.FullName, "over.yaml");
            File.WriteAllText(overPath, "name: Over\nextends: base.yaml\nrules:\n  - category: Cap on Liability\n    severity: medium\n");
            var over = PlaybookLoader.Load(overPath);

            Assert.NotNull(over.RuleFor("Cap on Liability")!.PresentPattern);
            Assert.Throws<TandemException>(() => PlaybookLoader.Parse("name: x\nrules:\n  - category: Cap on Liability\n    present_pattern: '(unclosed'\n", "bad.yaml"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("The Licensor shall not be liable to the Licensee for any loss of profit or any indirect or consequential loss.", false)]
    [InlineData("Nothing in this Agreement limits or excludes Provider's liability for any loss.", false)]
    [InlineData("Each party's total liability under this Agreement shall not exceed the Fees paid in the twelve months before the claim.", true)]
    [InlineData("The Supplier's liability is limited to the price of the Products concerned.", true)]
    [InlineData("Provider's maximum liability is USD 500,000 in the aggregate.", true)]
    [InlineData("Licensee's liability shall be limited to the greater of £100,000 and the royalties paid.", true)]
    public void PresentPattern_ShippedCap_CountsOnlyAStatedLimit(string clause, bool counts)
    {
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Cap on Liability")!;

        Assert.Equal(counts, rule.CountsAsPresent(Finding("c1", "Cap on Liability", clause) with { Favours = Favours.Both }));
    }

    [Theory]
    [InlineData("Liquidated Damages", "12.2 The Lessor shall not be liable to the Lessee for any loss of profit, delay to a project, liquidated damages payable by the Lessee to its employer, or any indirect or consequential loss.", Severity.Low)]
    [InlineData("Liquidated Damages", "12.2 If delivery is late the Lessee shall pay the Lessor GBP 500 for each day of delay as liquidated damages.", Severity.High)]
    [InlineData("Liquidated Damages", "6.4 Service credits are payable as liquidated damages up to 10% of the monthly Fees. The payment of service credits does not limit the Lessor's right to recover its actual damages.", Severity.High)]
    public void Judge_ShippedPlaybookLease_LiquidatedDamagesOnlyWhenSomeoneOwesThem(string category, string clause, Severity expected)
    {
        ContractParty[] parties = [new("Ironvale Plant Hire Limited", "Lessor"), new("Caldermoor Civil Engineering Ltd", "Lessee")];

        Assert.Equal(expected, JudgeShipped(category, clause, parties, "lessee").Severity);
    }

    [Theory]
    [InlineData("License Grant", "15.4 The Lessor may enter the Site at any reasonable time to recover the Equipment, and the Lessee grants the Lessor and its agents an irrevocable licence to do so.", false)]
    [InlineData("Irrevocable or Perpetual License", "15.4 The Lessor may enter the Site at any reasonable time to recover the Equipment, and the Lessee grants the Lessor an irrevocable licence to enter the Site.", false)]
    [InlineData("License Grant", "2.1 The Licensor grants the Licensee a non-exclusive licence to use the Software.", true)]
    [InlineData("Irrevocable or Perpetual License", "9.1 The Customer grants the Provider a perpetual, irrevocable licence to use the Feedback.", true)]
    [InlineData("No-Solicit of Employees", "11.1 The Service Provider shall indemnify the Hospital, its directors, officers, employees, medical staff and volunteers against all claims arising from its negligence.", false)]
    [InlineData("No-Solicit of Employees", "16.1 The Provider shall not employ or solicit any member of the Customer's staff during the Term.", true)]
    [InlineData("Cap on Liability", "12.4 The Provider shall have no liability of any kind for any loss, destruction, alteration, corruption or unauthorised disclosure of Customer Data, however caused.", true)]
    [InlineData("Cap on Liability", "11.2 The Recipient shall not be liable for any loss or corruption of data, any fine or penalty imposed by a supervisory authority, or any indirect or consequential loss.", true)]
    [InlineData("Irrevocable or Perpetual License", "2.2 The licence granted in clause 2.1 is irrevocable and perpetual. It shall continue notwithstanding any expiry or termination of this Agreement for any reason, including termination for the Licensee's breach, and on expiry of the Royalty Period in a country it shall become fully paid-up in that country.", true)]
    [InlineData("Most Favored Nation", "7.5 Should the Licensor at any time grant a licence under the Licensed Patents to a third party on financial terms more favourable to that licensee than those set out in this clause 7, the more favourable terms shall apply to this Agreement with retroactive effect.", true)]
    [InlineData("Non-Compete", "9.1 During this Agreement and for 24 months after the completion of the Services, the Consultant shall not, without the Client's prior written consent, provide marine survey services to any other developer in respect of any offshore wind project in the Celtic Sea.", true)]
    [InlineData("Non-Compete", "8.1 Until 36 months after the award of the Tender, the Contractor shall not, whether alone or with any person other than the Client, prepare, submit or participate in any bid, tender or proposal for the Tender.", true)]
    [InlineData("Liquidated Damages", "10.2 For each breach by the Recipient of clause 2, the Recipient shall pay the Discloser a contractual penalty of EUR 250,000. The contractual penalty shall not be credited against any damages, and the Discloser's right to claim damages in addition is expressly reserved.", true)]
    [InlineData("Minimum Commitment", "7.2 In each contract year the Customer shall pay Fees of not less than one hundred and eighty thousand pounds (£180,000), irrespective of the number of Data Rooms opened. Any shortfall between the Fees invoiced during a contract year and that amount shall be invoiced at the end of that contract year.", true)]
    [InlineData("Minimum Commitment", "3.1 The Hirer shall pay Hire Rate charges for not less than the Minimum Hire Period, whether or not the Crane is used, and even if this Agreement ends before the Minimum Hire Period expires.", true)]
    [InlineData("Third Party Beneficiary", "12.1 The Employer, and any funder of the Employer notified to the Subcontractor, may enforce any term of this Subcontract which confers a benefit on it, under the Contracts (Rights of Third Parties) Act 1999, as if it were a party to this Subcontract.", true)]
    [InlineData("No-Solicit of Customers", "14.1 For twenty-four (24) months after completion, the Subcontractor shall not, without the Contractor's prior written consent, tender for or accept any drilling work directly from the Employer or from any other client of the Contractor whom the Subcontractor met through this Subcontract.", true)]
    [InlineData("Uncapped Liability", "10.3 The Recipient shall indemnify the Discloser in full against all losses, damages, costs and expenses, including loss of profits and loss of market share, arising from any breach of this Agreement by the Recipient.", true)]
    [InlineData("Rofr/Rofo/Rofn", "7.2 If, within three (3) years after the end of the Evaluation Period, the Recipient proposes to procure any radiology software, it shall first notify the Discloser in writing of the proposed terms. The Discloser may, within thirty (30) days, elect to supply its own product on those terms.", true)]
    [InlineData("Covenant Not to Sue", "7.4 The Licensee shall not, and shall ensure that its group companies do not, bring or threaten any claim or proceedings against the Licensor alleging that the Font Software infringes any right held by the Licensee.", true)]
    [InlineData("Non-Compete", "14.1 During the term and for eighteen months afterwards, the Provider shall not supply e-discovery services to any of the law firms listed in Schedule 4.", true)]
    [InlineData("Revenue/Profit Sharing", "6.3 The Licensee shall pay the University forty-five per cent (45%) of all Sublicence Income received by the Licensee or its Affiliates.", true)]
    [InlineData("Price Restrictions", "8.4 The Operator shall determine the amount of these System Charges and the basis of their allocation to the Hotel, and may introduce new System Charges or change existing ones at any time, effective on notice to the Owner.", true)]
    [InlineData("IP Ownership Assignment", "8.2 All goodwill generated by the sale of the Products in the Territory, all customer lists and all sales and market data relating to the Territory belong to the Distributor, and the Supplier assigns to the Distributor all of its rights in them.", true)]
    [InlineData("Liquidated Damages", "9.2 If the Company terminates discussions for any reason other than the Investor's breach, the Company shall within fourteen days pay the Investor a fixed sum of three hundred and fifty thousand pounds (£350,000) as agreed compensation for its costs, without any need for the Investor to prove its loss.", true)]
    [InlineData("Competitive Restriction Exception", "8.3 The restrictions in clause 8.1 shall cease to apply immediately if any third party announces a firm or possible offer for the Company, or acquires an interest in 10% or more of the Shares.", true)]
    [InlineData("Most Favored Nation", "10.3 If the Company enters into any confidentiality or standstill agreement with any other potential investor on terms more favourable to that investor than those of this Agreement, the Company shall promptly notify the Investor and this Agreement shall be deemed amended to give the Investor the benefit of those terms.", true)]
    [InlineData("Non-Transferable License", "2.3 The licence is personal to the Licensee as a single legal entity. It may not be sublicensed or shared, and it does not extend to any subsidiary or other member of the Licensee's group.", true)]
    [InlineData("Non-Transferable License", "9.3 The licence in clause 9.2 is personal to the Buyer. It may not be transferred or sublicensed.", true)]
    [InlineData("Rofr/Rofo/Rofn", "7.1 Before selling any Contract Grain held in the Store to a third party, the Customer shall notify the Operator in writing of the price offered by that third party.", true)]
    [InlineData("Rofr/Rofo/Rofn", "6.3 The Site shall retain the Study records for twenty-five years and shall not destroy them without first offering them to the Sponsor.", false)]
    [InlineData("Minimum Commitment", "3.2 The Customer shall pay the Storage Charge on the whole of the Contracted Capacity, whether or not it delivers that quantity of grain to the Store.", true)]
    [InlineData("Exclusivity", "3.3 All grain marketed by the Customer shall be delivered to the Store, and the Customer shall not place any such grain in any other commercial store.", true)]
    [InlineData("Liquidated Damages", "6.3 Service credits do not constitute the Customer's sole or exclusive remedy, and their payment is without prejudice to the Customer's right to recover damages.", true)]
    [InlineData("No-Solicit of Employees", "14.1 If the Client employs or engages the Individual within twelve months, the Client shall pay the Consultancy an introduction fee equal to 30% of first-year remuneration.", true)]
    [InlineData("IP Ownership Assignment", "10.1 The Consultancy and its licensors retain all intellectual property rights in the Deliverables, whether created before or during the Engagement.", true)]
    [InlineData("Minimum Commitment", "3.1 In each Contract Year, the Distributor shall purchase from the Manufacturer Products with an aggregate net invoice value of not less than the Annual Purchase Target for that year.", true)]
    [InlineData("Third Party Beneficiary", "15.2 Each Writer may enforce those clauses directly against the Sub-Publisher as if the Writer were a party to this Agreement.", true)]
    public void Detect_ShippedPlaybook_WhatTheCategoryIsAbout(string category, string clause, bool detected)
    {
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor(category)!;

        Assert.Equal(detected, rule.Detects(clause));
    }

    [Theory]
    [InlineData("Rofr/Rofo/Rofn", "Licensor", "Licensee", "licensee", "17.1 If the Licensee wishes to sell its eyewear business to a third party, it shall first offer it to the Licensor on the same terms.", Severity.High)]
    [InlineData("License Grant", "Licensor", "Licensee", "licensee", "2.2 Licensee shall not grant sublicenses under the license granted in Section 2.1 and shall not make Licensed Products outside the Field.", Severity.Low)]
    [InlineData("License Grant", "Licensor", "Licensee", "licensee", "8.1 Licensee grants Licensor a perpetual, irrevocable licence to use the Licensee Data for any purpose.", Severity.Critical)]
    [InlineData("IP Ownership Assignment", "Provider", "Client", "provider", "12.1 The Client shall own all intellectual property rights in the Client Data and in the Client's trade marks and materials supplied to the Provider.", Severity.Info)]
    [InlineData("IP Ownership Assignment", "Provider", "Client", "provider", "12.1 The Client shall own all intellectual property rights in the Client Data and in all improvements to the Provider's platform.", Severity.Critical)]
    [InlineData("License Grant", "Licensor", "Licensee", "licensee", "2.3 Reserved Rights. Licensor retains the right to practice the Licensed Patents for its own non-commercial research purposes, and to grant licenses outside the Field.", Severity.Low)]
    [InlineData("Irrevocable or Perpetual License", "Licensor", "Licensee", "licensor", "5.6 On expiry of the royalty term in a country, the license in Section 2.1 shall become fully paid-up and perpetual in that country.", Severity.Low)]
    [InlineData("Irrevocable or Perpetual License", "Licensor", "Licensee", "licensor", "5.6 On payment of the first instalment, the license in Section 2.1 shall become fully paid-up and perpetual.", Severity.Critical)]
    [InlineData("Liquidated Damages", "Provider", "Client", "provider", "6.2 The Client may deduct liquidated damages from any sum due to the Provider or recover them as a debt.", Severity.Low)]
    [InlineData("IP Ownership Assignment", "Provider", "Client", "provider", "9.1 All intellectual property rights in documents, data and materials provided by the Client to the Provider remain vested in the Client.", Severity.Info)]
    [InlineData("IP Ownership Assignment", "Client", "Consultant", "client", "6.1 All Intellectual Property Rights in the Deliverables and the Consultant Materials shall belong to and remain vested in the Consultant.", Severity.High)]
    [InlineData("IP Ownership Assignment", "Licensor", "Licensee", "licensor", "7.2 All rights in any Derivative Mark shall be owned by the Licensor and the Licensee jointly in equal undivided shares.", Severity.High)]
    [InlineData("Cap on Liability", "Provider", "Customer", "customer", "12.4 The Provider shall have no liability of any kind for any loss, destruction, alteration, corruption or unauthorised disclosure of Customer Data, however caused.", Severity.Critical)]
    [InlineData("Cap on Liability", "Recipient", "Discloser", "discloser", "11.2 The Recipient shall not be liable for any loss or corruption of data, any fine or penalty imposed by a supervisory authority, or any indirect or consequential loss.", Severity.Critical)]
    [InlineData("Irrevocable or Perpetual License", "Licensor", "Licensee", "licensor", "2.2 The licence granted in clause 2.1 is irrevocable and perpetual. It shall continue notwithstanding any expiry or termination of this Agreement for any reason, including termination for the Licensee's breach, and on expiry of the Royalty Period in a country it shall become fully paid-up in that country.", Severity.Critical)]
    [InlineData("Most Favored Nation", "Licensor", "Licensee", "licensor", "7.5 Should the Licensor at any time grant a licence under the Licensed Patents to a third party on financial terms more favourable to that licensee than those set out in this clause 7, the more favourable terms shall apply to this Agreement with retroactive effect.", Severity.High)]
    [InlineData("Non-Compete", "Consultant", "Client", "consultant", "9.1 During this Agreement and for 24 months after the completion of the Services, the Consultant shall not, without the Client's prior written consent, provide marine survey services to any other developer in respect of any offshore wind project in the Celtic Sea.", Severity.High)]
    [InlineData("Non-Compete", "Contractor", "Client", "contractor", "8.1 Until 36 months after the award of the Tender, the Contractor shall not, whether alone or with any person other than the Client, prepare, submit or participate in any bid, tender or proposal for the Tender.", Severity.High)]
    [InlineData("Exclusivity", "Distributor", "Supplier", "distributor", "2.4 The Distributor shall not actively seek customers for the Products, or establish a branch or maintain a distribution depot for them, outside the Territory. Nothing in this Agreement restricts the Distributor from responding to unsolicited orders.", Severity.Low)]
    [InlineData("Liquidated Damages", "Recipient", "Discloser", "recipient", "10.2 For each breach by the Recipient of clause 2, the Recipient shall pay the Discloser a contractual penalty of EUR 250,000. The contractual penalty shall not be credited against any damages, and the Discloser's right to claim damages in addition is expressly reserved.", Severity.High)]
    [InlineData("Minimum Commitment", "Customer", "Provider", "customer", "7.2 In each contract year the Customer shall pay Fees of not less than one hundred and eighty thousand pounds (£180,000), irrespective of the number of Data Rooms opened. Any shortfall between the Fees invoiced during a contract year and that amount shall be invoiced at the end of that contract year.", Severity.High)]
    [InlineData("Minimum Commitment", "Hirer", "Owner", "hirer", "3.1 The Hirer shall pay Hire Rate charges for not less than the Minimum Hire Period, whether or not the Crane is used, and even if this Agreement ends before the Minimum Hire Period expires.", Severity.High)]
    [InlineData("IP Ownership Assignment", "Subcontractor", "Contractor", "subcontractor", "9.2 All Deliverables and all intellectual property rights in the Methods shall on creation (or, for Methods existing at the date of this Subcontract, on the date of this Subcontract) vest in and belong to the Contractor, and the Subcontractor hereby assigns all such rights to the Contractor.", Severity.Critical)]
    [InlineData("Third Party Beneficiary", "Subcontractor", "Contractor", "subcontractor", "12.1 The Employer, and any funder of the Employer notified to the Subcontractor, may enforce any term of this Subcontract which confers a benefit on it, under the Contracts (Rights of Third Parties) Act 1999, as if it were a party to this Subcontract.", Severity.Medium)]
    [InlineData("No-Solicit of Customers", "Subcontractor", "Contractor", "subcontractor", "14.1 For twenty-four (24) months after completion, the Subcontractor shall not, without the Contractor's prior written consent, tender for or accept any drilling work directly from the Employer or from any other client of the Contractor whom the Subcontractor met through this Subcontract.", Severity.High)]
    [InlineData("Uncapped Liability", "Recipient", "Discloser", "recipient", "10.3 The Recipient shall indemnify the Discloser in full against all losses, damages, costs and expenses, including loss of profits and loss of market share, arising from any breach of this Agreement by the Recipient.", Severity.High)]
    [InlineData("Rofr/Rofo/Rofn", "Recipient", "Discloser", "recipient", "7.2 If, within three (3) years after the end of the Evaluation Period, the Recipient proposes to procure any radiology software, it shall first notify the Discloser in writing of the proposed terms. The Discloser may, within thirty (30) days, elect to supply its own product on those terms.", Severity.High)]
    [InlineData("Covenant Not to Sue", "Licensee", "Licensor", "licensee", "7.4 The Licensee shall not, and shall ensure that its group companies do not, bring or threaten any claim or proceedings against the Licensor alleging that the Font Software infringes any right held by the Licensee.", Severity.Critical)]
    [InlineData("Covenant Not to Sue", "Breeder", "Developer", "breeder", "8.1 The Breeder undertakes that it shall not at any time, during or after the term of this Agreement, assert or enforce any patent that it owns against the Developer or its licensees.", Severity.Critical)]
    [InlineData("Non-Compete", "Provider", "Customer", "provider", "14.1 During the term and for eighteen months afterwards, the Provider shall not supply e-discovery services to any of the law firms listed in Schedule 4.", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "Licensee", "University", "licensee", "6.3 The Licensee shall pay the University forty-five per cent (45%) of all Sublicence Income received by the Licensee or its Affiliates.", Severity.Medium)]
    [InlineData("Price Restrictions", "Owner", "Operator", "owner", "8.4 The Operator shall determine the amount of these System Charges and the basis of their allocation to the Hotel, and may introduce new System Charges or change existing ones at any time, effective on notice to the Owner.", Severity.High)]
    [InlineData("IP Ownership Assignment", "Supplier", "Distributor", "supplier", "8.2 All goodwill generated by the sale of the Products in the Territory, all customer lists and all sales and market data relating to the Territory belong to the Distributor, and the Supplier assigns to the Distributor all of its rights in them.", Severity.Critical)]
    [InlineData("Liquidated Damages", "Company", "Investor", "company", "9.2 If the Company terminates discussions for any reason other than the Investor's breach, the Company shall within fourteen days pay the Investor a fixed sum of three hundred and fifty thousand pounds (£350,000) as agreed compensation for its costs, without any need for the Investor to prove its loss.", Severity.High)]
    [InlineData("Competitive Restriction Exception", "Company", "Investor", "company", "8.3 The restrictions in clause 8.1 shall cease to apply immediately if any third party announces a firm or possible offer for the Company, or acquires an interest in 10% or more of the Shares.", Severity.Medium)]
    [InlineData("Most Favored Nation", "Company", "Investor", "company", "10.3 If the Company enters into any confidentiality or standstill agreement with any other potential investor on terms more favourable to that investor than those of this Agreement, the Company shall promptly notify the Investor and this Agreement shall be deemed amended to give the Investor the benefit of those terms.", Severity.High)]
    [InlineData("Non-Transferable License", "Licensee", "Licensor", "licensee", "2.3 The licence is personal to the Licensee as a single legal entity. It may not be sublicensed or shared, and it does not extend to any subsidiary or other member of the Licensee's group.", Severity.Medium)]
    [InlineData("Exclusivity", "Partner", "Bank", "partner", "4.2 Nothing in this Agreement restricts the Bank from offering the Bank Products or any other product through any other channel or in partnership with any other person.", Severity.Low)]
    [InlineData("Covenant Not to Sue", "Licensor", "Licensee", "licensor", "5.5 The Licensor covenants, for itself and on behalf of the Composer, that neither of them will commence or support any action against the Licensee alleging that any music used by it infringes any copyright owned by the Licensor or the Composer.", Severity.Critical)]
    [InlineData("Rofr/Rofo/Rofn", "Licensor", "Licensee", "licensor", "9.2 If the Negotiation Period ends without definitive agreements, the Licensor shall not, for a further two (2) years, grant to any third party any licence in CVN-204 without first offering those rights to the Licensee in writing on the same terms. The Licensee shall have sixty (60) days to accept that offer.", Severity.High)]
    [InlineData("Expiration Date", "Licensor", "Licensee", "licensor", "11.2 All obligations of the Parties under clauses 2 to 5 shall cease on expiry or termination of this Agreement, irrespective of when the Confidential Information was disclosed.", Severity.Medium)]
    [InlineData("Expiration Date", "Licensor", "Licensee", "licensor", "4.3 The obligations of the Licensee under clause 2 in respect of any item of Confidential Information shall cease twelve months after the date on which that item was disclosed.", Severity.High)]
    [InlineData("Non-Compete", "Licensor", "Licensee", "licensee", "9.1 For eighteen months from the date of this Agreement, the Licensee shall not, and shall procure that no fund managed by it shall, acquire, invest in, lend to or provide advisory services to any business that manufactures or sells marine coatings in the United Kingdom.", Severity.High)]
    [InlineData("Liquidated Damages", "Licensor", "Licensee", "licensee", "13.2 For each breach of clause 2, 8 or 9, the Licensee shall pay to the Licensor, within seven days after written demand, the sum of £500,000, in addition to any damages recoverable by the Licensor.", Severity.High)]
    [InlineData("Minimum Commitment", "Licensor", "Licensee", "licensee", "6.3 Whatever the level of Net Sales, the royalties payable for each year shall be no less than £40,000. The Licensee shall pay any difference between the royalties paid for a year and that amount within 30 days after the end of that year.", Severity.High)]
    [InlineData("Minimum Commitment", "Licensor", "Licensee", "licensee", "5.2 The Service Fee payable for any month shall never be less than £2,750, whatever the Gross Revenue of the Business for that month, and the Licensee shall pay the difference.", Severity.High)]
    [InlineData("Exclusivity", "Licensor", "Licensee", "licensee", "6.3 For the duration of the Term the Licensee shall source from the Licensor, and from no other person, every industrial robot that it requires for any of its sites.", Severity.High)]
    [InlineData("License Grant", "Licensor", "Licensee", "licensor", "2.3 Sublicenses. Licensee may grant sublicenses under the license in Section 2.1 to its Affiliates and to Third Parties, provided that each sublicense is in writing and consistent with this Agreement.", Severity.Medium)]
    [InlineData("Irrevocable or Perpetual License", "Licensor", "Licensee", "licensor", "2.2 Nature of License. The license granted in Section 2.1 is perpetual and irrevocable and shall survive any expiration or termination of this Agreement for any reason, including termination by Licensor under Section 12.3. Licensor's sole remedy for any breach by Licensee shall be an action for damages.", Severity.Critical)]
    [InlineData("Liquidated Damages", "Buyer", "Seller", "buyer", "7.1 The Buyer may cancel an accepted Order, in whole or in part, only by written notice to the Seller. On any such cancellation the Buyer shall pay the Seller a cancellation charge equal to thirty per cent (30%) of the Contract Price of the cancelled Goods.", Severity.High)]
    [InlineData("Liquidated Damages", "Lessee", "Lessor", "lessee", "14.4 The sums payable under clause 14.3 are payable in addition to, and without prejudice to, the Lessor's right to recover damages for any other loss it suffers as a result of the Lessee's default, and the Lessor shall not be obliged to give credit for any proceeds of sale or re-letting of the Equipment.", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "Licensee", "Licensor", "licensee", "7.3 The Licensor may, on each anniversary of the Commencement Date, revise any of the percentages in clause 7.1 by written notice given at least 30 days before that anniversary.", Severity.High)]
    [InlineData("Covenant Not to Sue", "Licensee", "Licensor", "licensee", "11.1 In consideration of the Licensor's disclosures, the Licensee shall not commence or maintain, and shall cause its Affiliates not to commence or maintain, any claim, suit or proceeding alleging that any product of the Licensor infringes any patent owned or controlled by the Licensee.", Severity.Critical)]
    [InlineData("License Grant", "Licensee", "Licensor", "licensee", "2.2 The Licensee shall not, and shall not permit any third party to: (a) distribute the SDK on a standalone basis; (b) cache, scrape or store map data beyond the periods permitted in the Documentation.", Severity.Low)]
    public void Judge_ShippedPlaybook_WhoseRightTheWordsMake(string category, string ourRole, string theirRole, string side, string clause, Severity expected)
    {
        ContractParty[] parties = [new("Maison Verlaine SAS", ourRole == "Licensor" ? ourRole : theirRole), new("Corvid Eyewear Limited", ourRole == "Licensor" ? theirRole : ourRole)];

        Assert.Equal(expected, JudgeShipped(category, clause, parties, side).Severity);
    }

    [Fact]
    public void Resolve_ASecondClauseOnTheSameDefinedBase_FollowsTheFirst()
    {
        const string Deviation = "The share you pay is on a base its definition widens";
        var royalty = Finding("c1", "Revenue/Profit Sharing", "6.2 The Franchisee shall pay a royalty of 8% of Gross Sales.") with { Start = 100, Deviations = [Deviation], Definitions = [GrossSales] };
        var levy = Finding("c2", "Revenue/Profit Sharing", "6.4 The Franchisee shall pay a Marketing Levy of 3% of Gross Sales.") with { Start = 300, Deviations = [Deviation], Definitions = [GrossSales] };
        var ownWords = levy with { ClauseId = "c3", Start = 500, Definitions = [] };
        var otherDeviation = levy with { ClauseId = "c4", Start = 700, Deviations = ["Royalty owed by you on a gross or widened base"] };
        var otherDefinition = levy with { ClauseId = "c5", Start = 900, Definitions = [GrossSales with { Term = "Net Sales", ClausePath = "1.9" }] };
        var secondDeviation = levy with { ClauseId = "c6", Start = 1100, Deviations = ["Royalty owed by you on a gross or widened base", Deviation] };

        var kept = FindingConsistency.Resolve([levy, royalty, ownWords, otherDeviation, otherDefinition, secondDeviation]).Kept;

        Assert.Equal(Severity.High, kept.Single(f => f.ClauseId == "c1").Severity);
        Assert.Equal(Severity.Medium, kept.Single(f => f.ClauseId == "c2").Severity);
        Assert.Equal(Severity.High, kept.Single(f => f.ClauseId == "c3").Severity);
        Assert.Equal(Severity.High, kept.Single(f => f.ClauseId == "c4").Severity);
        Assert.Equal(Severity.High, kept.Single(f => f.ClauseId == "c5").Severity);
        Assert.Equal(Severity.Medium, kept.Single(f => f.ClauseId == "c6").Severity);
        Assert.Equal(Severity.High, FindingConsistency.Resolve([levy]).Kept.Single().Severity);
    }

    private static readonly DefinedTerm GrossSales = new("Gross Sales", "1.6", 40, 95, "\"Gross Sales\" means all sums received, including VAT.");

    [Fact]
    public void Resolve_ClauseThatOnlyRefersToTheMinimum_FollowsTheClauseThatSetsIt()
    {
        var sets = Finding("c1", "Minimum Commitment", "4.3 Licensee shall pay a minimum annual royalty of US$1,000,000 whether or not it makes any sales.") with { Confidence = 0.99 };
        var refers = Finding("c2", "Minimum Commitment", "4.4 Any shortfall against the minimum annual royalty shall be paid within 45 days after the end of the year.") with { Confidence = 0.07 };

        Assert.Equal([Severity.High, Severity.Medium], FindingConsistency.Resolve([sets, refers]).Kept.Select(f => f.Severity));
        Assert.Equal([Severity.High], FindingConsistency.Resolve([refers]).Kept.Select(f => f.Severity));
    }

    [Theory]
    [InlineData("Service Provider", true)]
    [InlineData("Equipment Supplier", true)]
    [InlineData("Provider", true)]
    [InlineData("Customer", false)]
    [InlineData("Service Recipient", false)]
    public void AppliesTo_QualifiedRole_PlaysTheRoleItNames(string role, bool applies)
    {
        var signal = new DeviationSignal("Your prices are frozen", null, null, Severity.High, null) { Roles = ["Supplier", "Provider"] };

        Assert.Equal(applies, signal.AppliesTo(role));
    }

    [Fact]
    public void Resolve_IndemnityUncappedByOmission_FollowsAGeneralStatementButNotOneThatNamesIt()
    {
        var indemnity = Finding("c1", "Uncapped Liability", "11.1 The Service Provider shall indemnify the Hospital against all claims arising from its negligence.")
            with { ClausePath = "11.1", Severity = Severity.High, ReadWithWholeContract = true, Favours = Favours.Them };
        var general = Finding("c2", "Uncapped Liability", "12.2 The liability of the Service Provider under this Agreement shall not be limited in amount.")
            with { ClausePath = "12.2", Severity = Severity.Critical, Favours = Favours.Them };
        var naming = general with { Quote = "12.4 The Service Provider's liability under this Agreement, including under clause 11, is not limited in amount." };

        Assert.Equal(Severity.Medium, FindingConsistency.Resolve([indemnity, general]).Kept[0].Severity);
        Assert.Equal(Severity.High, FindingConsistency.Resolve([indemnity, naming]).Kept[0].Severity);
        Assert.Equal(Severity.High, FindingConsistency.Resolve([indemnity]).Kept[0].Severity);
    }

    [Fact]
    public void Resolve_TerminationForCauseLabelledConvenience_Dropped()
    {
        var forCause = Finding("c1", "Termination for Convenience", "Either Party may terminate this Agreement on notice if the other Party materially breaches it.");
        var convenience = Finding("c2", "Termination for Convenience", "Either Party may terminate this Agreement at any time on thirty days' notice.");

        var (kept, _) = FindingConsistency.Resolve([forCause, convenience]);

        Assert.Equal([convenience], kept);
    }

    private static Finding Judge(string category, string clause, string side)
    {
        var document = Piece(clause);
        return ContractAnalyzer.Judge(Playbook.RuleFor(category)!, [document], 0.9f, clause, new ReviewLens(ReviewSide.Resolve(Parties, side)));
    }

    /// <summary>The clause judged by the shipped playbook's rule for the category, for <paramref name="side"/> among <paramref name="parties"/>.</summary>
    private static Finding JudgeShipped(string category, string clause, IReadOnlyList<ContractParty> parties, string side) =>
        ContractAnalyzer.Judge(PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor(category)!, [Piece(clause)], 0.9f, clause,
            new ReviewLens(ReviewSide.Resolve(parties, side)));

    private static Finding Finding(string clauseId, string category, string quote) =>
        new(category, Severity.High, clauseId, "1", null, quote, 0, quote.Length, 1, null, [], 0.9);

    /// <summary>A clause as one stored piece at the start of its text.</summary>
    private static Tandem.Store.StoredClause Piece(string clause) =>
        new Tandem.Store.StoredClause("cl_1", new Tandem.Documents.Clause(0, "1", null, Tandem.Documents.ClauseKind.Section, 0, clause.Length, clause));
}
