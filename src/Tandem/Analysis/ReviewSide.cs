using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// The party a review is for, among the contract's parties. Without a choice the review takes the
/// side the playbook was written for (customer, client, buyer, licensee, recipient ...), else the
/// first party, and says so.
/// </summary>
/// <param name="Party">The party under review.</param>
/// <param name="Parties">Every party the preamble names.</param>
/// <param name="Assumed">True when Tandem chose the side because none was given.</param>
public sealed record ReviewSide(ContractParty Party, IReadOnlyList<ContractParty> Parties, bool Assumed)
{
    /// <summary>Roles that receive the goods, services or information: the side the shipped playbook defends.</summary>
    public static readonly IReadOnlyList<string> ReceivingRoles =
    [
        "Customer", "Client", "Buyer", "Purchaser", "Licensee", "Recipient", "Receiving Party", "Subscriber", "Distributor", "Reseller", "Company", "Tenant", "Lessee",
    ];

    /// <summary>Whether the side receives the goods, services or information (its <see cref="FunctionalRole"/> is one of <see cref="ReceivingRoles"/>).</summary>
    public bool Receives => ReceivingRoles.Contains(FunctionalRole, StringComparer.OrdinalIgnoreCase);

    /// <summary>The other parties: the counterparties of this review.</summary>
    public IEnumerable<ContractParty> Counterparties => Parties.Where(p => p != Party);

    /// <summary>
    /// The side's role as a role word: its own when the contract gives one ("Licensee"), else the opposite of the
    /// other party's ("Lumenfield" facing a "Manufacturer" buys from it: "Buyer"). Playbook entries for one side of a
    /// kind (<c>licence/licensee</c>) and role-specific deviations read this, so a party the contract names only by its
    /// company name is still judged as the buyer, licensee or client it is.
    /// </summary>
    public string FunctionalRole =>
        KnownRoles.Contains(Party.Role) ? Party.Role
        : Synonyms.GetValueOrDefault(Party.Role) is { } synonym ? synonym
        : Counterparties.Select(c => Opposites.GetValueOrDefault(Synonyms.GetValueOrDefault(c.Role) ?? c.Role)).Distinct(StringComparer.OrdinalIgnoreCase).ToList() is [{ } only] ? only
        : Party.Role;

    /// <summary>
    /// Trade names for a role the playbook knows: a hirer or shipper buys a service as a customer does, a carrier or
    /// venue owner provides one. Only a role word with no entry of its own is read through them.
    /// </summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Hirer"] = "Customer", ["Shipper"] = "Customer", ["Merchant"] = "Customer", ["Exhibitor"] = "Customer", ["Member"] = "Customer",
        ["Carrier"] = "Provider", ["Forwarder"] = "Provider", ["Venue Owner"] = "Provider", ["Venue"] = "Provider", ["Caterer"] = "Provider",
        ["Laboratory"] = "Provider", ["Integrator"] = "Provider", ["Producer"] = "Provider", ["Operator"] = "Provider",
        ["Subcontractor"] = "Provider", ["Engineer"] = "Provider", ["Architect"] = "Provider", ["Subconsultant"] = "Provider", ["Prime Contractor"] = "Client", ["Manager"] = "Provider", ["Property Manager"] = "Provider", ["Courier"] = "Provider",
        ["Author"] = "Licensor", ["Publisher"] = "Licensee", ["OEM"] = "Buyer", ["Designer"] = "Provider", ["Studio"] = "Provider", ["CRO"] = "Provider", ["Creator"] = "Licensor",
    };

    /// <summary>The role the other side of a party with this role plays.</summary>
    private static readonly Dictionary<string, string> Opposites = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Supplier"] = "Buyer", ["Seller"] = "Buyer", ["Manufacturer"] = "Buyer", ["Vendor"] = "Customer",
        ["Buyer"] = "Supplier", ["Purchaser"] = "Seller",
        ["Licensor"] = "Licensee", ["Licensee"] = "Licensor",
        ["Franchisor"] = "Franchisee", ["Franchisee"] = "Franchisor",
        ["Provider"] = "Customer", ["Service Provider"] = "Customer", ["Consultant"] = "Client", ["Consultancy"] = "Client",
        ["Contractor"] = "Client", ["Agency"] = "Client", ["Developer"] = "Client",
        ["Distributor"] = "Supplier", ["Reseller"] = "Vendor", ["Agent"] = "Principal", ["Principal"] = "Agent",
        ["Discloser"] = "Recipient", ["Disclosing Party"] = "Receiving Party", ["Recipient"] = "Discloser", ["Receiving Party"] = "Disclosing Party",
        ["Employer"] = "Employee", ["Employee"] = "Employer", ["Lessor"] = "Lessee", ["Lessee"] = "Lessor",
        ["Landlord"] = "Tenant", ["Tenant"] = "Landlord", ["Processor"] = "Controller", ["Controller"] = "Processor",
        // Who receives information in a tender or an investment: the side under review is the one disclosing it.
        ["Bidder"] = "Discloser", ["Tenderer"] = "Discloser", ["Investor"] = "Discloser",
    };

    /// <summary>Role words: a party with one of these plays that role (a company-name role does not).</summary>
    private static readonly HashSet<string> KnownRoles = new(
        Opposites.Keys.Concat(Opposites.Values).Concat(["Customer", "Client", "Company", "Subscriber", "Sponsor", "Institute", "University"]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The side's role for what a contract of <paramref name="kind"/> should contain: <see cref="FunctionalRole"/>, except
    /// that a party a confidentiality agreement names only by its company name, and whose acquisition the agreement is
    /// about ("Proposed acquisition of Linnet Diagnostics Limited"), is the target: the company opening its books.
    /// </summary>
    public string RoleIn(string? kind, string documentText)
    {
        ArgumentNullException.ThrowIfNull(documentText);
        var role = FunctionalRole;
        if (kind != "nda" || KnownRoles.Contains(role))
        {
            return role;
        }

        var names = Party.Aliases.Append(Party.Role).Append(Party.Name).Where(n => n.Length > 1).Select(Regex.Escape);
        var acquired = new Regex(
            $@"\b(?:acqui(?:re|res|ring|sition)|purchase|takeover|buy(?:ing)?)\b(?:[^.;]){{0,80}}?\b(?:of|in)\s+(?:the\s+)?(?:{string.Join("|", names)})\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Timeout);
        return RegexBudget.Run(() => acquired.IsMatch(documentText) ? "Target" : role, () => role);
    }

    /// <summary>"Carrow &amp; Beck Outfitters, LLC (Customer)".</summary>
    public string Describe() => Label(Party);

    /// <summary>
    /// The side <paramref name="spec"/> names (a role such as "provider" or a name such as
    /// "Lumenfield"), or the assumed one when <paramref name="spec"/> is null; null when the
    /// contract names no parties and none was asked for.
    /// </summary>
    public static ReviewSide? Resolve(IReadOnlyList<ContractParty> parties, string? spec)
    {
        ArgumentNullException.ThrowIfNull(parties);
        if (spec is null)
        {
            if (parties.Count == 0)
            {
                return null;
            }

            var receiving = parties.FirstOrDefault(p => ReceivingRoles.Contains(p.Role, StringComparer.OrdinalIgnoreCase));
            return new ReviewSide(receiving ?? parties[0], parties, Assumed: true);
        }

        var wanted = spec.Trim();
        if (parties.Count == 0)
        {
            // The preamble names nobody Tandem could find: review for the party as given.
            return new ReviewSide(new ContractParty(wanted, wanted), [new ContractParty(wanted, wanted)], Assumed: false);
        }

        var match = parties.FirstOrDefault(p => p.Role.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? parties.FirstOrDefault(p => p.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase) || p.Aliases.Contains(wanted, StringComparer.OrdinalIgnoreCase))
            ?? Single(parties.Where(p => p.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || p.Role.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList())
            ?? throw new TandemException($"'{wanted}' is not one of this contract's parties ({string.Join("; ", parties.Select(Label))})",
                $"pass --for with a role or a name, e.g. --for {parties[0].Role.ToLowerInvariant()}");
        return new ReviewSide(match, parties, Assumed: false);
    }

    /// <summary>The side of a stored contract: its preamble's parties, resolved against <paramref name="spec"/> as <see cref="Resolve"/> does.</summary>
    public static ReviewSide? Of(Store.StoredDocument document, string? spec)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Resolve(new PartyFinder().Find(document.Text), spec);
    }

    private static ContractParty? Single(List<ContractParty> candidates) => candidates.Count == 1 ? candidates[0] : null;

    /// <summary>"Lumenfield Software, Inc. (Provider)", or the name alone when it is its own role.</summary>
    public static string Label(ContractParty party) =>
        party is null ? string.Empty : party.Name.Equals(party.Role, StringComparison.OrdinalIgnoreCase) ? party.Name : $"{party.Name} ({party.Role})";
}
