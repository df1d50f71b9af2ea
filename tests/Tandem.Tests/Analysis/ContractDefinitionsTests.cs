using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

public sealed class ContractDefinitionsTests
{
    private static readonly ContractParty[] Parties = [new("Harrow Analytics Ltd", "Consultant"), new("Beldane Foods plc", "Client")];

    private static readonly List<StoredClause> Contract = StoredClauses.Of(
        ("1.1", "1.1 In this Agreement:"),
        ("1.1(a)", "(a) \"Client\" means Beldane Foods plc."),
        ("1.1(b)", "(b) \"Work Product\" means all deliverables, reports and materials produced under this Agreement, including:"),
        ("1.1(b)(i)", "(i) any Background IP of the Consultant incorporated in them; and"),
        ("1.1(b)(ii)", "(ii) all know-how and methods of the Consultant, whenever created."),
        ("1.1(c)", "(c) **\"Liability Cap\"** means GBP 250,000."),
        ("1.1(d)", "(d) \"Gross Margin\" or \"GM\" means revenue less cost of sales."),
        ("9.1", "9.1 All Work Product shall vest in the Client on creation."),
        ("12.1", "12.1 Each party's total liability shall not exceed the Liability Cap."),
        ("12.2", "12.2 Nothing in this Agreement limits liability for fraud."));

    [Fact]
    public void Of_ReadsQuotedDefinitionsWithTheirListItems_NotThePartiesOwn()
    {
        var definitions = ContractDefinitions.Of(Contract, Parties.SelectMany(p => new[] { p.Role, p.Name }));

        Assert.Equal(["Work Product", "Liability Cap", "Gross Margin"], definitions.Terms);
        var workProduct = Assert.Single(definitions.UsedBy("9.1 All Work Product shall vest in the Client on creation."));
        Assert.Contains("Background IP of the Consultant", workProduct, StringComparison.Ordinal);
        Assert.Contains("know-how and methods", workProduct, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ADefinitionThatIsAParagraph_ReadsTheItemsNumberedFromItsClause_UpToTheNextParagraph()
    {
        var definitions = ContractDefinitions.Of(StoredClauses.Of(
            ("1.1", "1.1 In this Agreement:"),
            ("1.1 ¶15", "\"Termination Event\" means any of the following:"),
            ("1.1(a)", "(a) the Licensee commits a material breach; or"),
            ("1.1(b)", "(b) any person acquires Control of the Licensee."),
            ("1.1 ¶16", "\"Territory\" means the United Kingdom.")));

        var read = Assert.Single(definitions.UsedBy("11.2 The Licensor may terminate on the occurrence of a Termination Event."));
        Assert.Contains("acquires Control of the Licensee", read, StringComparison.Ordinal);
        Assert.DoesNotContain("United Kingdom", read, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ADefinitionCutIntoPieces_ReadsTheWholeOfIt()
    {
        var definitions = ContractDefinitions.Of(StoredClauses.Of(
            ("1.8", "1.8 \"Net Receipts\" means all revenue received by the Licensee, after deduction of:"),
            ("1.8#2", "(a) a distribution fee of forty per cent (40%) of such revenue;"),
            ("1.9", "1.9 \"Territory\" means the United Kingdom.")));

        var netReceipts = Assert.Single(definitions.UsedBy("6.1 The Licensee shall pay a royalty of 12% of Net Receipts."));
        Assert.Contains("distribution fee of forty per cent", netReceipts, StringComparison.Ordinal);
        Assert.DoesNotContain("United Kingdom", netReceipts, StringComparison.Ordinal);
    }

    [Fact]
    public void UsedBy_MatchesWholeTermsAndPlurals_NotPartsOrTheClausesOwnTerm()
    {
        var definitions = ContractDefinitions.Of(Contract);

        Assert.Single(definitions.UsedBy("The Work Products are delivered monthly."));
        Assert.Empty(definitions.UsedBy("Work Productivity reports are optional."));
        Assert.Empty(definitions.UsedBy("the work product of either party")); // a defined term is capitalised
        Assert.Empty(definitions.UsedBy("(b) \"Work Product\" means all deliverables."));
        Assert.Equal("12.2 Nothing limits liability.", definitions.Read("12.2 Nothing limits liability."));
    }

    [Fact]
    public void UsedBy_ReadsAPluralTermInTheSingularAndAYTermInThePlural()
    {
        var definitions = ContractDefinitions.Of(StoredClauses.Of(
            ("1.1", "1.1 \"Billable Vehicles\" means, for each month, the greater of the number of Connected Vehicles and 500."),
            ("1.2", "1.2 \"Territory\" means the United Kingdom."),
            ("1.3", "1.3 \"Business Days\" means a weekday.")));

        Assert.Contains("greater of", Assert.Single(definitions.UsedBy("7.1 The Customer pays the Subscription Fee for each Billable Vehicle.")), StringComparison.Ordinal);
        Assert.Contains("United Kingdom", Assert.Single(definitions.UsedBy("2.1 The Distributor may sell in the Territories.")), StringComparison.Ordinal);
        Assert.Single(definitions.UsedBy("within one Business Day"));
        Assert.Empty(definitions.UsedBy("Billable Vehiclesmith is not a term."));
        Assert.Empty(definitions.UsedBy("a Territorial dispute"));
    }

    [Fact]
    public void Read_AppendsAtMostTheLongestFewDefinitions_EachBounded()
    {
        var many = Enumerable.Range(0, 8).Select(i => ($"1.{i}", $"1.{i} \"Term Number {(char)('A' + i)}\" means {new string('x', 2000)}.")).ToArray();
        var definitions = ContractDefinitions.Of(StoredClauses.Of(many));
        var clause = string.Join(" and ", Enumerable.Range(0, 8).Select(i => $"Term Number {(char)('A' + i)}")) + " apply.";

        var used = definitions.UsedBy(clause);

        Assert.Equal(ContractDefinitions.MaxTermsPerClause, used.Count);
        Assert.All(used, d => Assert.True(d.Length <= ContractDefinitions.MaxDefinitionLength));
    }

    [Fact]
    public void Judge_ADeviationThatReadsDefinitions_MatchesItsPatternThere_OthersDoNot()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Definitions
            rules:
              - category: IP Ownership Assignment
                severity: medium
                deviations:
                  - name: Your background IP goes with the deliverables
                    read_definitions: true
                    pattern: '(?i)\bbackground\s+IP\s+of\s+the\s+{us}'
                    severity: critical
            """, "definitions.yaml");
        var ownWords = PlaybookLoader.Parse("""
            name: Own words
            rules:
              - category: IP Ownership Assignment
                severity: medium
                deviations:
                  - name: Same words, own words only
                    pattern: '(?i)\bbackground\s+IP\s+of\s+the\s+{us}'
                    severity: critical
            """, "own-words.yaml");
        var side = ReviewSide.Resolve(Parties, "consultant");
        var text = string.Join("\n", Contract.Select(c => c.Clause.Text));
        var vest = Contract.Single(c => c.Clause.Path == "9.1");

        var read = ContractAnalyzer.Judge(playbook.Rules[0], [vest], 0.9f, text, ReviewLens.For(side, Contract));
        Assert.Equal(Severity.Critical, read.Severity);
        var cited = Assert.Single(read.Definitions);
        Assert.Equal(("Work Product", "1.1(b)"), (cited.Term, cited.ClausePath));
        Assert.Equal(Severity.Medium, ContractAnalyzer.Judge(playbook.Rules[0], [vest], 0.9f, text, new ReviewLens(side)).Severity);
        Assert.Equal(Severity.Medium, ContractAnalyzer.Judge(ownWords.Rules[0], [vest], 0.9f, text, ReviewLens.For(side, Contract)).Severity);
    }

    [Fact]
    public void ShippedPlaybook_ExclusivityStatedOnlyInADefinition_IsFoundWithTheDefinition()
    {
        var contract = StoredClauses.Of(
            ("1.3", "1.3 \"Engagement Commitment\" means the Consultant's commitment to provide consultancy services during the Term to the Company alone and to no other person."),
            ("1.4", "1.4 \"Support Services\" means the services to the Company and its Affiliates described in Schedule 1."),
            ("2.1", "2.1 The Company engages the Consultant for the Term, and the Consultant agrees to the Engagement Commitment."),
            ("2.2", "2.2 The Consultant shall provide the Support Services from its own premises during Business Hours."));
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Exclusivity")!;
        var lens = ReviewLens.For(ReviewSide.Resolve([new("Orrin Systems Ltd", "Consultant"), new("Pellow Bank plc", "Company")], "consultant"), contract);

        Assert.False(rule.Detects(contract[2].Clause.Text));
        Assert.True(rule.DetectsWithDefinitions(lens.Definitions.Read(contract[2].Clause.Text)));
        Assert.False(rule.DetectsWithDefinitions(lens.Definitions.Read(contract[3].Clause.Text)));
    }

    [Fact]
    public void ShippedPlaybook_ALicenceForADefinedPeriodThatRunsInPerpetuity_IsFoundAsPerpetual_CitingThePeriod()
    {
        var contract = StoredClauses.Of(
            ("1.4", "1.4 \"Licence Period\" means the period of 12 months from the first release and thereafter in perpetuity in respect of any copies first sold during that period."),
            ("2.1", "2.1 The Licensor grants the Licensee an exclusive licence to distribute the Film in the Territory for the Licence Period."),
            ("3.1", "3.1 The Licensee shall pay the Licence Fee within thirty days after the start of the Licence Period."));
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor("Irrevocable or Perpetual License")!;
        var side = ReviewSide.Resolve([new("Quillon Pictures Ltd", "Licensor"), new("Brackwater Media Ltd", "Licensee")], "licensor");
        var lens = ReviewLens.For(side, contract);
        var text = string.Join("\n", contract.Select(c => c.Clause.Text));

        // Found by words only with the definition: the grant's own words say nothing of perpetuity, and a payment clause
        // that uses the same term is no licence.
        Assert.False(rule.Detects(contract[1].Clause.Text));
        Assert.True(rule.DetectsWithDefinitions(lens.Definitions.Read(contract[1].Clause.Text)));
        Assert.False(rule.DetectsWithDefinitions(lens.Definitions.Read(contract[2].Clause.Text)));
        var finding = ContractAnalyzer.Judge(rule, [contract[1]], 0.1f, text, lens);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("1.4", Assert.Single(finding.Definitions).ClausePath);
        // Kept: the perpetuity is in the definition it cites, not in its own words.
        Assert.Single(FindingConsistency.Resolve([finding]).Kept);
        Assert.Empty(FindingConsistency.Resolve([finding with { Definitions = [] }]).Kept);
    }

    [Theory]
    [InlineData("Joint IP Ownership", "Licensor", "Licensee", "licensor",
        "1.4 \"Enhancements\" means all modifications and other developments of the Software made by or for either party, including any made by the Licensor in the course of the Support.",
        "7.2 All intellectual property rights in the Enhancements shall vest in the Licensor and the Licensee jointly in equal undivided shares.", Severity.Critical)]
    [InlineData("IP Ownership Assignment", "Contractor", "Company", "company",
        "1.3 \"Contractor Tools\" means all software, code and know-how used, created or developed by the Contractor, whether before or during the term of this Agreement.",
        "6.2 All intellectual property rights in the Contractor Tools, including any Contractor Tools incorporated in the Deliverables, remain vested in the Contractor.", Severity.High)]
    [InlineData("Revenue/Profit Sharing", "Consultant", "Client", "client",
        "1.6 \"Savings\" means the annualised reduction in the Client's cost base that the Consultant identifies, whether or not the Client implements or realises that reduction.",
        "6.3 The Client shall pay the Consultant a success fee equal to 4% of the Savings in each of the three years after they are identified.", Severity.High)]
    [InlineData("Price Restrictions", "Provider", "Customer", "customer",
        "1.5 \"Fees\" means the charges in Schedule 1, as adjusted on each anniversary of the Effective Date by the greater of nine per cent (9%) and the increase in the Consumer Prices Index.",
        "5.1 The Customer shall pay the Fees monthly in arrears within thirty (30) days of each invoice.", Severity.High)]
    [InlineData("Expiration Date", "Bank", "Company", "bank",
        "1.3 \"Confidentiality Period\" means, for each item of Confidential Information, the period of 12 months from the date on which it is disclosed.",
        "2.4 The obligations in this clause 2 apply to each item of Confidential Information only during its Confidentiality Period.", Severity.High)]
    [InlineData("Warranty Duration", "Supplier", "Buyer", "supplier",
        "1.9 \"Warranty Period\" means the period of sixty (60) months from the first sale by the Buyer of the end product in which a Board is incorporated.",
        "6.1 The Supplier warrants that the Boards will, throughout the Warranty Period, conform to the Specification and be free from defects in materials and workmanship.", Severity.High)]
    [InlineData("IP Ownership Assignment", "Developer", "Client", "developer",
        "1.4 \"Work Product\" means all code and designs the Developer creates for the Client, together with all libraries and tools owned by the Developer before the Start Date and used in the Services.",
        "5.1 The Developer hereby assigns to the Client all intellectual property rights in the Work Product.", Severity.Critical)]
    [InlineData("Revenue/Profit Sharing", "Licensee", "Licensor", "licensee",
        "1.5 \"Net Sales\" means the amount invoiced for any Licensed Product or for any system or other end product that incorporates a Licensed Product, less VAT.",
        "4.2 The Licensee shall pay the Licensor a royalty of 2.5 per cent of Net Sales.", Severity.High)]
    [InlineData("Expiration Date", "Discloser", "Recipient", "discloser",
        "1.2 \"Confidentiality Period\" means the period of 18 months from the date of this Agreement.",
        "2.1 The Recipient undertakes during the Confidentiality Period to keep the Confidential Information secret and to use it only for the Purpose.", Severity.High)]
    [InlineData("IP Ownership Assignment", "Consultant", "Company", "consultant",
        "1.2 \"Deliverables\" means all designs, copy and other works created by the Consultant during the Engagement, whether or not created before the Start Date.",
        "8.1 The Consultant hereby assigns to the Company all intellectual property rights in the Deliverables.", Severity.Critical)]
    [InlineData("IP Ownership Assignment", "Agency", "Client", "agency",
        "1.3 \"Deliverables\" means all artwork and copy produced for the Client, including the Agency's templates and planning tools.",
        "9.1 The Agency hereby assigns to the Client all intellectual property rights in the Deliverables.", Severity.Critical)]
    [InlineData("IP Ownership Assignment", "Provider", "Customer", "provider",
        "1.5 \"Deliverables\" means all work product supplied by the Provider, including any enhancement or new feature of the Platform developed at the Customer's request, whether or not it is later made part of the standard Platform.",
        "9.2 The Provider hereby assigns to the Customer all intellectual property rights in the Deliverables.", Severity.Critical)]
    [InlineData("IP Ownership Assignment", "Consultant", "Company", "consultant",
        "1.8 \"Work Product\" means all designs, software and know-how made or conceived by the Consultant at any time before or during the term of this Agreement.",
        "7.1 The Consultant hereby assigns to the Company all present and future rights in the Work Product.", Severity.Critical)]
    public void ShippedPlaybook_ADeviationInTheDefinition_IsFoundAtTheClause_CitingIt(string category, string ourRole, string theirRole, string side, string definition, string clause, Severity expected)
    {
        var contract = StoredClauses.Of(("1.1", definition), ("2.1", clause));
        var rule = PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor(category)!;
        var lens = ReviewLens.For(ReviewSide.Resolve([new("Orrin Systems Ltd", ourRole), new("Pellow Bank plc", theirRole)], side), contract);
        var text = string.Join("\n", contract.Select(c => c.Clause.Text));

        var finding = ContractAnalyzer.Judge(rule, [contract[1]], 0.9f, text, lens);

        Assert.Equal(expected, finding.Severity);
        Assert.Equal("1.1", Assert.Single(finding.Definitions).ClausePath);
        Assert.True(ContractAnalyzer.Judge(rule, [contract[1]], 0.9f, text, new ReviewLens(lens.Side)).Severity < expected); // the clause's words alone
    }

    [Fact]
    public void Used_GivesEachDefinitionsTermPathAndSpan_WithTheListItemsUnderIt()
    {
        var definitions = ContractDefinitions.Of(Contract, Parties.SelectMany(p => new[] { p.Role, p.Name }));
        var text = string.Join("\n", Contract.Select(c => c.Clause.Text));

        var workProduct = Assert.Single(definitions.Used("9.1 All Work Product shall vest in the Client on creation."));

        Assert.Equal(("Work Product", "1.1(b)"), (workProduct.Term, workProduct.ClausePath));
        Assert.StartsWith("(b) \"Work Product\" means", text[workProduct.Start..], StringComparison.Ordinal);
        Assert.EndsWith("whenever created.", text[..workProduct.End], StringComparison.Ordinal); // its items (i) and (ii) with it
    }

    [Fact]
    public void Judge_CitesOnlyTheDefinitionTheDeviationRestsOn_AndNoneWhenTheClauseSaysItItself()
    {
        var contract = StoredClauses.Of(
            ("1.1", "1.1 \"Net Receipts\" means all revenue received by the Licensee, less a distribution fee of 40%."),
            ("1.2", "1.2 \"Territory\" means the United Kingdom."),
            ("6.1", "6.1 The Licensee shall pay a royalty of 12% of Net Receipts in the Territory."),
            ("6.2", "6.2 The Licensee shall pay a royalty of 12% of Net Receipts, less a distribution fee of 40%, in the Territory."));
        var playbook = PlaybookLoader.Parse("""
            name: Citations
            rules:
              - category: Revenue/Profit Sharing
                severity: medium
                deviations:
                  - name: Deductions before your share
                    read_definitions: true
                    pattern: '(?i)\bless\s+a\s+distribution\s+fee'
                    severity: high
            """, "citations.yaml");
        var side = ReviewSide.Resolve([new("Quillon Pictures Ltd", "Licensor"), new("Brackwater Media Ltd", "Licensee")], "licensor");
        var text = string.Join("\n", contract.Select(c => c.Clause.Text));
        var lens = ReviewLens.For(side, contract);

        var defined = ContractAnalyzer.Judge(playbook.Rules[0], [contract[2]], 0.9f, text, lens);
        var stated = ContractAnalyzer.Judge(playbook.Rules[0], [contract[3]], 0.9f, text, lens);

        Assert.Equal(Severity.High, defined.Severity);
        Assert.Equal("1.1", Assert.Single(defined.Definitions).ClausePath); // not the Territory it also uses
        Assert.True(defined.ReadWithDefinitions);
        Assert.Equal(Severity.High, stated.Severity);
        Assert.Empty(stated.Definitions);
    }

    [Fact]
    public void Judge_MeasuresInTheDefinition_WhatTheClauseLeavesOut_AndReadsExceptionsInTheClauseOnly()
    {
        var contract = StoredClauses.Of(
            ("1.1", "1.1 \"Warranty Period\" means six months from delivery, except for software."),
            ("9.1", "9.1 The Supplier warrants that the goods will be free from defects during the Warranty Period."),
            ("9.2", "9.2 The Supplier warrants that the goods will be free from defects for 24 months from delivery."));
        var playbook = PlaybookLoader.Parse("""
            name: Measures
            rules:
              - category: Warranty Duration
                severity: low
                deviations:
                  - name: Short warranty on goods
                    read_definitions: true
                    measure: duration_days
                    below: 360
                    pattern: '(?i)\bgoods\b'
                    absent_pattern: '(?i)\bsoftware\b'
                    severity: high
                    rationale: Warranty of {measured} only.
            """, "measures.yaml");
        var side = ReviewSide.Resolve([new("Tarnwell Parts Ltd", "Supplier"), new("Ostrey Motors Ltd", "Buyer")], "buyer");
        var text = string.Join("\n", contract.Select(c => c.Clause.Text));
        var lens = ReviewLens.For(side, contract);

        var defined = ContractAnalyzer.Judge(playbook.Rules[0], [contract[1]], 0.9f, text, lens);
        var stated = ContractAnalyzer.Judge(playbook.Rules[0], [contract[2]], 0.9f, text, lens);

        Assert.Equal(Severity.High, defined.Severity);
        Assert.Contains("6 months", defined.Measured, StringComparison.Ordinal);
        Assert.Equal(Severity.Low, stated.Severity); // its own 24 months wins over the definition's six
        Assert.Equal(Severity.Low, ContractAnalyzer.Judge(playbook.Rules[0], [contract[1]], 0.9f, text, new ReviewLens(side)).Severity);
    }
}
