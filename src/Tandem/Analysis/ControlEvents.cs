using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A change of control hidden in a defined term, read against whom the definition can reach: "Either party may end this
/// Agreement if the other party undergoes a Control Event", "if the other party becomes the subject of an Acquisition",
/// "a Transfer Event is an assignment by Licensee that requires Licensor's consent". The clause is mutual in form, or
/// names no change of control at all; the definition decides whose sale sets it off. It is one-sided against the reviewed
/// side when the definition speaks only of that side ("any merger … of Licensee"), when its exceptions spare the other
/// side by name ("other than a member of the Valdane group", "no transfer of shares in Fieldwise … shall constitute an
/// Acquisition"), or when it spares listed companies and only the other side is a plc. Whatever the term is called, only
/// the reviewed side can then give the other the exit (or the veto).
/// </summary>
public static partial class ControlEvents
{
    /// <summary>How far into the contract its parties are looked for (their descriptions open it).</summary>
    private const int PreambleLength = 4000;

    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "A change of control defined so that only your sale sets it off";

    /// <summary>
    /// The defined terms through which <paramref name="clause"/> lets a change of control end the agreement or need consent,
    /// each with why only the reviewed side can set it off; empty when none is one-sided against it.
    /// </summary>
    /// <param name="clause">The clause, read with its lead-in.</param>
    /// <param name="lens">The review's side, its definitions and its stance reader.</param>
    /// <param name="preamble">Where the parties are described ("whose shares are admitted to trading on Euronext Milan"), to tell a listed party.</param>
    public static IReadOnlyList<(DefinedTerm Term, string Why)> OneSided(string clause, ReviewLens lens, string preamble = "")
    {
        ArgumentNullException.ThrowIfNull(preamble);
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Side is not { } side || lens.Definitions.Count == 0)
        {
            return [];
        }

        return RegexBudget.Run(() => OneSidedOnce(clause, lens, side, preamble), () => []);
    }

    private static List<(DefinedTerm, string)> OneSidedOnce(string clause, ReviewLens lens, ReviewSide side, string preamble)
    {
        // The clause must make the event matter: an exit, a consent, a deemed assignment, licences that end. Whom it favours is
        // read from the sentence that says so: "Either party may terminate … On such termination the licence granted to the OEM
        // shall end" is an exit for either side, whatever its second sentence gives.
        var consequence = ClauseSentences.Split(clause).FirstOrDefault(s => Consequence().IsMatch(s));
        if (consequence is null || lens.Stance(consequence).Favours == Favours.Us)
        {
            return [];
        }

        var us = PartyNames.Of(side.Party).ToList();
        var them = side.Counterparties.SelectMany(PartyNames.Of).ToList();
        var found = new List<(DefinedTerm, string)>();
        foreach (var term in lens.Definitions.Used(clause))
        {
            // A change in who owns a party, by the definition ("any person acquiring Control of a party") or by the clause
            // ("comes under the Control of a Competitor"); not a standing relation such as an Affiliate's.
            var definition = term.Text;
            if (!ChangeOfOwner().IsMatch(definition) && !Regex.IsMatch(clause, $@"\b(?:Control|control|acquired)\s+(?:of|by)\s+(?:a|an|any)\s+{Regex.Escape(term.Term)}\b",
                RegexOptions.CultureInvariant, RegexBudget.Timeout))
            {
                continue;
            }

            var namesUs = PartyNames.Mentions(definition, us);
            var namesThem = PartyNames.Mentions(definition, them);
            string? why = null;
            if (namesUs && !namesThem && !AnyParty().IsMatch(definition))
            {
                why = $"\"{term.Term}\" ({term.ClausePath}) speaks only of {{us}}: no change in who owns {{them}} can be one";
            }
            else if (ChangeOfOwner().Matches(definition).Select(c => definition[Math.Max(0, c.Index - 60)..c.Index])
                .Any(before => PartyNames.Mentions(before, us) && !PartyNames.Mentions(before, them) && OnlyFor().IsMatch(before)))
            {
                why = $"\"{term.Term}\" ({term.ClausePath}) counts a change in who owns a party only for {{us}}";
            }
            else if (Exceptions().Matches(definition).Any(e => SparesOnly(definition[e.Index..Math.Min(definition.Length, e.Index + 250)], them, us)))
            {
                why = $"\"{term.Term}\" ({term.ClausePath}) excepts {{them}}'s own changes by name, so in fact only {{us}}'s sale can be one";
            }
            else if (ListedCompanies().IsMatch(definition) && side.Counterparties.Any(p => IsListed(p, preamble)) && !IsListed(side.Party, preamble))
            {
                why = $"\"{term.Term}\" ({term.ClausePath}) treats companies whose shares are traded apart, and {{them}} is one and {{us}} is not";
            }
            else if (TradeBias(definition, side, preamble) is { } bias)
            {
                why = $"\"{term.Term}\" ({term.ClausePath}) {bias}";
            }

            if (why is not null)
            {
                found.Add((term, why));
            }
        }

        return found;
    }

    /// <summary>
    /// The review's findings with each one-sided change of control reported as a high-risk change-of-control finding: the
    /// finding already on the clause raised, or one made for it.
    /// </summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? control, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText)
    {
        if (control is null || lens.Side is null || lens.Definitions.Count == 0)
        {
            return findings;
        }

        var preamble = documentText[..Math.Min(documentText.Length, PreambleLength)];
        var done = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < clauses.Count; i++)
        {
            var path = ContextClause.ClausePathOf(clauses[leadIns[i]].Clause.Path);
            if (done.Contains(path) || clauses[i].Clause.Kind == Documents.ClauseKind.Definition || OneSided(texts[i], lens, preamble) is not [var (term, why), ..])
            {
                continue;
            }

            done.Add(path);
            RaisedFindings.Raise(findings, control, clauses, i, leadIns, lens, documentText, judged => judged with
            {
                Severity = judged.Severity > Severity.High ? judged.Severity : Severity.High,
                Rationale = judged.Severity > Severity.High ? judged.Rationale
                    : lens.Fill($"The clause reads as mutual, but {why}: {{them}} gains an exit or a veto when {{us}} is sold, and gives none."),
                Deviations = [.. judged.Deviations.Where(d => d != Deviation), Deviation],
                Definitions = [.. judged.Definitions.Where(d => d.Term != term.Term), term],
            });
        }

        return findings;
    }

    /// <summary>Whether an exception's words name the other side and not the reviewed one.</summary>
    private static bool SparesOnly(string exception, IEnumerable<string> them, IEnumerable<string> us)
    {
        var sentence = SentenceEnd().Match(exception) is { Success: true } end ? exception[..end.Index] : exception;
        return PartyNames.Mentions(sentence, them) && !PartyNames.Mentions(sentence, us);
    }

    /// <summary>A party whose description says its shares are traded, or a public limited company.</summary>
    private static bool IsListed(ContractParty party, string preamble)
    {
        if (Plc().IsMatch(party.Name))
        {
            return true;
        }

        // Its description ("Meridian Foods S.p.A., whose shares are admitted to trading on Euronext Milan"), or a recital about
        // it ("The Customer, a wholly-owned subsidiary of Verity Group plc, whose shares are admitted to trading").
        foreach (var name in PartyNames.Of(party))
        {
            foreach (Match m in Regex.Matches(preamble, $@"\b{Regex.Escape(name)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Timeout))
            {
                var near = preamble[m.Index..Math.Min(preamble.Length, m.Index + name.Length + 300)];
                var sentence = SentenceEnd().Match(near) is { Success: true } end ? near[..end.Index] : near;
                if (Traded().IsMatch(sentence) || ListedParent().IsMatch(sentence))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the buyers a definition reaches, or those it spares, are picked by trade so that only one side's sale can
    /// count: "any person that carries on the manufacture of bakery or other food products" when only the reviewed side's
    /// recital speaks of bakery and food; "other than a builder of boats or yachts" when only the other side builds boats.
    /// The trades are the words of each party's own recital ("The Supplier manufactures frozen bakery products …").
    /// </summary>
    private static string? TradeBias(string definition, ReviewSide side, string preamble)
    {
        var ours = TradeWords(preamble, side.Party, side.Counterparties);
        var theirs = side.Counterparties.SelectMany(p => TradeWords(preamble, p, side.Parties.Where(q => q != p))).ToHashSet(StringComparer.Ordinal);
        if (ours.Count == 0 && theirs.Count == 0)
        {
            return null;
        }

        var spared = Exceptions().Match(definition) is { Success: true } e ? definition[e.Index..Math.Min(definition.Length, e.Index + 120)] : "";
        spared = spared.IndexOfAny([',', ';', '.']) is var stop and > 0 ? spared[..stop] : spared;
        var reached = Buyer().Match(spared.Length > 0 ? definition.Replace(spared, " ", StringComparison.Ordinal) : definition) is { Success: true } b ? b.Groups["who"].Value : "";
        var (reachUs, reachThem) = (Words(reached).Count(ours.Contains), Words(reached).Count(theirs.Contains));
        var (spareUs, spareThem) = (Words(spared).Count(ours.Contains), Words(spared).Count(theirs.Contains));
        if (spareThem >= 2 && spareUs == 0)
        {
            return "spares buyers in {them}'s own trade, so {them}'s likely buyers never set it off while {us}'s do";
        }

        return reachUs >= 2 && reachThem == 0 ? "reaches only buyers in {us}'s own trade, so in fact only {us}'s sale sets it off" : null;
    }

    /// <summary>The distinctive words of the recitals that speak of <paramref name="party"/> alone.</summary>
    private static HashSet<string> TradeWords(string preamble, ContractParty party, IEnumerable<ContractParty> others)
    {
        var names = PartyNames.Of(party).ToList();
        var otherNames = others.SelectMany(PartyNames.Of).ToList();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in SentenceEnd().Split(preamble))
        {
            if (sentence.Length < 400 && !sentence.Contains(" means ", StringComparison.Ordinal) && !Incorporation().IsMatch(sentence) && PartyNames.Mentions(sentence, names) && !PartyNames.Mentions(sentence, otherNames))
            {
                var own = names.Aggregate(sentence, (t, n) => Regex.Replace(t, $@"\b{Regex.Escape(n)}\b", " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Timeout));
                words.UnionWith(Words(own));
            }
        }

        return words;
    }

    /// <summary>A text's distinctive words, cut to a common stem ("builds", "builder" → "build"); the words of any trade ("manufacture", "supply") left out.</summary>
    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant().TrimEnd('s')).Select(w => w.Length > 5 ? w[..5] : w).Where(w => w.Length >= 4 && !TradeStopWords.Contains(w)).Distinct(StringComparer.Ordinal);

    private static readonly HashSet<string> TradeStopWords = new(StringComparer.Ordinal)
    {
        "desig", "manuf", "suppl", "devel", "busin", "produ", "servi", "compa", "perso", "party", "parti", "group", "contr", "inclu",
        "carri", "carry", "other", "whose", "which", "that", "with", "from", "into", "such", "their", "this", "agree", "wishe",
        "acqui", "membe", "entit", "under", "limit", "incor", "regis", "numbe", "offic", "where", "sale", "sell", "provi", "opera",
        "engag", "activ", "natur", "chain", "than", "owned", "wholl", "subsi", "hold", "share", "unite", "kingd", "engla", "wale",
    };

    /// <summary>Whom a definition reaches: "any person that carries on …", "any entity whose business includes …".</summary>
    [GeneratedRegex(@"\b(?:person|entity|company|undertaking|body\s+corporate|third\s+party)\b(?<who>(?:[^.;]){0,200})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Buyer();

    /// <summary>A party's formal description (where it is incorporated and registered), which says nothing of its trade.</summary>
    [GeneratedRegex(@"\b(?:incorporated|registered\s+office|company\s+number|organi[sz]ed\s+under|principal\s+place\s+of\s+business)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Incorporation();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex WordPattern();

    /// <summary>A party held by a listed group: "a wholly-owned subsidiary of Verity &amp; Vale Group plc".</summary>
    [GeneratedRegex(@"^(?:[^.;]){0,40}\bsubsidiary\s+of\s+(?:[^.;]){0,80}\bplc\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ListedParent();

    /// <summary>What the event sets off: an exit, a consent, a deemed assignment, licences that end.</summary>
    [GeneratedRegex(@"\b(?:terminat\w*|end\s+(?:this|the)\s+(?:Agreement|Contract)|bring\s+(?:this|the)\s+(?:Agreement|Contract)\s+to\s+an\s+end|(?:treated|deemed)\s+as\s+(?:having\s+)?(?:an\s+)?assign\w*|is\s+an\s+assignment|requir\w*\b(?:[^.;]){0,60}\bconsent)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Consequence();

    /// <summary>A definition of a change in who owns or controls a party: an acquisition, a merger, a sale of the business, a change in control.</summary>
    [GeneratedRegex(@"\bacqui(?:re|res|ring|sition)\w*\s+(?:(?:the|a|an|any|all|more|than|of|or|and|by|substantially|direct|indirect|directly|indirectly|legal|beneficial|majority|fifty|per\s*cent|persons?|entity|third|party|group|acting|together|in|concert|\d+%?|\(\d+%?\)),?\s+){0,8}(?:control\w*|shares|voting|interests?|business|undertaking|assets|equity|stock)\b|\b(?:control|shares|voting\s+\w+)\b(?:[^.;]){0,60}\bacqui(?:re|res|red|ring|sition)\b|\b(?:merger|amalgamation|consolidation|reorgani[sz]ation|change\s+(?:in|of)\s+(?:the\s+)?(?:control|ownership|persons?)|sale\s+(?:or\s+\w+\s+)?of\s+(?:all|the\s+whole|any|substantially)|transfer\s+of\s+(?:any\s+)?(?:shares|the\s+business)|comes?\s+under\s+(?:the\s+)?control)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ChangeOfOwner();

    /// <summary>Words that confine what follows to one party: "(in the case of the Buyer)", "where the party is the Licensee", "in relation to the Supplier only".</summary>
    [GeneratedRegex(@"\b(?:in\s+the\s+case\s+of|where\s+(?:the\s+)?(?:relevant\s+)?party\s+is|in\s+relation\s+to|as\s+regards|for)\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}\s*(?:only\b)?\)?,?\s*(?:that\s+|if\s+|any\s+|a\s+)?(?:there\s+is\s+)?(?:any\s+|a\s+)?$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex OnlyFor();

    /// <summary>A definition that reaches whichever party it happens to: "of a party", "that party", "either party", "the other party".</summary>
    [GeneratedRegex(@"\b(?:a|that|either|each|any|the\s+other|the\s+relevant)\s+party\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex AnyParty();

    /// <summary>
    /// Where a definition takes something out: "other than", "excluding", "provided that no", "shall not constitute", or a
    /// proviso that names what it takes out before saying so ("provided that the issue, sale or acquisition of shares in the
    /// Provider … shall not be a Change in Ownership").
    /// </summary>
    [GeneratedRegex(@"\b(?:other\s+than|excluding|excludes?|except(?:\s+for)?|save\s+for|does\s+not\s+include|provided\s+that\s+no|shall\s+not\s+(?:constitute|be|count\s+as)|provided\s+that\b(?=(?:[^.;]){0,240}\b(?:shall|will|does|do)\s+not\s+(?:constitute|be|count\s+as|amount\s+to)\b))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Exceptions();

    /// <summary>A definition that treats listed companies apart: "a party whose shares are (not) admitted to trading on a regulated market".</summary>
    [GeneratedRegex(@"\bshares\b(?:[^.;]){0,100}\b(?:admitted\s+to\s+trading|listed|quoted)\s+on\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ListedCompanies();

    [GeneratedRegex(@"\bshares\b(?:[^.;]){0,60}\b(?:admitted\s+to\s+trading|listed|quoted|traded)\s+on\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Traded();

    [GeneratedRegex(@"\bplc\b|\bp\.l\.c\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Plc();

    [GeneratedRegex(@"[.;](?=\s|$)", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex SentenceEnd();
}
