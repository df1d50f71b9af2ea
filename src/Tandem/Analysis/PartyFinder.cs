using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Finds the parties of a contract and their defined roles in its preamble. Three drafting forms:
/// <list type="bullet">
/// <item>a party sentence: "by and between Acme Corp., a Delaware corporation ... ("Provider"), and
/// Beta LLC ... ("Customer")", also "entered into ... by Acme ... and Beta ...";</item>
/// <item>an English numbered block: "PARTIES (1) ACME LIMITED incorporated in England ...
/// ("Supplier"); and (2) BETA LTD ... ("Buyer")";</item>
/// <item>labelled lines or a table: "Licensor: Brightline Brands Ltd." or "| Licensee | Kessel Foods Inc. |".</item>
/// </list>
/// In the first two, each party is the chunk between the anchor (or the previous party) and the
/// parenthesised defined term that ends it; the name is that chunk up to its description (", a
/// Delaware corporation", " incorporated in England"). Only the opening of the document is read,
/// so a definitions section naming other entities does not add parties.
/// </summary>
public sealed partial class PartyFinder
{
    /// <summary>How much of the document's opening may hold the party sentence.</summary>
    public const int PreambleLength = 4000;

    /// <summary>Labels that name a party's role in a "Role: Name" line whatever the value looks like.</summary>
    private static readonly HashSet<string> KnownRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Customer", "Client", "Buyer", "Purchaser", "Seller", "Supplier", "Vendor", "Provider", "Service Provider", "Licensor", "Licensee",
        "Distributor", "Reseller", "Manufacturer", "Consultant", "Contractor", "Developer", "Discloser", "Disclosing Party", "Recipient",
        "Receiving Party", "Company", "Employer", "Employee", "Lessor", "Lessee", "Landlord", "Tenant", "Franchisor", "Franchisee",
        "Processor", "Controller", "Host", "Subscriber", "Agent", "Principal", "Party A", "Party B", "First Party", "Second Party",
    };

    /// <summary>Labels of a preamble's other lines (dates, addresses, signatures), never a party's role.</summary>
    private static readonly HashSet<string> NotRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Dated", "Address", "Registered Office", "Principal Office", "Attention", "Attn", "Email", "E-mail", "Phone", "Telephone", "Fax",
        "Name", "Title", "Role", "By", "Signature", "Signed", "Term", "Territory", "Reference", "Ref", "Version", "Company Number", "Registration Number",
        "Governing Law", "Jurisdiction", "Notices", "Contact", "Recitals", "Background", "Whereas", "Subject", "Re", "Schedule", "Exhibit", "Note",
    };

    private static readonly HashSet<string> NotParties = new(StringComparer.OrdinalIgnoreCase)
    {
        "Agreement", "Effective Date", "Party", "Parties", "Contract", "Terms", "Order", "Commencement Date", "Undertaking", "Deed", "Letter", "Transaction",
    };

    /// <summary>The parties in order of appearance, or an empty list when the preamble names none.</summary>
    public IReadOnlyList<ContractParty> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = text.Length > PreambleLength ? text[..PreambleLength] : text;
        var fromSentence = FromPartySentence(Flatten(raw));
        // "made on … between:" above a parties table: the sentence reader takes the table's cells for a party's name
        // and the recitals' defined terms for roles; the table's own rows say who the parties are.
        if (fromSentence.Count >= 2 && !fromSentence.Any(p => p.Name.Contains('|', StringComparison.Ordinal)))
        {
            return fromSentence;
        }

        var fromLines = FromLabelledLines(raw);
        return fromLines.Count >= 2 ? fromLines : fromSentence;
    }

    /// <summary>
    /// The parties of the first party sentence or numbered block that names two or more, each ended by its defined
    /// term: "between" in a later sentence ("any conflict between this Agreement and a Statement of Work") must not
    /// hide an earlier "entered into … by X … and Y".
    /// </summary>
    private static List<ContractParty> FromPartySentence(string opening)
    {
        var anchors = Between().Matches(opening).Take(3)
            .Concat(PartiesBlock().Matches(opening).Take(3))
            .Concat(MadeBy().Matches(opening).Take(3))
            .Concat(DatedAbove().Matches(opening).Take(1))
            .OrderBy(m => m.Index)
            .ToList();
        var best = new List<ContractParty>();
        foreach (var anchor in anchors)
        {
            var found = PartiesAfter(opening, anchor);
            if (found.Count >= 2)
            {
                return found;
            }

            if (found.Count > best.Count)
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>The parties named after <paramref name="between"/>, each ended by its defined term.</summary>
    private static List<ContractParty> PartiesAfter(string opening, Match between)
    {
        var parties = new List<ContractParty>();
        var rest = opening[(between.Index + between.Length)..];
        var chunkStart = 0;
        foreach (Match term in DefinedTerm().Matches(rest))
        {
            var (role, aliases) = RoleAndAliases(term);
            var chunk = WithoutNumber(Connector().Replace(rest[chunkStart..term.Index], string.Empty, 1), parties.Count + 1);
            if (NotParties.Contains(role))
            {
                continue;
            }

            if (parties.Count > 0 && SentenceEnd().IsMatch(chunk))
            {
                break; // a defined term after the party sentence ended
            }

            chunkStart = term.Index + term.Length;
            var name = NameOf(chunk);
            if (name.Length > 0 && !parties.Any(p => p.Role.Equals(role, StringComparison.OrdinalIgnoreCase)))
            {
                parties.Add(new ContractParty(name, role) { Home = HomeOf(chunk), Aliases = aliases });
            }
        }

        return parties;
    }

    /// <summary>("Veridian" or the "Discloser"): the role is the known role word among the terms, else the last; the others are aliases.</summary>
    private static (string Role, IReadOnlyList<string> Aliases) RoleAndAliases(Match term)
    {
        // (hereinafter "the Client"): the article inside the quotes is not part of the role.
        var terms = term.Groups["alias"].Captures.Select(c => c.Value).Append(term.Groups["term"].Value)
            .Select(t => LeadingArticle().Replace(t.Trim(), string.Empty)).ToList();
        var role = terms.LastOrDefault(KnownRoles.Contains) ?? terms[^1];
        return (role, terms.Where(t => !t.Equals(role, StringComparison.OrdinalIgnoreCase)).ToList());
    }

    /// <summary>
    /// "Licensor: Brightline Brands Ltd., a company ..." or a table row "| Licensee | Kessel Foods Inc. |":
    /// a label that is a party role (a known one, or any short title whose value is plainly an
    /// organisation or a named individual), once per role, in order.
    /// </summary>
    private static List<ContractParty> FromLabelledLines(string opening)
    {
        var parties = new List<ContractParty>();
        var roleColumn = -1;
        string? namedParty = null;
        var linesSinceName = 0;
        foreach (var line in opening.Split('\n'))
        {
            // "Party: Olmstead Industrial Group plc, incorporated …" then "Defined as: "Olmstead" or the "Majority Member"".
            if (namedParty is not null && DefinedAsLine().Match(line) is { Success: true } definedAs)
            {
                var terms = QuotedTerms(definedAs.Groups["terms"].Value);
                var partyName = NameOf(namedParty);
                if (terms.Count > 0 && partyName.Length > 0)
                {
                    var definedRole = terms.LastOrDefault(KnownRoles.Contains) ?? terms[^1];
                    if (!parties.Any(p => p.Role.Equals(definedRole, StringComparison.OrdinalIgnoreCase)))
                    {
                        parties.Add(new ContractParty(partyName, definedRole)
                        {
                            Home = HomeOf(namedParty), Aliases = terms.Where(t => !t.Equals(definedRole, StringComparison.OrdinalIgnoreCase)).ToList(),
                        });
                    }
                }

                namedParty = null;
                continue;
            }

            if (PartyLine().Match(line) is { Success: true } partyLine
                && (Organisation().IsMatch(partyLine.Groups["value"].Value) || PersonName().IsMatch(partyLine.Groups["value"].Value)))
            {
                namedParty = partyLine.Groups["value"].Value.Trim();
                linesSinceName = 0;
                continue;
            }

            // "Name: …" may be followed by "Company number: …" and "Registered office: …" before its "Defined as:" line.
            if (namedParty is not null && (++linesSinceName > MaxLinesBeforeDefinedAs || !(string.IsNullOrWhiteSpace(line) || DetailLine().IsMatch(line))))
            {
                namedParty = null;
            }

            // A plain-text table has no bars: its columns are set apart by runs of spaces ("Party    Details    Short name").
            var cells = line.Contains('|', StringComparison.Ordinal) ? line.Split('|', StringSplitOptions.TrimEntries) : ColumnGap().Split(line.Trim());
            if (cells.Length >= 2 && Array.FindIndex(cells, c => RoleHeader().IsMatch(c)) is var header and >= 0)
            {
                roleColumn = header; // "Name | Registered office | Short name": the role is in that column, whatever it says
                continue;
            }

            if (roleColumn >= 0 && cells.Length > roleColumn && ColumnParty(cells, roleColumn, line) is { } listed)
            {
                if (!parties.Any(p => p.Role.Equals(listed.Role, StringComparison.OrdinalIgnoreCase)))
                {
                    parties.Add(listed);
                }

                continue;
            }

            if (TableRowParty(line) is { } row)
            {
                if (!parties.Any(p => p.Role.Equals(row.Role, StringComparison.OrdinalIgnoreCase)))
                {
                    parties.Add(row);
                }

                continue;
            }

            var labelled = LabelledLine().Match(line);
            if (!labelled.Success)
            {
                continue;
            }

            var role = labelled.Groups["role"].Value.Trim();
            var value = labelled.Groups["name"].Value.Trim().Trim('*', '_', ' ');
            if (NotRoles.Contains(role) || NotParties.Contains(role) || parties.Any(p => p.Role.Equals(role, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // "Interim Executive: Gideon Hartwell-Pryce, … (the "Interim"). The Interim is not a party to this Agreement."
            // "**Learner:** an individual who accesses the Licensed Content": a definition, not a named party.
            if ((!KnownRoles.Contains(role) && !Organisation().IsMatch(value)) || NotAParty().IsMatch(value) || Describes().IsMatch(value))
            {
                continue;
            }

            var name = NameOf(value);
            if (name.Length > 0)
            {
                // "Supplier: Corvane B.V., … (the "Manufacturer")": the contract's own defined term is the role it uses, the
                // cover sheet's label another name for the same party.
                var defined = DefinedTerm().Match(value.Replace("*", string.Empty, StringComparison.Ordinal));
                var term = defined.Success ? LeadingArticle().Replace(defined.Groups["term"].Value.Trim(), string.Empty) : null;
                // A short name that is no role ("Brightline") stays another name for a labelled role; a label that is no
                // role either ("To: Fenwright … (the "Investor")", a letter's address line) gives way to the defined term.
                var usable = term is { Length: > 1 } && !NotParties.Contains(term) && !term.Equals(role, StringComparison.OrdinalIgnoreCase)
                    && !parties.Any(p => p.Role.Equals(term, StringComparison.OrdinalIgnoreCase));
                parties.Add(!usable ? new ContractParty(name, role) { Home = HomeOf(value) }
                    : KnownRoles.Contains(term!) || !KnownRoles.Contains(role) ? new ContractParty(name, term!) { Home = HomeOf(value), Aliases = [role] }
                    : new ContractParty(name, role) { Home = HomeOf(value), Aliases = [term!] });
            }
        }

        return parties;
    }

    /// <summary>
    /// The chunk without the number of a numbered parties block, "(2) " or ". 2. ", when it is the
    /// next party's number (so "1. Definitions" after the second party still ends the block).
    /// </summary>
    private static string WithoutNumber(string chunk, int next)
    {
        var number = PartyNumber().Match(chunk);
        if (!number.Success)
        {
            return chunk;
        }

        var value = number.Groups["n"].Value;
        var expected = int.TryParse(value, out var n) ? n == next : value.Length == 1 && char.ToLowerInvariant(value[0]) - 'a' + 1 == next;
        return expected ? chunk[number.Length..] : chunk;
    }

    /// <summary>A table row's party name: the first of <paramref name="cells"/> with words in it that reads as a name.</summary>
    private static string? FirstName(IEnumerable<string> cells) =>
        cells.Where(c => c.Any(char.IsLetter)).Select(c => NameOf(c.Trim('*', '_', ' '))).FirstOrDefault(n => n.Length > 0);

    /// <summary>A row of a parties table whose header names the role column: the role from that column, the name from the first other cell with words.</summary>
    private static ContractParty? ColumnParty(string[] cells, int roleColumn, string line)
    {
        // ""Licensor" or "Tremayne"": several defined names in the cell; the role word among them is the role, the rest aliases.
        var quoted = QuotedTerms(cells[roleColumn]);
        if (quoted.Count > 1)
        {
            var known = quoted.FirstOrDefault(KnownRoles.Contains) ?? quoted[0];
            var named = FirstName(cells.Where((_, i) => i != roleColumn));
            return named is null ? null : new ContractParty(named, known) { Home = HomeOf(line), Aliases = quoted.Where(t => t != known).ToList() };
        }

        var role = LeadingArticle().Replace(cells[roleColumn].Trim('*', '_', ' ', '"', '“', '”', '(', ')'), string.Empty).Trim('"', '“', '”', ' ');
        if (role.Length is 0 or > 40 || !char.IsUpper(role[0]) || NotParties.Contains(role) || NotRoles.Contains(role))
        {
            return null;
        }

        var name = FirstName(cells.Where((_, i) => i != roleColumn));
        return name is null ? null : new ContractParty(name, role) { Home = HomeOf(line) };
    }

    /// <summary>
    /// A table row with the defined term in a cell of its own: "1 | Wrenfield Outdoor Brands, Inc. |
    /// a Delaware corporation ... | the "Licensor"". The name is the first other cell with words in it.
    /// </summary>
    private static ContractParty? TableRowParty(string line)
    {
        var cells = line.Split('|', StringSplitOptions.TrimEntries);
        if (cells.Length < 2)
        {
            return null;
        }

        var term = cells.Select(c => TermCell().Match(c)).FirstOrDefault(m => m.Success);
        if (term is null && cells.Select(c => BareRoleCell().Match(c)).FirstOrDefault(m => m.Success && KnownRoles.Contains(m.Groups["term"].Value)) is { } bare)
        {
            // A "Short name" column without quotes: "| Larkspur Editions Limited | 27 Harcourt Terrace ... | the Licensor".
            var bareName = FirstName(cells.Where(c => c != bare.Value && !BareRoleCell().IsMatch(c)));
            return bareName is null ? null : new ContractParty(bareName, bare.Groups["term"].Value) { Home = HomeOf(line) };
        }

        if (term is null)
        {
            // "| 1 | **Corvane Outdoor Limited** (the "**Client**") | A company incorporated ... |": name and term in one cell.
            var named = cells.Select(c => (Cell: c, Term: DefinedTerm().Match(c.Replace("*", string.Empty, StringComparison.Ordinal))))
                .FirstOrDefault(x => x.Term.Success && !NotParties.Contains(x.Term.Groups["term"].Value.Trim()));
            if (named.Term is not { Success: true })
            {
                return null;
            }

            var (role, aliases) = RoleAndAliases(named.Term);
            var cellName = NameOf(named.Cell.Replace("*", string.Empty, StringComparison.Ordinal)[..named.Term.Index].Trim('_', ' '));
            return cellName.Length == 0 ? null : new ContractParty(cellName, role) { Home = HomeOf(line), Aliases = aliases };
        }

        if (NotParties.Contains(term.Groups["term"].Value))
        {
            return null;
        }

        var name = FirstName(cells.Where(c => !TermCell().IsMatch(c)));
        return name is null ? null : new ContractParty(name, term.Groups["term"].Value.Trim()) { Home = HomeOf(line) };
    }

    /// <summary>Adjectives of place a description may use ("a Swiss company") and the place they name.</summary>
    private static readonly Dictionary<string, string> Demonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["English"] = "England", ["British"] = "England", ["Scottish"] = "Scotland", ["Welsh"] = "Wales", ["Irish"] = "Ireland",
        ["Swiss"] = "Switzerland", ["German"] = "Germany", ["French"] = "France", ["Dutch"] = "Netherlands", ["Canadian"] = "Canada",
        ["Norwegian"] = "Norway", ["Swedish"] = "Sweden", ["Danish"] = "Denmark", ["Spanish"] = "Spain", ["Italian"] = "Italy",
        ["Japanese"] = "Japan", ["Australian"] = "Australia", ["Singaporean"] = "Singapore", ["Indian"] = "India", ["Belgian"] = "Belgium",
    };

    /// <summary>
    /// Where a party's description says it is incorporated: "a Delaware corporation", "an Arizona limited
    /// liability company", "incorporated and registered in England and Wales", "organised under the laws
    /// of Germany", "a Swiss company"; null when it does not say.
    /// </summary>
    private static string? HomeOf(string description)
    {
        var match = IncorporatedIn().Match(description);
        if (!match.Success)
        {
            match = PlaceAdjective().Match(description);
        }

        if (!match.Success)
        {
            return null;
        }

        var place = match.Groups["place"].Value.Trim();
        return Demonyms.TryGetValue(place, out var named) ? named : place;
    }

    /// <summary>"Lumenfield Software, Inc., a Delaware corporation having ..." → "Lumenfield Software, Inc.".</summary>
    private static string NameOf(string chunk)
    {
        var description = Description().Match(chunk);
        // "**Albion Labs, Inc.**, a corporation": a Markdown source keeps the name's emphasis.
        var name = (description.Success ? chunk[..description.Index] : chunk).Trim().TrimEnd(',', ' ').Trim().Trim('*', '_').Trim();
        name = LeadingArticle().Replace(name, string.Empty);
        // "Harbourline Deep Tech Fund II, L.P., a": a table cell that wraps before "Delaware limited partnership".
        name = TrailingArticle().Replace(name, string.Empty);
        // "Teodor Systems GmbH, Munich": the name ends with its legal form; a place after it is not part of it.
        if (NameThenPlace().Match(name) is { Success: true } legal)
        {
            name = legal.Groups["name"].Value;
        }

        return name.Length > 120 ? string.Empty : name;
    }

    private static string Flatten(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\b(?:by and between|by and among|between|among)\s*:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    /// <summary>An English parties block: "PARTIES (1) ...", "Parties: 1. ..." or, unnumbered, "**Parties:** **Acme Limited**, ...".</summary>
    [GeneratedRegex(@"\b(?:PARTIES|Parties)\b\s*:?\s*(?=\(?(?:1|a|i)[.)]\s)|\b(?:PARTIES|Parties)\b\s*:[*_]*\s*(?=[*_]*[A-Z])")]
    private static partial Regex PartiesBlock();

    /// <summary>
    /// A deed's heading block: "DATED 1 March 2025" with the parties straight after it, each ended by its defined term and
    /// joined by "- and -" ("ACME LIMITED (the "Supplier") - and - BETA LIMITED (the "Buyer")"). Not when a sentence or a
    /// "BETWEEN" / "PARTIES" anchor follows the date, which read the parties themselves.
    /// </summary>
    [GeneratedRegex(@"\b(?:DATED|Dated)\b:?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\s+(?=[A-Z(])(?!(?:BETWEEN|Between|AMONG|Among|PARTIES|Parties|THIS|This|The|THE|And|AND|By|BY)\b)")]
    private static partial Regex DatedAbove();

    /// <summary>
    /// "is entered into on 1 May 2026 by Acme ..." or "... on 1 May 2026 (the &quot;Effective Date&quot;) by Acme ..." (no "between");
    /// not the "by" of "a private company limited by shares" or "a body incorporated by royal charter" in a party's description.
    /// </summary>
    [GeneratedRegex(@"\b(?:entered into|made|executed|concluded|given)\b(?:[^.()""“”]|\([^()]{0,40}\)){0,80}?(?<!\b(?:limited|incorporated|constituted|established|created|formed|chartered|regulated|authori[sz]ed)\s)\bby\s+(?!and\b|reference\b|the parties\b|shares\b|guarantee\b|(?:royal\s+)?charter\b|statute\b|act\s+of\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MadeBy();

    /// <summary>"Licensor: Brightline Brands Ltd." / "**Licensee:** Kessel" / "| Licensee | Kessel Foods Inc. |" / "- Buyer: ...".</summary>
    [GeneratedRegex(@"^\s*(?:[-*•]\s+)?\|?\s*[*_]*(?<role>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]*){0,2})[*_]*\s*(?::[*_]*|\|)\s*(?<name>[^|\n]{2,300}?)\s*\|?\s*$")]
    private static partial Regex LabelledLine();

    /// <summary>"(2) ", ". (2) ", "2. ", "(b) " at the start of a party's chunk.</summary>
    [GeneratedRegex(@"^\.?\s*(?:\((?<n>\d{1,2}|[a-h])\)\s*|(?<n>\d{1,2})\.\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex PartyNumber();

    [GeneratedRegex(@"\b(?:incorporated|registered|organi[sz]ed|formed|established|existing)\s+(?:and\s+(?:registered|existing)\s+)?(?:in|under\s+the\s+laws?\s+of)\s+(?:the\s+(?:State|Commonwealth|Province|Republic|Kingdom)\s+of\s+)?(?<place>(?:[A-Z][a-z]+)(?:\s+(?:and\s+)?[A-Z][a-z]+)?)")]
    private static partial Regex IncorporatedIn();

    [GeneratedRegex(@"\b(?:an?|the)\s+(?<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:(?:public\s+)?(?:limited\s+)?(?:liability\s+)?(?:company|corporation|partnership)|nonprofit|non-profit|benefit\s+corporation|statutory\s+trust|GmbH|AG|plc)\b")]
    private static partial Regex PlaceAdjective();

    /// <summary>A table cell that is only a defined term: the "Licensor", ("Licensee"), “Buyer”.</summary>
    [GeneratedRegex(@"^\(?(?:the\s+)?[*_]*[""“][*_]*(?<term>[^""“”*_]{1,40})[*_]*[""”][*_]*\)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TermCell();

    /// <summary>A name that ends in its legal form and goes on with ", Place" (not with a second legal form, as "Acme, Inc.").</summary>
    [GeneratedRegex(@"^(?<name>.+?\b(?:LLC|L\.L\.C\.|Ltd\.?|Limited|Corp\.|Corporation|GmbH|AG|plc|PLC|LLP|S\.A\.|B\.V\.|N\.V\.|AS|Inc\.))(?=,\s+(?!(?:Inc|LLC|Ltd|Limited|Corp|L\.L\.C|LLP|L\.P)\b)[A-Z])")]
    private static partial Regex NameThenPlace();

    /// <summary>A value that names an organisation (by its legal form) or says it is an individual.</summary>
    [GeneratedRegex(@"\b(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Company|Co|plc|PLC|LLP|LP|GmbH|AG|S\.A|SAS|B\.V|N\.V|Pty|PBC|Partners|Trust|University|an individual)\b")]
    private static partial Regex Organisation();

    /// <summary>("Provider"), (the "Customer"), (hereinafter "Licensee"), (together with its Affiliates, "Buyer").</summary>
    [GeneratedRegex(@"\((?:[^()""“”]{0,60}?)?(?:[""“](?<alias>[^""“”]{1,40})[""”]\s*(?:,|or|and)?\s*(?:the\s+)?)*[""“](?<term>[^""“”]{1,40})[""”]\)")]
    private static partial Regex DefinedTerm();

    /// <summary>What joins one party to the next: "), and", ";", "and", "AND:".</summary>
    [GeneratedRegex(@"^[\s,;]*(?:[-–—]\s*and\s*[-–—]\s*|and\s*:?\s+|(?:in\s+favou?r|for\s+the\s+benefit)\s+of\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Connector();

    /// <summary>A full stop that ends the party sentence: ". Provider and Customer are ..."; not the stop of a legal form ("PTE. LTD.", "Sdn. Bhd.") or of an address's abbreviation ("ul. Portowa 17", "Str. 5", "Nr. 12").</summary>
    [GeneratedRegex(@"(?<!\b(?:St|Ste|No|Nos|Co|CO|Corp|CORP|Inc|INC|Ltd|LTD|Pte|PTE|Pty|PTY|Pvt|PVT|Sdn|SDN|Bhd|BHD|Mr|Ms|Mrs|Dr|Jr|Sr|Ave|Blvd|Rd|Mt|Ft|U\.S|N\.A|ul|al|pl|Ul|Al|Pl|str|Str|nr|Nr|no|Sq|Ln|Hwy|Pkwy|Ct|Bldg|Fl|[A-Z]))[.:]\s+[""“*_]*[A-Z]")]
    private static partial Regex SentenceEnd();

    // ", of 12 Orchard Rise" and " of 12 Orchard Rise": an individual's or a trust's address, not its name.
    [GeneratedRegex(@",\s+(?:an?|the)\s+|\s+\(|,\s+(?:having|with|whose|located|organi[sz]ed|incorporated|registered|residing|trading)\b|,\s+of\s+(?=[\dA-Z])|\s+of\s+(?=\d)|\s+(?:a company|a corporation|incorporated|registered|organi[sz]ed|whose registered|with (?:its|a) (?:registered|principal))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Description();

    [GeneratedRegex(@"^(?:the|and)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    /// <summary>A parties table's header cell for the defined name: "Short name", "Defined as", "Referred to as", "Role".</summary>
    [GeneratedRegex(@"^[*_]*(?:short\s+name|defined\s+(?:as|term)|referred\s+to\s+as|role|capacity)[*_]*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleHeader();

    /// <summary>A table cell that is only a role, with or without "the": "the Licensor".</summary>
    [GeneratedRegex(@"^(?:the\s+)?(?<term>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)$")]
    private static partial Regex BareRoleCell();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>", a" or ", an" left at the end of a name whose description a table cell wrapped.</summary>
    [GeneratedRegex(@",\s*(?:a|an)\s*$")]
    private static partial Regex TrailingArticle();

    /// <summary>A value that describes a kind of person rather than naming one: "an individual who …", "any person that …".</summary>
    [GeneratedRegex(@"^\s*[*_]*(?:an?|any|each|every|the)\s+(?:individual|person|entity|natural\s+person|user|member)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Describes();

    /// <summary>"The Interim is not a party to this Agreement."</summary>
    [GeneratedRegex(@"\b(?:is|are)\s+not\s+(?:a\s+)?part(?:y|ies)\s+to\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAParty();

    /// <summary>"Party: Olmstead Industrial Group plc, incorporated in England" (its defined name on the next line).</summary>
    [GeneratedRegex(@"^\s*(?:Party|Name)\s*:\s*(?<value>\S.{2,300})$", RegexOptions.IgnoreCase)]
    private static partial Regex PartyLine();

    /// <summary>How many detail or blank lines may stand between a "Name:" line and its "Defined as:" line.</summary>
    private const int MaxLinesBeforeDefinedAs = 4;

    /// <summary>A named individual as a "Name:" value: "Orla Fenwick", "Dr Priya N. Raman, of 4 Mill Street".</summary>
    [GeneratedRegex(@"^\s*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+){1,3}\s*(?:,|\(|$)")]
    private static partial Regex PersonName();

    /// <summary>A detail line of a party's block: "Company number: 09876543", "Registered office: 4 Quarry Lane".</summary>
    [GeneratedRegex(@"^\s*[A-Z][A-Za-z ./()-]{1,40}:\s*\S")]
    private static partial Regex DetailLine();

    /// <summary>"Defined as: "Olmstead" or the "Majority Member"".</summary>
    [GeneratedRegex(@"^\s*(?:Defined\s+as|Short\s+name|Referred\s+to\s+as)\s*:\s*(?<terms>.{2,200})$", RegexOptions.IgnoreCase)]
    private static partial Regex DefinedAsLine();

    /// <summary>The quoted names in <paramref name="text"/> without a leading "the": ""Olmstead" or the "Majority Member"" gives both.</summary>
    private static List<string> QuotedTerms(string text) =>
        QuotedTerm().Matches(text).Select(m => LeadingArticle().Replace(m.Groups["term"].Value.Trim(), string.Empty)).Where(t => t.Length > 1).ToList();

    /// <summary>A quoted defined term: "Olmstead", “Majority Member”.</summary>
    [GeneratedRegex(@"[""“](?<term>[^""“”]{1,40})[""”]")]
    private static partial Regex QuotedTerm();

    /// <summary>The gap between two columns of a plain-text table: a tab, or two spaces or more.</summary>
    [GeneratedRegex(@"\t+\s*|\s{2,}")]
    private static partial Regex ColumnGap();
}
