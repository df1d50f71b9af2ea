using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Reads whose right and whose duty a clause states, from the parties' defined terms: the subject
/// of a permissive verb ("may", "is entitled to", "reserves the right to"), of discretion ("in its
/// sole discretion"), of a liability cap or exclusion ("Provider's liability shall not exceed",
/// "in no event shall Provider be liable") gains; the subject of an obligation ("shall", "must",
/// "agrees to"), a restriction ("shall not", "may not") or a transfer ("hereby assigns") is bound.
/// "Either party", "each party" and "neither party" make the clause mutual. Party names and their
/// roles both count as subjects. This is grammar over one clause, not a model: it answers for the
/// common drafting forms and says "unclear" otherwise.
/// </summary>
public sealed partial class ClauseBeneficiaries
{
    private const string MutualSubject = @"(?:either|each|neither|any|a|both)\s+(?:of\s+the\s+)?part(?:y|ies)|the\s+parties|each\s+of\s+them";
    /// <summary>Each party's role and running-text name, mapped to its role (the first party's, should two share one).</summary>
    private readonly Dictionary<string, string> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex _subject;
    /// <summary>Further parties joined to a subject: "and the Patent Owner", "nor Licensor", ", Provider".</summary>
    private readonly Regex _coordinated;
    /// <summary>"If (or before) the Distributor … proposes to sell …, it shall first offer": the pronoun stands for the condition's subject.</summary>
    private readonly Regex _conditionalPronoun;

    public ClauseBeneficiaries(IReadOnlyList<ContractParty> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        foreach (var party in parties)
        {
            _roles.TryAdd(party.Role, party.Role);
            _roles.TryAdd(ShortName(party.Name), party.Role);
            foreach (var alias in party.Aliases)
            {
                _roles.TryAdd(alias, party.Role);
            }
        }

        var names = parties.SelectMany(p => p.Aliases.Prepend(ShortName(p.Name)).Prepend(p.Role)).Where(n => n.Length > 1)
            .Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).Select(Regex.Escape).ToList();
        var subject = names.Count == 0 ? MutualSubject : $@"(?:the\s+)?(?:{string.Join("|", names)})\b|{MutualSubject}";
        _subject = new Regex($@"\b(?<subject>{subject})(?<possessive>['’]s)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexBudget.Timeout);
        var anyParty = names.Count == 0 ? "(?!)" : $@"(?:the\s+)?(?:{string.Join("|", names)})\b";
        _coordinated = new Regex($@"^(?:\s*(?:,\s*)?(?:and|or|nor)\s+{anyParty}|\s*,\s*{anyParty}(?=\s*,|\s+(?:and|or)\b))+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexBudget.Timeout);
        _conditionalPronoun = new Regex(
            $@"\b(?:if|where|when|whenever|should|unless|before|after|once|until|each\s+time|in\s+the\s+event\s+that)\s+(?:(?:at\s+any\s+time|during\s+the\s+term|in\s+any\s+year)[\s,]+){{0,2}}(?<subject>{anyParty})(?:[^.;]|\.(?=\w)){{0,400}}?,\s*(?:then\s+)?(?:it|they)\b(?=\s+(?:shall|will|may|must|can|agrees?|undertakes?|is|are)\b)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexBudget.Timeout);
    }

    /// <summary>Who gains and who is bound by <paramref name="clause"/> (no one, for a clause too slow to read).</summary>
    public ClauseStance Read(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return RegexBudget.Run(() => ReadOnce(clause), () => ClauseStance.None);
    }

    /// <summary><see cref="Read"/>, throwing <see cref="RegexMatchTimeoutException"/> when a match takes too long.</summary>
    private ClauseStance ReadOnce(string clause)
    {
        var benefits = new List<string>();
        var burdens = new List<string>();
        bool mutualBenefit = false, mutualBurden = false;
        var skipUntil = -1;
        foreach (Match m in _subject.Matches(clause))
        {
            if (m.Index < skipUntil)
            {
                continue;
            }

            var role = RoleOf(m.Groups["subject"].Value);
            var end = m.Index + m.Length;
            var before = clause[Math.Max(0, m.Index - 100)..m.Index];
            var joined = m.Groups["possessive"].Success ? null : _coordinated.Match(clause, end, Math.Min(clause.Length, end + 200) - end);
            var negated = Neither().IsMatch(before);
            // "… solely from the Manufacturer, and the Buyer shall not …": a party that ends a prepositional phrase is an
            // object, and what follows the comma is the next subject's sentence (read on its own), not a joint subject.
            if (joined is { Success: true } && joined.Value.TrimStart().StartsWith(',') && ObjectOfPreposition().IsMatch(before))
            {
                continue;
            }

            // "As between the parties, the Licensor owns …"; "As between the Licensor and the Licensee, the Licensee
            // owns …": a phrase that names the parties and ends at a comma only frames the sentence; its subject follows.
            var phraseEnd = joined is { Success: true } ? end + joined.Length : end;
            if (AsBetween().IsMatch(before) && clause.AsSpan(phraseEnd).TrimStart().StartsWith(","))
            {
                skipUntil = phraseEnd;
                continue;
            }

            if (joined is { Success: true })
            {
                negated |= Nor().IsMatch(joined.Value);
                end += joined.Length;
            }

            var after = clause[end..Math.Min(clause.Length, end + 300)];
            if (negated)
            {
                // "Neither Licensor nor Patent Owner shall be liable"; "neither Franchisee nor any Owner shall own": the
                // party's own people are dropped first, so the negation reaches the verb.
                after = NegatableVerb().Replace(WithoutOwnPeople(after), "$1 not", 1);
            }

            var effect = m.Groups["possessive"].Success ? Possessive(after, before)
                : LiabilityOf().IsMatch(before) ? LiabilityOfEffect(clause[end..Math.Min(clause.Length, end + 300)], before)
                : Verb(after, before);
            Add(role, effect);
        }

        foreach (Match m in _conditionalPronoun.Matches(clause))
        {
            var end = m.Index + m.Length;
            Add(RoleOf(m.Groups["subject"].Value), Verb(clause[end..Math.Min(clause.Length, end + 160)], string.Empty));
        }

        return new ClauseStance(benefits.Distinct(StringComparer.Ordinal).ToList(), burdens.Distinct(StringComparer.Ordinal).ToList(), mutualBenefit, mutualBurden);

        void Add(string? role, int effect)
        {
            if (effect == 0)
            {
                return;
            }

            if (role is null)
            {
                mutualBenefit |= effect > 0;
                mutualBurden |= effect < 0;
            }
            else
            {
                (effect > 0 ? benefits : burdens).Add(role);
            }
        }
    }

    /// <summary>"The total liability of the Licensor and the Patent Owner, taken together, … shall not exceed" gains; "… shall be unlimited" binds.</summary>
    private static int LiabilityOfEffect(string after, string before)
    {
        if (NotApplyTo().IsMatch(before))
        {
            return -1; // "No limitation applies to the liability of the Licensee"
        }

        return LiabilityOfUnlimited().IsMatch(after) ? -1 : LiabilityOfCapped().IsMatch(after) ? +1 : 0;
    }

    /// <summary>+1 when the subject gains by what follows it, -1 when it is bound, 0 when neither.</summary>
    private static int Verb(string after, string before)
    {
        after = WithoutOwnPeople(after);

        if (NoLiability().IsMatch(before))
        {
            return +1; // "in no event shall Provider be liable"
        }

        if (PassiveRightBy().IsMatch(before))
        {
            return +1; // "A Statement of Work may be terminated only as follows: (a) by the Consultant, at any time"
        }

        if (PassiveDutyBy().IsMatch(before))
        {
            return -1; // "the Fees shall be paid by the Customer"
        }

        if (NotOwedTo().IsMatch(before))
        {
            return 0; // "reserves the right, without any obligation to pay commission … to the Distributor": nothing is given to it
        }

        if (NothingGrants().IsMatch(before))
        {
            return 0; // "nothing in this Agreement grants the Licensee any rights in them": no grant
        }

        if (Grantee().IsMatch(before))
        {
            // "Licensor grants to Licensee" gains; "all licenses granted to Licensee end" takes away.
            return GrantEnds().IsMatch(after) ? -1 : +1;
        }

        if (NotApplyTo().IsMatch(before))
        {
            return -1; // "the limitations shall not apply to Customer"
        }

        if (ApplyOnlyTo().IsMatch(before))
        {
            return +1; // "the limitations apply only to Provider"
        }

        if (NotLiable().IsMatch(after) || NoObligation().IsMatch(after))
        {
            return +1; // "shall not be liable"; "neither the Investor nor its Representatives shall have any obligation"
        }

        if (NothingRestricts().IsMatch(before))
        {
            return +1; // "Nothing in this Agreement restricts the Investor from using …": the subject stays free
        }

        if (Relative().IsMatch(before) && Holding().IsMatch(after))
        {
            return 0; // "any patent that the Sponsor owns or controls" describes, it grants nothing
        }

        if (ConsentCondition().IsMatch(before) && Consents().IsMatch(after))
        {
            return +1; // "a revision shall take effect only if the Customer agrees to it": a veto, not an undertaking
        }

        if (Restriction().IsMatch(after) || NarrowedRight().IsMatch(after))
        {
            return -1; // "may not terminate"; "may terminate this Agreement only under clause 11.3"
        }

        if (Right().IsMatch(after))
        {
            return +1;
        }

        return Duty().IsMatch(after) ? -1 : 0;
    }

    /// <summary>
    /// What follows a subject without a bracketed phrase and the party's own people: "Manufacturer or its designated
    /// representative may"; "Company, its Affiliates and their designees may"; "Franchisee nor any Owner shall".
    /// </summary>
    private static string WithoutOwnPeople(string after)
    {
        after = OnBehalf().Replace(Bracketed().Replace(after, string.Empty, 1), string.Empty, 1);
        after = OnBehalfAfterVerb().Replace(after, "$1 ", 1);
        after = OwnPeople().Replace(OwnPeople().Replace(after, string.Empty, 1), string.Empty, 1);
        return AuthorisedPerson().Replace(CoSubject().Replace(after, string.Empty, 1), string.Empty, 1);
    }

    /// <summary>"The Licensee, on behalf of itself, its Affiliates and any successor in title, irrevocably covenants": who else it speaks for.</summary>
    [GeneratedRegex(@"^\s*,\s*(?:(?:for\s+and\s+)?on\s+behalf\s+of|for)\s+itself\b(?:[^.;]|\.(?=\d)){0,200}?,\s*(?:\w+ly\s+(?:and\s+)?){0,3}(?=(?:covenants?|agrees?|undertakes?|releases?|waives?|shall|will|may|must|hereby)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OnBehalf();

    /// <summary>"Nothing in this Agreement grants (to) the Licensee": a grant denied.</summary>
    [GeneratedRegex(@"\bnothing\b(?:[^.;]){0,80}\b(?:grants?|confers?|transfers?|assigns?|gives?)\s+(?:to\s+)?(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NothingGrants();

    /// <summary>"As between ", "between ": what follows names the parties a framing phrase is about, not a subject.</summary>
    [GeneratedRegex(@"\bbetween\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AsBetween();

    /// <summary>"Cellquartz undertakes, for itself and its successors and assigns, that it shall not …": the same, after the verb.</summary>
    [GeneratedRegex(@"^(\s*(?:\w+ly\s+)?(?:covenants?|agrees?|undertakes?))\s*,\s*(?:(?:for\s+and\s+)?on\s+behalf\s+of|for)\s+itself\b(?:[^.;]|\.(?=\d)){0,200}?,\s*(?=(?:that|to|not|with)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OnBehalfAfterVerb();

    /// <summary>"The Client and any person it authorises, including its auditors, may"; "Licensor or auditors nominated by it may": whoever the party authorises acts for it.</summary>
    [GeneratedRegex(@"^\s*(?:,\s*)?(?:and|or)\s+any\s+(?:person|persons|one|third\s+party)\s+(?:(?:whom|that)\s+)?(?:(?:it|they)\s+(?:authori[sz]es|appoints|nominates|designates)|(?:authori[sz]ed|appointed|nominated|designated)\s+by)\b(?:[^.;]|\.(?=\d)){0,120}?(?=\s(?:may|shall|will|must|can)\b)|^\s*(?:,\s*)?(?:and|or)\s+(?:its\s+|any\s+|the\s+)?(?:auditors?|agents?|representatives?|advisers?|accountants?|inspectors?)\s+(?:nominated|appointed|authori[sz]ed|designated|engaged)\s+by\s+(?:it|them)(?=\s+(?:may|shall|will|must|can)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorisedPerson();

    /// <summary>
    /// "The Processor, its auditors and any Card Scheme may": a defined non-party joined to the subject acts with it,
    /// so the verb still tells what the party gains. Case-sensitive: the joined name is a capitalised defined term.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:,\s*)?(?:and|or)\s+(?:any|each|the|all)\s+(?:[A-Z][\w-]*\s+){1,4}(?=(?:may|shall|will|must|can)\b)")]
    private static partial Regex CoSubject();

    /// <summary>"Provider's liability shall not exceed" gains; "Customer's liability shall not be limited" is bound; "at Provider's sole discretion" gains.</summary>
    private static int Possessive(string after, string before)
    {
        if (NotApplyTo().IsMatch(before))
        {
            return -1; // "No limitation in this Agreement shall apply to Shipper's obligations"
        }

        if (Discretion().IsMatch(before) && DiscretionAfter().IsMatch(after))
        {
            return +1;
        }

        if (UnlimitedLiability().IsMatch(after) || SoleRemedy().IsMatch(after))
        {
            return -1;
        }

        if (CappedLiability().IsMatch(after))
        {
            return +1;
        }

        // "Veridian's Affiliates, and their directors, may enforce": the party's people act for it.
        return GroupSubject().Match(after) is { Success: true } group ? Verb(group.Groups["verb"].Value, string.Empty) : 0;
    }

    private string? RoleOf(string subject) => _roles.GetValueOrDefault(LeadingThe().Replace(subject.Trim(), string.Empty));

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingThe();

    /// <summary>"Lumenfield Software, Inc." → "Lumenfield Software": how the parties are named in running text.</summary>
    private static string ShortName(string name) =>
        Regex.Replace(name, @"[,\s]+(?:inc|llc|ltd|corp|corporation|company|co|plc|gmbh|s\.a|l\.p|lp|llp)\.?$", string.Empty, RegexOptions.IgnoreCase).Trim();

    [GeneratedRegex(@"\b(?:in\s+no\s+event|under\s+no\s+circumstances)\s+(?:shall|will|is|may)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex NoLiability();

    [GeneratedRegex(@"^\s*(?:(?:shall|will|is|are)\s+not\s+(?:be\s+)?(?:liable|responsible)\b|(?:shall|will)\s+(?:have|bear|incur)\s+no\s+(?:liability|responsibility)\b|(?:has|bears|incurs)\s+no\s+(?:liability|responsibility)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NotLiable();

    [GeneratedRegex(@"^\s*(?:shall|will)\s+not\s+(?:(?:have|be\s+under|owe)\s+any\s+(?:\w+\s+)?(?:obligation|liability|duty|responsibility)\b|be\s+(?:obliged|required|bound|obligated)\s+to\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NoObligation();

    [GeneratedRegex(@"\bnothing\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:restricts?|prevents?|limits?|prohibits?|precludes?|stops?|restrains?)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NothingRestricts();

    [GeneratedRegex(@"^\s*(?:(?:shall|will|may|must|can|does|do)\s*not|cannot|agrees?\s+not\s+to|covenants?\s+not\s+to|is\s+not\s+(?:permitted|allowed|entitled)|shall\s+in\s+no\s+event|(?:shall|will)\s+have\s+no\s+right|has\s+no\s+right)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Restriction();

    /// <summary>
    /// A right confined to what another clause allows: "may terminate this Agreement only under clause 11.3", "may only
    /// terminate for breach", "only at the end of a term"; an entitlement confined: "shall be entitled to commission only on".
    /// </summary>
    [GeneratedRegex(@"^\s*(?:may|can)\s+\w+(?:\s+[\w-]+){0,6}?\s+(?:no|not)\s+more\s+(?:than|often)\b|^\s*(?:may|can)\s+(?:only\s+\w+(?:\s+\w+){0,3}?|\w+(?:\s+[\w-]+){0,12}?\s+only)\s+(?:under|in\s+accordance\s+with|pursuant\s+to|as\s+(?:set\s+out|provided)\s+in|for\s+(?:cause|breach|material\s+breach)|on\s+(?:the\s+)?grounds?|on\s+terms|at\s+a\s+price|with\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?consent|if|where|upon|in\s+the\s+(?:event|circumstances)|at\s+the\s+(?:end|expiry|expiration))\b|^\s*(?:is|shall\s+be|will\s+be)\s+entitled\s+to\s+\w+(?:\s+\w+){0,4}?\s+only\b", RegexOptions.IgnoreCase)]
    private static partial Regex NarrowedRight();

    [GeneratedRegex(@"^\s*,?\s*(?:(?:\w+ly|also|then|at\s+any\s+time|thereafter),?\s+)?(?:may|can|(?:is|shall\s+be|will\s+be)\s+entitled\s+to|(?:has|shall\s+have|will\s+have)\s+(?:the\s+)?(?:sole\s+|exclusive\s+|unilateral\s+)?(?:right|option|discretion)|(?:has|shall\s+have|will\s+have)\s+[\w-]+\s+(?:\(\d+\)\s+)?(?:business\s+|calendar\s+)?(?:days?|weeks?|months?)\s+(?:to|in\s+which\s+to|within\s+which\s+to)\b|reserves\s+the\s+right|(?:shall|will|may)\s+(?:set|determine|fix|decide)\b|(?:shall|will)\s+(?:\w+ly\s+)?(?:invoice|charge|bill)\b|(?:is|shall\s+be|will\s+be)\s+(?:permitted|free)\s+to|retains?\b|owns?\b|shall\s+(?:own|retain)\b|shall\s+be\s+entitled\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Right();

    [GeneratedRegex(@"^\s*,?\s*(?:(?:\w+ly|also|promptly|further),?\s+)?(?:shall|will|must|agrees?\s+(?:to|that)|undertakes?\s+(?:to|that)|is\s+(?:required|obligated|responsible|liable)|covenants?|(?:hereby\s+)?(?:\w+ly\s+|and\s+)*(?:assigns?|grants?|waives?|releases?|transfers?|conveys?|appoints?)\b|indemnif|warrants?|represents?|guarantees?)", RegexOptions.IgnoreCase)]
    private static partial Regex Duty();

    /// <summary>", at its option and on notice," or ", and any auditor it appoints,": a bracketed phrase between the subject and its verb.</summary>
    [GeneratedRegex(@"^\s*,\s*[^,.;]{1,100},(?=\s*(?:\w+ly\s+)?(?:may|shall|will|must|can|cannot|is|are|has|have|agrees?|undertakes?|covenants?|hereby|warrants?|represents?|acknowledges?|grants?|assigns?|owns?|retains?|reserves?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Bracketed();

    /// <summary>" or its designated representative", ", its Affiliates", " and any auditor it appoints", " and any contractor acting for it": the party's own people.</summary>
    // The words before the noun are matched greedily: the lazy form of this loop sent the generated matcher's backtracking
    // stack past its maximum size on one clause ("or any of its ..."), an exception, not a timeout.
    [GeneratedRegex(@"^\s*(?:,\s*)?(?:(?:or|and|nor)\s+)?(?:its|their|any)\s+(?:of\s+its\s+)?(?:\w+\s+){0,3}(?:representatives?|affiliates?|agents?|auditors?|accountants?|designees?|nominees?|(?:sub)?contractors?|personnel|employees|group\s+companies|owners?|principals?|shareholders?|guarantors?|customers|inspectors?)\b(?:\s+(?:it|they)\s+(?:appoints?|nominates?|designates?|engages?)|\s+acting\s+(?:for|on\s+behalf\s+of)\s+(?:it|them))?", RegexOptions.IgnoreCase)]
    private static partial Regex OwnPeople();

    [GeneratedRegex(@"\b(?:only\s+if|if|unless|until|provided\s+that)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentCondition();

    [GeneratedRegex(@"^\s*(?:first\s+|expressly\s+)?(?:consents?\b|approves?\b|agrees?\s+(?:to\s+(?:it|them|this|that|such|the\s+(?:revision|change|increase|variation|proposal|amendment))\b|in\s+writing\b))", RegexOptions.IgnoreCase)]
    private static partial Regex Consents();

    // Not a person's employment or a business that "transfers … to the Contractor" under TUPE: nothing is granted to it.
    [GeneratedRegex(@"(?<!\b(?:employment|employees?|staff|workers?|undertaking)\s+(?:[^.;]{0,40}\s)?)\b(?:grants?|granted|assigns?|assigned|transfers?|conveys?|licen[cs]es?|sublicen[cs]es?|pays?|owes?|reimburses?|refunds?|released|delivered)\b(?:[^.;]|\.(?=\d)){0,80}?(?<!\bnotice(?:\s+in\s+writing|\s+given)?\s+)\bto\s+(?:the\s+|each\s+)?$|\b(?:shall|will)\s+(?:\w+\s+){0,3}?(?:vest\s+in|belong\s+to|be\s+(?:\w+ly\s+)?owned\s+(?:\w+ly\s+)?by|be(?:come)?\s+the\s+(?:sole\s+|exclusive\s+)?property\s+of)\s+(?:the\s+)?$|\bvests?\s+in\s+and\s+remains?\s+with\s+(?:the\s+)?$|\b(?:is|are)\s+(?:the\s+)?(?:sole\s+|exclusive\s+)?property\s+of\s+(?:the\s+)?$|\bmade\s+for\s+hire\s+(?:for|by)\s+(?:the\s+)?$|\bgrants?\s+(?:the\s+)?$|(?<!\bextent\s+(?:that\s+)?(?:any\s+)?(?:such\s+)?(?:\w+\s+){0,3})\bbelongs?\s+(?:\w+ly\s+)?to\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Grantee();

    [GeneratedRegex(@"^\s*(?:(?:hereunder|under\s+this\s+agreement)\s+)?(?:(?:shall|will|automatically|immediately)\s+)*(?:end|ends|terminate|terminates|cease|ceases|expire|expires|lapse|lapses|revert|reverts|(?:is|are|be)\s+(?:revoked|terminated|withdrawn))\b", RegexOptions.IgnoreCase)]
    private static partial Regex GrantEnds();

    [GeneratedRegex(@"\b(?:shall|will|do|does)\s+not\s+apply\s+(?:to|in\s+favou?r\s+of)\s+(?:the\s+)?(?:liability\s+of\s+(?:the\s+)?)?$|\bno\s+(?:limitation|limit|cap|exclusion)s?\b(?:[^.;]|\.(?=\d)){0,40}\bappl(?:y|ies)\s+to\s+(?:the\s+)?(?:(?:liability|obligations?)\s+of\s+(?:the\s+)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NotApplyTo();

    [GeneratedRegex(@"\b(?:liability|liabilities)\s+of\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LiabilityOf();

    [GeneratedRegex(@"^(?:[^.;]|\.(?=\d)){0,240}?\b(?:(?:shall|will)\s+not\s+exceed|(?:is|are|shall\s+be)\s+(?:limited|capped)\s+(?:to|at)|in\s+no\s+event\s+exceed)", RegexOptions.IgnoreCase)]
    private static partial Regex LiabilityOfCapped();

    [GeneratedRegex(@"^(?:[^.;]|\.(?=\d)){0,160}?\b(?:(?:shall|will)\s+not\s+be\s+(?:limited|capped)|(?:is|shall\s+be)\s+(?:unlimited|uncapped)|not\s+(?:be\s+)?subject\s+to\s+(?:any|the)\s+(?:\w+\s+){0,2}(?:limit\w*|caps?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LiabilityOfUnlimited();

    /// <summary>"Neither the Licensor nor the " or "neither " just before the subject: the verb that follows is negated.</summary>
    [GeneratedRegex(@"\bneither\s+(?:the\s+)?(?:[\w&.-]+\s+){0,5}?(?:nor\s+(?:the\s+)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Neither();

    [GeneratedRegex(@"\b(?:that|which)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"^\s*(?:owns?|controls?|retains?|holds?|has|have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Holding();

    [GeneratedRegex(@"\bmay\s+be\s+\w+ed\b(?:[^.;]|\.(?=\d)){0,60}?\bby\s+(?:the\s+)?$|\b(?:until|unless)\s+(?:it\s+is\s+)?terminated\s+(?:\w+ly\s+)?by\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveRightBy();

    // "shall be owned exclusively by the Recipient" gives ownership, it imposes nothing (Grantee).
    [GeneratedRegex(@"\b(?:shall|must|will)\s+be\s+(?!owned\b)\w+ed\b(?:[^.;]|\.(?=\d)){0,30}?\bby\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveDutyBy();

    [GeneratedRegex(@"\bnor\b", RegexOptions.IgnoreCase)]
    private static partial Regex Nor();

    [GeneratedRegex(@"^(\s*(?:shall|will|may|must|can|is|are))\b(?!\s+not\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NegatableVerb();

    [GeneratedRegex(@"\bappl(?:y|ies)\s+(?:only|solely)\s+(?:to|in\s+favou?r\s+of)\s+(?:the\s+)?$|\bfor\s+the\s+(?:sole\s+|exclusive\s+)?benefit\s+of\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ApplyOnlyTo();

    [GeneratedRegex(@"^\s*(?:\w+\s+){0,2}?(?:affiliates?|group(?:\s+companies)?|subsidiaries|personnel|employees|directors|officers|advis[eo]rs|representatives|auditors?|agents?|subcontractors?)\b(?:[^.;:]{0,160}?(?=\s(?:may|can|shall|will|must)\b))?(?<verb>\s*(?:may|can|shall|will|must)\b[^.;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupSubject();

    [GeneratedRegex(@"^\s*(?:sole|exclusive|only)(?:\s+and\s+exclusive)?\s+(?:remed|means)", RegexOptions.IgnoreCase)]
    private static partial Regex SoleRemedy();

    [GeneratedRegex(@"\b(?:at|in)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Discretion();

    [GeneratedRegex(@"^\s*(?:sole|absolute|reasonable)?\s*(?:discretion|option|election|request)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DiscretionAfter();

    [GeneratedRegex(@"^\s*(?:\w+\s+){0,3}(?:liability|obligations?|indemnit(?:y|ies))\b(?:[^.;]|\.(?=\d)){0,140}?\b(?:(?:shall|will)\s+not\s+be\s+(?:limited|capped)|(?:is|shall\s+be)\s+(?:unlimited|uncapped)|without\s+(?:limit|limitation|cap)|not\s+(?:be\s+)?subject\s+to\s+(?:any|the)\s+(?:\w+\s+){0,2}(?:limit\w*|caps?)\b|not\s+(?:be\s+)?limited\s+(?:in\s+amount|by\s+(?:any|the)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex UnlimitedLiability();

    [GeneratedRegex(@"\b(?:from|to|with|for|against|than|between|towards?|via|through)\s+$", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex ObjectOfPreposition();

    [GeneratedRegex(@"\b(?:without|no|nor)\s+(?:any\s+)?(?:obligation|liability|duty|need)\s+to\s+(?:pay|give|offer|account)\b[^.;]{0,80}$", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex NotOwedTo();

    [GeneratedRegex(@"^\s*(?:\w+\s+){0,3}(?:liability|damages)\b(?:[^.;]|\.(?=\d)){0,240}?\b(?:(?:shall|will)\s+not\s+exceed|(?:is|are|shall\s+be)\s+(?:limited|capped)|in\s+no\s+event\s+exceed)", RegexOptions.IgnoreCase)]
    private static partial Regex CappedLiability();
}
