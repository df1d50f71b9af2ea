using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>The parties and their defined roles, from the preambles of our samples and of variants written here.</summary>
public sealed class PartyFinderTests
{
    public static TheoryData<string, string, string, string, string> Samples() => new()
    {
        { "saas-subscription-agreement.md", "Lumenfield Software, Inc.", "Provider", "Carrow & Beck Outfitters, LLC", "Customer" },
        { "mutual-nda.txt", "Halvorsen Biologics Corp.", "Halvorsen", "Quillon Data Systems, Inc.", "Quillon" },
        { "consulting-services-agreement.html", "Brightwater Advisory Group LLC", "Consultant", "Meridale Foods Corporation", "Client" },
        { "supply-agreement.docx", "Keystone Polymer Works, Inc.", "Supplier", "Dunmore Appliance Company", "Buyer" },
        { "software-licence-agreement.pdf", "Stratavue Systems, Inc.", "Licensor", "Pemberton Mutual Insurance Company", "Licensee" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Find_Samples_BothPartiesWithTheirRoles(string file, string firstName, string firstRole, string secondName, string secondRole)
    {
        var text = (await DocumentReaders.CreateDefault().ReadFileAsync(RepositoryPaths.Sample(file))).Text;

        var parties = new PartyFinder().Find(text);

        Assert.Equal([(firstName, firstRole), (secondName, secondRole)], parties.Select(p => (p.Name, p.Role)));
    }

    [Theory]
    [InlineData("SUPPLY AGREEMENT\n\nDATED 1 March 2025\n\nACME LIMITED\n(the \"Supplier\")\n\n- and -\n\nBETA LIMITED\n(the \"Buyer\")\n")]
    [InlineData("LICENCE AGREEMENT\n\nDated: 3 April 2025\n\nACME LIMITED (the \"Supplier\")\n\nAND\n\nBETA LIMITED (the \"Buyer\")\n")]
    [InlineData("DISTRIBUTION AGREEMENT\n\nDated: 3 April 2025\n\nParties:\n\nACME LIMITED, a company incorporated in England and Wales (the \"Supplier\"); and\n\nBETA LIMITED, a company incorporated in Ireland (the \"Buyer\").\n\nBackground: The Supplier makes goods.\n")]
    [InlineData("SERVICES AGREEMENT\n\nDated 3 April 2025\n\n(1) ACME LIMITED, a company incorporated in England and Wales (the \"Supplier\"); and\n\n(2) BETA LIMITED, a company incorporated in Scotland (the \"Buyer\").\n")]
    public void Find_DeedLayoutUnderTheDate_BothParties(string opening)
    {
        var parties = new PartyFinder().Find(opening + "\n1. Definitions\n\n1.1 \"Goods\" means the goods (the \"Goods\").\n");

        Assert.Equal([("ACME LIMITED", "Supplier"), ("BETA LIMITED", "Buyer")], parties.Select(p => (p.Name, p.Role)));
    }

    [Fact]
    public void Find_DateFollowedByTheSentence_ReadsTheSentence()
    {
        var parties = new PartyFinder().Find("This Agreement is dated 14 February 2025 and is made between Acme Limited (the \"Client\") and Beta Ltd (the \"Consultant\").\n");

        Assert.Equal([("Acme Limited", "Client"), ("Beta Ltd", "Consultant")], parties.Select(p => (p.Name, p.Role)));
    }

    [Theory]
    [InlineData("This Agreement is between Acme Corp. (the \"Company\") and Jane Roe (\"Consultant\").", "Acme Corp.|Company", "Jane Roe|Consultant")]
    [InlineData("This License is entered into by and among Orbit Labs Ltd., a company organised under the laws of England (hereinafter \"Licensor\"); Nova GmbH (\"Licensee\"); and Vega S.A. (\"Guarantor\").",
        "Orbit Labs Ltd.|Licensor", "Nova GmbH|Licensee", "Vega S.A.|Guarantor")]
    [InlineData("Made between Research and Development Partners LLC, with offices at 1 St. Paul Square and 2 Main St., Dover (“Discloser”), and Kite Inc. (“Recipient”). Each is a \"Party\" (\"Affiliate\" has the meaning below).",
        "Research and Development Partners LLC|Discloser", "Kite Inc.|Recipient")]
    [InlineData("This Agreement is made between Kestrel Robotics, Inc. (the \"Company\") and Dana M. Whitcombe, an individual (\"Consultant\").", "Kestrel Robotics, Inc.|Company", "Dana M. Whitcombe|Consultant")]
    [InlineData("This Agreement is made between:\n\n(1) Northgate Analytics Ltd, a company incorporated in England and Wales (the \"Client\"); and\n\n(2) Dr Miriam Hesk, of 12 Orchard Rise, Harrogate HG2 0LT (the \"Consultant\").", "Northgate Analytics Ltd|Client", "Dr Miriam Hesk|Consultant")]
    [InlineData("This Agreement is made BETWEEN:\n\n(1) CORVANE LTD, whose registered office is at 12 Park Road, Cambridge (the \"Sponsor\"); and\n\n(2) ASHMERE HOSPITALS NHS FOUNDATION TRUST, of Ashmere General Hospital, Infirmary Lane, Ashmere AS4 2PL (the \"Site\").", "CORVANE LTD|Sponsor", "ASHMERE HOSPITALS NHS FOUNDATION TRUST|Site")]
    [InlineData("This Agreement is made between Orla Fenwick of 17 Mill Street, York (\"Author\") and Brackenfold Press Limited (\"Publisher\").", "Orla Fenwick|Author", "Brackenfold Press Limited|Publisher")]
    public void Find_PreambleVariants_EveryPartyAndNothingAfterTheSentence(string preamble, params string[] expected)
    {
        var parties = new PartyFinder().Find(preamble + "\n\n1. Definitions. \"Vendor\" means any supplier (\"Vendor\").");

        Assert.Equal(expected, parties.Select(p => $"{p.Name}|{p.Role}"));
    }

    [Theory]
    [InlineData("THIS AGREEMENT is dated 3 March 2026\n\nPARTIES\n\n(1) HARTWELL COMPONENTS LIMITED incorporated and registered in England and Wales with company number 04412345 whose registered office is at 12 Mill Lane, Leeds LS1 4AB (the \"Supplier\"); and\n\n(2) ORCHARD APPLIANCES PLC incorporated and registered in England and Wales with company number 07754321 whose registered office is at 9 Quay St. Bristol (\"Buyer\").\n\nBACKGROUND\n\n(A) The Supplier makes parts.",
        "HARTWELL COMPONENTS LIMITED|Supplier", "ORCHARD APPLIANCES PLC|Buyer")]
    [InlineData("Parties:\n1. Nordlys Analytics AS, a company organised under the laws of Norway (\"Processor\")\n2. Bellweather Retail Inc., a Delaware corporation (\"Controller\")\n\nThe parties agree:",
        "Nordlys Analytics AS|Processor", "Bellweather Retail Inc.|Controller")]
    [InlineData("This Reseller Agreement is entered into on 2 February 2026 by Caldera Networks, Inc., a California corporation (\"Vendor\"), and Pike & Rowe IT Services LLC (\"Reseller\").",
        "Caldera Networks, Inc.|Vendor", "Pike & Rowe IT Services LLC|Reseller")]
    [InlineData("BRAND LICENCE AGREEMENT\n\nParties:\n\n- **Licensor:** Brightline Brands Ltd., a company registered in England\n- **Licensee:** Kessel Foods Inc., a Delaware corporation\n\nDate: 1 June 2026\nAddress: 1 High Street",
        "Brightline Brands Ltd.|Licensor", "Kessel Foods Inc.|Licensee")]
    [InlineData("SERVICES AGREEMENT\n\nRole | Party\nCustomer | Marlow Freight Group Ltd\nService Provider | Teodor Systems GmbH, Munich\nAttention | Jo Bloggs, Legal",
        "Marlow Freight Group Ltd|Customer", "Teodor Systems GmbH|Service Provider")]
    [InlineData("PARTIES\n\n(1) MOSSGATE TOOLING LIMITED, incorporated and registered in Scotland with company number SC123456 whose registered office is at 2 Dock Road, Leith (the \"Manufacturer\").\n\n(2) TARRANT HOME PLC, incorporated and registered in England and Wales (the \"Customer\").\n\nBACKGROUND",
        "MOSSGATE TOOLING LIMITED|Manufacturer", "TARRANT HOME PLC|Customer")]
    [InlineData("Date: 1 May 2026\n\nParties:\n\n | Party | Details | Referred to as\n1 | Quarrystone Games, Inc. | a Nevada corporation, 1 Main St | the \"Licensor\"\n2 | Fenwick Toys LLC | an Ohio limited liability company | the \"Licensee\"",
        "Quarrystone Games, Inc.|Licensor", "Fenwick Toys LLC|Licensee")]
    [InlineData("THIS AGREEMENT is made on 4 April 2026\n\nBETWEEN:\n\n(1) FALCONER DRINKS LIMITED, a company incorporated in England and Wales (company number 01234567) whose registered office is at 3 Mill Yard, Bath BA1 1AA (the \"Principal\"); and\n\n(2) GREYSTOKE TRADING LIMITED, a company incorporated in Scotland (company number SC765432) whose registered office is at 8 Harbour Row, Leith EH6 6AA (the \"Distributor\").\n\nWHEREAS:",
        "FALCONER DRINKS LIMITED|Principal", "GREYSTOKE TRADING LIMITED|Distributor")]
    [InlineData("This Patent and Know-How Licence Agreement is made on 12 May 2026 by and among Veridian Photonics GmbH, a company organised under the laws of Germany (\"Licensor\"), Ostrander Lighting Inc., a Delaware corporation (\"Licensee\"), and Veridian Holdings AG, a Swiss company (\"Parent\").",
        "Veridian Photonics GmbH|Licensor", "Ostrander Lighting Inc.|Licensee", "Veridian Holdings AG|Parent")]
    [InlineData("# CREATIVE SERVICES AGREEMENT\n\n## Parties\n\n| No. | Party | Details |\n|---|---|---|\n| 1 | **Pellow Garden Supplies Limited** (the \"**Client**\") | A company incorporated in England and Wales |\n| 2 | **Saffron Lane Studio Limited** (the \"**Studio**\") | A company incorporated in Scotland |",
        "Pellow Garden Supplies Limited|Client", "Saffron Lane Studio Limited|Studio")]
    [InlineData("This Confidentiality Undertaking (this \"Undertaking\") is given on 2 March 2026 by Ashby Vale Partners LLP, a limited liability partnership registered in England and Wales (\"Recipient\"), in favour of Norquist Therapeutics, Inc., a Delaware corporation (\"Norquist\" or the \"Discloser\").",
        "Ashby Vale Partners LLP|Recipient", "Norquist Therapeutics, Inc.|Discloser")]
    [InlineData("PARTIES\n\nName                      | Registered office                        | Short name\n------------------------- | ---------------------------------------- | ----------\nHarrowgate Press Limited  | 4 Quay Street, Cork; company number 1234 | the Licensor\nBluefin Audio, Inc.       | 10 Main Street, Wilmington, Delaware     | the Licensee",
        "Harrowgate Press Limited|Licensor", "Bluefin Audio, Inc.|Licensee")]
    [InlineData("This Agreement is entered into on 2 March 2026 by Wattle Grove Housing Limited (ACN 612 004 917), a company limited by guarantee, of 3 Wattle Street, Parramatta (hereinafter \"the Client\") and Kentmere Advisory Pty Ltd (ACN 633 218 540), of 60 Kent Street, Sydney (hereinafter \"the Consultant\").\n\n1.3 If there is an inconsistency between this Agreement and a Statement of Work, this Agreement prevails.",
        "Wattle Grove Housing Limited|Client", "Kentmere Advisory Pty Ltd|Consultant")]
    [InlineData("Parties\n\nName | Registered office | Short name\nHollin Beverages Inc., a Delaware corporation | 12 Harbor Drive, Baltimore | Sponsor\nBaywater Events LLC, a Virginia limited liability company | 45 Granby Street, Norfolk | Organizer",
        "Hollin Beverages Inc.|Sponsor", "Baywater Events LLC|Organizer")]
    [InlineData("This Agreement is entered into on 3 March 2025 (the \"Effective Date\") by **Albion Labs, Inc.**, a corporation organised under the laws of the State of Delaware, having its principal office at 1 Main Street, Boston (hereinafter \"the Sponsor\") and **Brent Research Limited**, a company registered in England and Wales, of 2 High Street, Oxford (hereinafter \"the CRO\").\n\n\"Services\" means the services described in a Work Order (the \"Services\").",
        "Albion Labs, Inc.|Sponsor", "Brent Research Limited|CRO")]
    [InlineData("PARTIES\n\nParty                          Details                                  Short name\n-----------------------------  ---------------------------------------  ----------\nHebden Valve Works Limited     Incorporated in England and Wales,       \"Hebden\"\n                               registered office 2 Mill Lane, Leeds\nCarvell Pumps, Inc.            A Delaware corporation, 9 Lake Street,   \"Carvell\"\n                               Chicago, Illinois",
        "Hebden Valve Works Limited|Hebden", "Carvell Pumps, Inc.|Carvell")]
    [InlineData("MANUFACTURING AGREEMENT\n\nSupplier: Hollin Moulding B.V., a company incorporated in the Netherlands (the \"Manufacturer\")\nCustomer: Petrel Home Goods Ltd, a company incorporated in England and Wales (the \"Customer\")",
        "Hollin Moulding B.V.|Manufacturer", "Petrel Home Goods Ltd|Customer")]
    [InlineData("PARTIES\n\nParty: Hebden Valve Works plc, incorporated in England and Wales with company number 01234567\nDefined as: \"Hebden\" or the \"Majority Member\"\n\nParty: Carvell Pumps Limited, incorporated in Scotland with company number SC123456\nDefined as: \"Carvell\" or the \"Minority Member\"",
        "Hebden Valve Works plc|Majority Member", "Carvell Pumps Limited|Minority Member")]
    [InlineData("PARTIES\n\n| Name | Registered office | Short name |\n|---|---|---|\n| Harrowgate Cells Limited | 4 Quay Street, Cork | \"Licensor\" or \"Harrowgate\" |\n| Bluefin Motors GmbH | 10 Hauptstrasse, Munich | \"Licensee\" or \"Bluefin\" |",
        "Harrowgate Cells Limited|Licensor", "Bluefin Motors GmbH|Licensee")]
    [InlineData("CONFIDENTIALITY AGREEMENT\n\nPARTY 1\nName: Brackenfold Analytics Limited\nCompany number: 09876543\nRegistered office: 4 Quarry Lane, Leeds LS1 2AB\nDefined as: \"the Company\"\n\nPARTY 2\nName: Orla Fenwick\nAddress: 17 Mill Street, York YO1 7AA\n\nDefined as: \"the Consultant\"",
        "Brackenfold Analytics Limited|Company", "Orla Fenwick|Consultant")]
    [InlineData("AGREEMENT\n\nBETWEEN:\n\nBRACKEN HOLLOW UNIVERSITY, a body corporate whose offices are at 1 High Street, Leeds (\"the University\");\n\nAND:\n\nORRIN MATERIALS LIMITED, a company registered in Scotland under number SC641187, whose registered office is at 14 Quay, Glasgow (\"the Sponsor\").",
        "BRACKEN HOLLOW UNIVERSITY|University", "ORRIN MATERIALS LIMITED|Sponsor")]
    [InlineData("PRIVATE AND CONFIDENTIAL\n\nFrom:  Tolland Marine Holdings plc, a public limited company incorporated in England and Wales (the \"Company\")\n\nTo:    Brisk Capital Partners LLP, a limited liability partnership, acting for itself and as manager of the funds listed in the Schedule (the \"Investor\")\n\nDear Sirs",
        "Tolland Marine Holdings plc|Company", "Brisk Capital Partners LLP|Investor")]
    [InlineData("SERVICES AGREEMENT\n\nConsultancy: Hebden Interim Partners LLP, a limited liability partnership (the \"Consultancy\")\n\nCompany: Carvell Foods Limited, a company registered in England and Wales (the \"Company\")\n\nInterim Executive: Orla Fenwick, a director of Fenwick Advisory Limited (the \"Interim\"). The Interim is not a party to this Agreement.",
        "Hebden Interim Partners LLP|Consultancy", "Carvell Foods Limited|Company")]
    [InlineData("CONFIDENTIALITY AGREEMENT\n\nPARTIES\n\n  Party                                          Defined as\n  ---------------------------------------------  ---------------\n  Brackenfold Photonics Limited, a company        the \"Company\"\n  incorporated in Scotland\n\n  Orrin Deep Tech Fund II, L.P., a                the \"Investor\"\n  Delaware limited partnership",
        "Brackenfold Photonics Limited|Company", "Orrin Deep Tech Fund II, L.P.|Investor")]
    [InlineData("CONTENT LICENCE\n\n**Licensor:** Pennick Learning Media Ltd, a company registered in England\n\n**Licensee:** Skillmoor Platforms Inc., a Delaware corporation\n\n**Learner:** an individual who accesses the Licensed Content through the Platform.",
        "Pennick Learning Media Ltd|Licensor", "Skillmoor Platforms Inc.|Licensee")]
    [InlineData("MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made on 3 March 2026 between:\n\nName | Company number | Registered office | Defined as\nHarrowmere Civil Engineering Limited | 04417832 | 4 Quay Street, Leeds LS1 4AB | the \"Lead Bidder\"\nBranscombe Geotechnical Services B.V. | KvK 55120987 | Kade 12, 3511 AB Utrecht | the \"Co-Bidder\"\n\nBackground\n\n(A) The Contracting Authority (the \"Contracting Authority\") has invited tenders (the \"Tender\").",
        "Harrowmere Civil Engineering Limited|Lead Bidder", "Branscombe Geotechnical Services B.V.|Co-Bidder")]
    [InlineData("NON-DISCLOSURE AGREEMENT\n\nPARTIES\n\n(1) ALDER WORKS PTE. LTD., a company incorporated in Singapore whose registered office is at 1 Quay Road, Singapore (\"Alder\"); and\n\n(2) BRIGHTWEIR ENGINEERING PTE. LTD., a company incorporated in Singapore whose registered office is at 7 Dock Road, Singapore (\"Brightweir\").",
        "ALDER WORKS PTE. LTD.|Alder", "BRIGHTWEIR ENGINEERING PTE. LTD.|Brightweir")]
    [InlineData("This Agreement is made between:\n\n1. **Tidemark Pixel Ltd**, a company incorporated in England and Wales (the \"Licensor\"); and\n2. **Orbitfall Interactive Sdn. Bhd.**, a company incorporated in Malaysia (the \"Publisher\").",
        "Tidemark Pixel Ltd|Licensor", "Orbitfall Interactive Sdn. Bhd.|Publisher")]
    [InlineData("This Agreement is made between Quillon Systems Limited, a private company limited by shares incorporated in England and Wales (the \"Vendor\"), and Corrigan & Vale IT Solutions Limited, a private company limited by shares incorporated in Ireland (the \"Reseller\").",
        "Quillon Systems Limited|Vendor", "Corrigan & Vale IT Solutions Limited|Reseller")]
    [InlineData("This Research Agreement (the \"Agreement\") is made on 2 May 2026 between The University of Carrowmore, a body incorporated by royal charter whose principal office is at 1 College Green, Carrowmore (the \"University\"), and Pellbrook Materials Limited, a company incorporated in England and Wales (the \"Company\").",
        "University of Carrowmore|University", "Pellbrook Materials Limited|Company")]
    [InlineData("This Commercial Agency Agreement is made on 2 June 2025 between Hollin Pumpen GmbH, with its seat at Billstrasse 210, Hamburg, Germany (the \"Principal\"), and Wisla Technika sp. z o.o., a company registered under KRS 0000734521, with its seat at ul. Portowa 17, 80-601 Gdansk, Poland (the \"Agent\").",
        "Hollin Pumpen GmbH|Principal", "Wisla Technika sp. z o.o.|Agent")]
    public void Find_OtherPreambleForms_EveryPartyWithItsRole(string preamble, params string[] expected)
    {
        var parties = new PartyFinder().Find(preamble + "\n\n1. Definitions\n\n1.1 \"Affiliate\" means any entity that controls a party.");

        Assert.Equal(expected, parties.Select(p => $"{p.Name}|{p.Role}"));
    }

    [Fact]
    public void Find_TwoDefinedNames_TheRoleAndAnAliasBothNameTheParty()
    {
        var parties = new PartyFinder().Find("This Agreement is made between Norquist Therapeutics, Inc. (\"Norquist\" or the \"Discloser\") and Ashby Vale Partners LLP (the \"Recipient\").");
        var stance = new ClauseBeneficiaries(parties).Read("Norquist may require the return of all Confidential Information at any time.");

        Assert.Equal(["Norquist"], parties[0].Aliases);
        Assert.Equal(Favours.Them, stance.For("Recipient"));
        Assert.Equal("Discloser", ReviewSide.Resolve(parties, "norquist")!.Party.Role);
    }

    [Fact]
    public void Find_LabelledLinesThatAreNotParties_Empty() =>
        Assert.Empty(new PartyFinder().Find("MEMO\n\nDate: 1 June 2026\nSubject: Renewal\nAttention: Legal\n\n1. Term. Three years."));

    [Theory]
    [InlineData("This Agreement is made between Acme Corp., a Delaware corporation (\"Provider\"), and Beta LLC, an Arizona limited liability company (\"Customer\").", "Delaware", "Arizona")]
    [InlineData("PARTIES\n(1) HARTWELL LIMITED incorporated and registered in England and Wales with company number 1 (the \"Supplier\"); and\n(2) Nordlys AS, organised under the laws of the Kingdom of Norway (the \"Buyer\").", "England and Wales", "Norway")]
    [InlineData("This Agreement is between Veridian AG, a Swiss company (\"Licensor\"), and Kite Inc. (\"Licensee\").", "Switzerland", null)]
    public void Find_PartyDescriptions_WhereEachIsIncorporated(string preamble, string? first, string? second)
    {
        var parties = new PartyFinder().Find(preamble);

        Assert.Equal([first, second], parties.Select(p => p.Home));
    }

    [Fact]
    public void Find_NoPartySentence_Empty() =>
        Assert.Empty(new PartyFinder().Find("1. Term. This Agreement lasts three years (the \"Term\")."));

    [Theory]
    [InlineData(null, "Customer", true)]
    [InlineData("provider", "Provider", false)]
    [InlineData("Lumenfield", "Provider", false)]
    [InlineData("carrow & beck outfitters, llc", "Customer", false)]
    [InlineData("cust", "Customer", false)]
    public void Resolve_RoleNameOrNothing_TheRightSide(string? spec, string role, bool assumed)
    {
        ContractParty[] parties = [new("Lumenfield Software, Inc.", "Provider"), new("Carrow & Beck Outfitters, LLC", "Customer")];

        var side = ReviewSide.Resolve(parties, spec)!;

        Assert.Equal(role, side.Party.Role);
        Assert.Equal(assumed, side.Assumed);
        Assert.Single(side.Counterparties);
    }

    [Theory]
    [InlineData("Lumenfield", "Manufacturer", "Buyer")]
    [InlineData("Licensee", "Licensor", "Licensee")]
    [InlineData("Castellan", "Institute", "Castellan")]
    [InlineData("Brightwater", "Agency", "Client")]
    [InlineData("Marrowfield", "Bidder", "Discloser")]
    [InlineData("Hirer", "Venue Owner", "Customer")]
    [InlineData("Northgate", "Venue Owner", "Customer")]
    [InlineData("Kettlewood", "Carrier", "Customer")]
    [InlineData("Author", "Publisher", "Licensor")]
    [InlineData("Marchbank", "Publisher", "Licensor")]
    [InlineData("Designer", "Client", "Provider")]
    [InlineData("Engineer", "Contractor", "Provider")]
    public void FunctionalRole_SideNamedByCompany_TheOppositeOfTheOtherPartysRole(string ours, string theirs, string expected)
    {
        ContractParty[] parties = [new("Lumenfield Home Ltd", ours), new("Ridgeback Molding LLC", theirs)];

        Assert.Equal(expected, ReviewSide.Resolve(parties, ours)!.FunctionalRole);
    }

    [Theory]
    [InlineData("linnet", "nda", "Target")]
    [InlineData("halberd", "nda", "halberd")]
    [InlineData("linnet", "services", "linnet")]
    public void RoleIn_CompanyWhoseAcquisitionAnNdaIsAbout_TheTarget(string ours, string kind, string expected)
    {
        ContractParty[] parties = [new("Linnet Diagnostics Limited", "linnet"), new("Halberd Medical Technologies plc", "halberd")];
        const string text = "Halberd is considering making an offer to acquire the whole of the issued share capital of Linnet.";

        Assert.Equal(expected, ReviewSide.Resolve(parties, ours)!.RoleIn(kind, text));
    }

    [Fact]
    public void Resolve_MutualNdaWithoutChoice_AssumesTheFirstParty()
    {
        ContractParty[] parties = [new("Halvorsen Biologics Corp.", "Halvorsen"), new("Quillon Data Systems, Inc.", "Quillon")];

        Assert.Equal("Halvorsen", ReviewSide.Resolve(parties, null)!.Party.Role);
    }

    [Fact]
    public void Resolve_UnknownParty_ErrorListsTheParties()
    {
        ContractParty[] parties = [new("Lumenfield Software, Inc.", "Provider"), new("Carrow & Beck Outfitters, LLC", "Customer")];

        var error = Assert.Throws<TandemException>(() => ReviewSide.Resolve(parties, "licensee"));

        Assert.Contains("Lumenfield Software, Inc. (Provider); Carrow & Beck Outfitters, LLC (Customer)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--for provider", error.Hint, StringComparison.Ordinal);
    }
}
