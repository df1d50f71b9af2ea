using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// The kind of contract, from its title and opening: which protections a review should expect
/// depends on it (an NDA needs no warranty period or insurance; a consulting agreement does).
/// Ids are short and stable ("nda", "saas", "licence" ...); a playbook rule's
/// <c>expected_for</c> lists the ids it applies to.
/// </summary>
public static partial class ContractKinds
{
    /// <summary>Every kind Tandem detects, by id, with its name; the first whose pattern matches the title wins, then the opening.</summary>
    public static IReadOnlyList<(string Id, string Name, Regex Pattern)> All { get; } =
    [
        ("nda", "nondisclosure agreement", Nda()),
        ("patent-licence", "patent licence", PatentLicence()),
        ("joint-development", "joint development agreement", JointDevelopment()),
        ("hosting", "hosting or data processing agreement", Hosting()),
        ("saas", "SaaS subscription agreement", Saas()),
        ("distribution", "distribution agreement", Distribution()),
        ("supply", "supply agreement", Supply()),
        // Before the licence: a "Software Development and Licence Agreement" is a services contract that licenses its results.
        ("services", "services or consulting agreement", Services()),
        ("licence", "licence agreement", Licence()),
        ("employment", "employment or individual consulting agreement", Employment()),
        ("lease", "lease agreement", Lease()),
        ("sponsorship", "sponsorship agreement", Sponsorship()),
    ];

    /// <summary>The kind's id, or "other" when nothing matches; <paramref name="title"/> is the document's title or first heading.</summary>
    public static string Detect(string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var opening = text.Length > 3000 ? text[..3000] : text;
        foreach (var source in new[] { title ?? string.Empty, FirstLine(text), opening })
        {
            foreach (var (id, _, pattern) in All)
            {
                if (pattern.IsMatch(source))
                {
                    return id;
                }
            }
        }

        return "other";
    }

    /// <summary>
    /// The kind of a stored contract, from its first heading (or title) and opening; when they name no kind
    /// ("Framework Agreement", "Master Agreement"), from the roles the parties are given (<see cref="FromRoles"/>).
    /// </summary>
    public static string Of(Store.StoredDocument document, IReadOnlyList<ContractParty>? parties = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var kind = Detect(document.Clauses.FirstOrDefault()?.Clause.Heading ?? document.Title, document.Text);
        return kind == "other" && parties is not null ? FromRoles(parties.Select(p => p.Role)) : kind;
    }

    /// <summary>
    /// The kind the parties' defined roles imply ("Supplier" and "Buyer" make a supply agreement), or "other" when
    /// they imply none or two (a lessor, a sponsor, or roles of two kinds at once).
    /// </summary>
    public static string FromRoles(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var all = roles.Select(r => r.Trim()).ToList();
        // Shareholders or investors make an investment or joint venture, where a "Sponsor" is the lead investor, not a sponsorship.
        if (all.Any(r => OwnerRoles.Contains(r)))
        {
            return "other";
        }

        var kinds = all.Select(r => RoleKinds.TryGetValue(r, out var k) ? k : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        // A supplier appointing a distributor is a distribution: the supplier sells it the goods it resells.
        if (kinds.Count == 2 && kinds.Contains("distribution") && kinds.Contains("supply"))
        {
            return "distribution";
        }

        return kinds.Count == 1 ? kinds[0] : "other";
    }

    /// <summary>
    /// Roles that belong to one kind of contract only. "Customer", "Client" and "Company" are left out: a customer buys
    /// goods, services and subscriptions alike, so only the other party's role tells the kind.
    /// </summary>
    private static readonly Dictionary<string, string> RoleKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Supplier"] = "supply", ["Seller"] = "supply", ["Buyer"] = "supply", ["Purchaser"] = "supply",
        ["Licensor"] = "licence", ["Licensee"] = "licence",
        ["Distributor"] = "distribution", ["Reseller"] = "distribution", ["Dealer"] = "distribution", ["Franchisor"] = "distribution",
        ["Franchisee"] = "distribution", ["Agent"] = "distribution",
        ["Service Provider"] = "services", ["Consultant"] = "services", ["Contractor"] = "services", ["Consultancy"] = "services",
        ["Discloser"] = "nda", ["Recipient"] = "nda", ["Disclosing Party"] = "nda", ["Receiving Party"] = "nda",
        ["Employer"] = "employment", ["Employee"] = "employment", ["Executive"] = "employment",
        ["Lessor"] = "lease", ["Lessee"] = "lease", ["Landlord"] = "lease", ["Tenant"] = "lease", ["Hirer"] = "lease",
        ["Sponsor"] = "sponsorship", ["Organizer"] = "sponsorship", ["Organiser"] = "sponsorship", ["Rights Holder"] = "sponsorship",
    };

    /// <summary>Roles that hold shares or units in a company: their contract is an investment, whatever the other roles.</summary>
    private static readonly HashSet<string> OwnerRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Investor", "Investors", "Shareholder", "Shareholders", "Member", "Members", "Minority Member", "Majority Member",
        "Minority Shareholder", "Majority Shareholder", "Subscriber",
    };

    /// <summary>The kind's name for a report header, e.g. "SaaS subscription agreement".</summary>
    public static string NameOf(string id) => All.FirstOrDefault(k => k.Id == id).Name ?? "contract of another kind";

    /// <summary>Whether <paramref name="id"/> is a kind Tandem knows (or "other").</summary>
    public static bool IsKnown(string id) => id == "other" || All.Any(k => k.Id == id);

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    [GeneratedRegex(@"\b(?:non-?disclosure|confidentiality|confidential\s+disclosure|secrecy)(?:(?:,|\s+and)\s+[\w-]+(?:\s+(?!(?:this|the|that|any|such|of|under)\b)[\w-]+)?){0,3}\s+agreement\b|\bNDA\b|\b(?:non-?disclosure|confidentiality)\s+(?:undertaking|letter|deed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Nda();

    [GeneratedRegex(@"\b(?:patent|know[- ]how|technology)(?:\s+and\s+(?:know[- ]how|technology|patent))?\s+licen[cs]e\b", RegexOptions.IgnoreCase)]
    private static partial Regex PatentLicence();

    [GeneratedRegex(@"\b(?:joint\s+(?:development|breeding|research)|co-?development|joint\s+venture|research\s+and\s+development\s+collaboration|collaboration|consortium|(?:sponsored\s+)?research(?:\s+collaboration)?)(?:\s+and\s+(?:joint\s+venture|co-?development|collaboration|licen[cs]e))?\s+agreement\b", RegexOptions.IgnoreCase)]
    private static partial Regex JointDevelopment();

    [GeneratedRegex(@"\b(?:hosting|data\s+processing|processing|colocation)\s+(?:services\s+)?agreement\b|\bdata\s+processing\s+addendum\b|\b(?:hosting|infrastructure|backup|disaster\s+recovery|colocation)(?:\s+(?:and\s+)?(?!(?:of|the|this|that|under|to|for|in|by|with|agreement|outsourcing)\b)[\w-]+){0,4}\s+(?:services\s+)?agreement\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hosting();

    // "API Access and Platform Agreement": a developer subscribing to a hosted API is a SaaS customer.
    [GeneratedRegex(@"\b(?:saas|software[- ]as[- ]a[- ]service|subscription)\s+(?:(?:and\s+)?services\s+)?agreement\b|\bAPI(?:\s+(?:access|services?|subscription|platform))*(?:\s+and\s+(?:platform|services?|data))?\s+agreement\b|\bsaas\b|\b(?:online\s+|cloud\s+|platform\s+|subscription\s+)?terms\s+of\s+(?:service|use)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Saas();

    /// <summary>
    /// Agencies that sell their own services (creative, media, marketing, recruitment): their agreements are services; a
    /// sales or tour agency sells the principal's goods and is a distribution.
    /// </summary>
    private const string ServiceAgency = @"(?:creative|advertising|media(?:\s+buying)?|marketing|digital|design|branding|recruitment|staffing|employment|PR|public\s+relations|talent|content)(?:\s+and\s+[\w-]+(?:\s+[\w-]+)?)?";

    [GeneratedRegex(@"\b(?:distribution|distributor|reseller|dealer(?:ship)?|franchise|(?<!\b" + ServiceAgency + @"\s+)agency|referral|co-?marketing)(?:\s+and\s+(?:distribution|reseller|referral|co-?marketing|agency|brand|trade\s*mark))?(?:\s+partner(?:ship)?)?\s+agreement\b|\b(?:channel|solution|referral|reseller)\s+partner(?:\s+program(?:me)?)?\s+agreement\b", RegexOptions.IgnoreCase)]
    private static partial Regex Distribution();

    // "OEM Manufacturing and Trade Mark Licence Agreement": the goods are the deal, the licence serves them.
    [GeneratedRegex(@"\b(?:supply|purchas(?:e|ing)|procurement|manufacturing|bottling|co-?packing|canning)(?:\s+and\s+[\w-]+(?:\s+[\w-]+){0,2})?\s+agreement\b|\bagreement\s+for\s+the\s+(?:supply|sale|purchase)\s+of\s+(?:[\w-]+\s+){0,3}(?:goods|products|equipment|materials|components|parts)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Supply();

    [GeneratedRegex(@"\b(?:software\s+)?licen[cs]e(?:\s+and\s+(?:support|maintenance)(?:\s+and\s+(?:support|maintenance))?)?\s+agreement\b|\bend[- ]user\s+licen[cs]e\b", RegexOptions.IgnoreCase)]
    private static partial Regex Licence();

    [GeneratedRegex(@"\b(?:employment|independent\s+contractor)\s+agreement\b", RegexOptions.IgnoreCase)]
    private static partial Regex Employment();

    [GeneratedRegex(@"\b(?:equipment|vehicle|master|commercial|finance|operating)\s+(?:equipment\s+)?lease(?:\s+agreement)?\b|\blease\s+agreement\b|^\s*lease\s*$|\b(?:hire|rental)\s+agreement\b|\bagreement\s+for\s+the\s+(?:hire|rental|leasing)\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex Lease();

    [GeneratedRegex(@"\bsponsorship\s+agreement\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sponsorship();

    [GeneratedRegex(@"\b(?:services|consulting|consultancy|professional\s+services|master\s+services|outsourcing|(?<!licen[cs]e\s+and\s+)(?:software\s+)?(?:support|maintenance|support\s+and\s+maintenance|maintenance\s+and\s+support)|(?:software\s+)?development(?:\s+and\s+(?:[\w-]+\s+)?licen[cs]e)?)\s+agreement\b|\bstatement\s+of\s+work\b|\bagreement\s+for\s+(?:the\s+)?(?:provision\s+of\s+)?(?:[\w-]+\s+){0,4}services\b|\b(?:deed|agreement|letter)\s+of\s+appointment\b|\bappointment\s+(?:agreement|of\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:architect|engineer|consultant|contractor|surveyor|designer|project\s+manager|managing\s+agent)s?)\b|\bpanel\s+appointment\b|\b(?:property|facilities|facility|asset|project|estate|hotel|hospitality|resort)\s+management\s+agreement\b|\bterms\s+of\s+business\b|\bsubcontract(?:\s+[\w-]+){0,2}\s+agreement\b|\bservices\s+subcontract\b|\b(?:haulage|carriage|freight|logistics|warehousing|transport(?:ation)?)\s+(?:services\s+)?agreement\b|\bretainer\s+agreement\b|\bclinical\s+(?:trial|study|investigation|research)(?:\s+site)?\s+agreement\b|\b(?:influencer|ambassador)(?:\s+[\w-]+){0,2}\s+agreement\b|\binsertion\s+order\b|\b" + ServiceAgency + @"\s+agency\s+(?:services\s+|retainer\s+)?agreement\b|\bagreement\s+for\s+the\s+(?:supply|provision)\s+of\s+(?:[\w-]+\s+){0,3}(?:services|contractors|staff|personnel|consultants|labour|workers)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Services();
}
