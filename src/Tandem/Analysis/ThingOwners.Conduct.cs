using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Whose conduct a mutual duty's trigger names when it names it only through a placeholder or a clause number: "any breach
/// by it of clause 9" when every duty of clause 9 is the Customer's, "data uploaded to the Platform by or on behalf of the
/// Indemnifying Party" when the contract says elsewhere that data is uploaded by the Customer, "any other instruction issued
/// by that party" when only the Customer issues instructions. Each party could owe the duty in form; in fact only the one
/// whose conduct it is ever will.
/// </summary>
public sealed partial class ThingOwners
{
    private readonly ClauseReferences _references = ClauseReferences.None;

    /// <summary>
    /// Whose things and conduct <paramref name="contract"/> speaks of, seen from <paramref name="side"/>, with its numbered
    /// clauses (<paramref name="references"/>) so that a trigger naming one ("any breach by it of clause 9") can be read
    /// through the duties it states.
    /// </summary>
    public ThingOwners(ReviewSide? side, IReadOnlyList<string> contract, ContractDefinitions definitions, ClauseReferences references)
        : this(side, contract, definitions)
    {
        ArgumentNullException.ThrowIfNull(references);
        _references = references;
    }

    /// <summary>
    /// Whom the conduct <paramref name="trigger"/> names binds: <see cref="Favours.Them"/> when it is the reviewed side's alone,
    /// <see cref="Favours.Us"/> when it is the other side's alone, <see cref="Favours.Both"/> when either side's conduct could
    /// set it off, and <see cref="Favours.Unclear"/> when nothing in it could be read (or it names each party's general
    /// conduct: "its negligence", "any breach of this Agreement").
    /// </summary>
    internal Favours Conduct(string trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (_names.Value is not { } names || GeneralConduct().IsMatch(trigger))
        {
            return Favours.Unclear;
        }

        var read = new List<Favours>();
        // "any breach by it of clause 9", "does not comply with clause 5 or clause 12.1", "its warranties in clause 11.2".
        foreach (Match reference in DutyReference().Matches(trigger))
        {
            foreach (var number in _references.Named(reference.Value))
            {
                read.Add(DutiesOf(number, names));
            }
        }

        // "uploaded … by or on behalf of the Indemnifying Party", "the instructions of the Indemnifying Party": what the contract
        // says elsewhere of the same act, with a party's name in the placeholder's place. A placeholder a clause number follows
        // ("by it of clause 9") was read above.
        foreach (Match placeholder in Placeholder().Matches(trigger))
        {
            var after = trigger.AsSpan(placeholder.Index + placeholder.Length);
            if (ClauseNumberNear().IsMatch(after[..Math.Min(after.Length, 60)]))
            {
                continue;
            }

            // "any Film supplied by it": whose the Film is says whose act it is, before what else anyone supplies.
            if (ObjectOf().Match(trigger[..placeholder.Index]) is { Success: true } thing
                && _definitions.Used(thing.Groups["thing"].Value).FirstOrDefault() is { } term && Of(term.Term) is var owner && owner.Us != owner.Them)
            {
                read.Add(owner.Us ? Favours.Them : Favours.Us);
            }
            else if (ActOf(trigger[..placeholder.Index], placeholder.Groups["by"].Value) is { } act)
            {
                read.Add(WhoDoes(act, names));
            }
        }

        var known = read.Where(f => f != Favours.Unclear).Distinct().ToList();
        return known.Count == 1 ? known[0] : known.Count > 1 ? Favours.Both : Favours.Unclear;
    }

    /// <summary>
    /// Whom the duties of clause <paramref name="number"/> bind, read from each duty's subject: <see cref="Favours.Them"/> when
    /// every duty there is the reviewed side's, <see cref="Favours.Us"/> when every one is the other side's, <see cref="Favours.Both"/>
    /// when both sides have some, <see cref="Favours.Unclear"/> when it states none (or there is no side).
    /// </summary>
    internal Favours DutiesOf(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return _names.Value is not { } names ? Favours.Unclear : RegexBudget.Run(() => DutiesOf(number, names), () => Favours.Unclear);
    }

    /// <summary>Whom the duties of clause <paramref name="number"/> bind, read from each duty's subject.</summary>
    private Favours DutiesOf(string number, Names names)
    {
        var bound = new HashSet<Favours>();
        foreach (var piece in _references.Pieces(number))
        {
            foreach (var sentence in ClauseSentences.Split(piece))
            {
                if (DutySubject().Match(sentence) is not { Success: true } duty)
                {
                    continue;
                }

                // "the Operator Data shall belong to the Operator" says whose a thing is, and binds no one.
                if (Ownership().IsMatch(sentence[(duty.Index + duty.Length)..]))
                {
                    continue;
                }

                // "The Operator Data shall be kept …" is a duty on a thing whose name holds a party's, not the party's own.
                var subject = _definitions.Used(duty.Groups["subject"].Value).Where(t => t.Term.Contains(' ', StringComparison.Ordinal))
                    .Aggregate(duty.Groups["subject"].Value, (text, t) => text.Replace(t.Term, " ", StringComparison.Ordinal));
                if (MutualSubject().IsMatch(subject) || NeitherParty().IsMatch(subject))
                {
                    bound.Add(Favours.Both);
                    continue;
                }

                var (us, them) = (names.NamesUs.IsMatch(subject), names.NamesThem.IsMatch(subject));
                if (us != them)
                {
                    bound.Add(us ? Favours.Them : Favours.Us);
                }
                else if (!us && Things(duty.Groups["subject"].Value) is var things and (Favours.Us or Favours.Them))
                {
                    // "The Goods shall conform": a duty on what only one side supplies.
                    bound.Add(things);
                }
            }
        }

        return bound.Count == 1 ? bound.Single() : bound.Count > 1 ? Favours.Both : Favours.Unclear;
    }

    /// <summary>
    /// An act a placeholder ends, as the words before it have it: the noun right before "of" ("instructions"), else the nearest
    /// participle ("uploaded", "issued"). Verbs too general to tell anyone apart ("made", "given", "done") are not read.
    /// </summary>
    private static Act? ActOf(string before, string by)
    {
        var words = Word().Matches(before).Select(m => m.Value).TakeLast(6).ToList();
        // "carried out in accordance with the instructions of the Indemnifying Party": the noun right before "of" is the act.
        if (words.Count > 0 && by.Equals("of", StringComparison.OrdinalIgnoreCase) && Noun().IsMatch(words[^1]))
        {
            return new Act(words[^1], null, by);
        }

        for (var i = words.Count - 1; i >= 0; i--)
        {
            var word = words[i];
            if (Participle().IsMatch(word) && !NotAnAct().IsMatch(word))
            {
                return new Act(word, Stem(word), by);
            }
        }

        return null;
    }

    /// <summary>An act: its word as written, the verb's stem for its active form (none for a noun), and the placeholder's preposition.</summary>
    private sealed record Act(string Word, string? Stem, string By);

    private static string? Stem(string participle)
    {
        var lower = participle.ToLowerInvariant();
        if (Irregular.TryGetValue(lower, out var stem))
        {
            return stem;
        }

        // "uploaded" → "upload", "issued" → "issu" (issue, issues), "supplied" → "suppl" (supply, supplies).
        var bare = lower[..^2];
        return bare.EndsWith('i') ? bare[..^1] : bare;
    }

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["sent"] = "send", ["written"] = "writ", ["built"] = "build", ["sold"] = "sell",
    };

    /// <summary>Which side the contract says does <paramref name="act"/>, with a party's name where the trigger has its placeholder.</summary>
    private Favours WhoDoes(Act act, Names names)
    {
        var us = ActPattern(act, names.Us);
        var them = ActPattern(act, names.Them);
        bool byUs = false, byThem = false;
        foreach (var text in _contract)
        {
            byUs |= RegexBudget.Run(() => us.IsMatch(text), () => false);
            byThem |= RegexBudget.Run(() => them.IsMatch(text), () => false);
        }

        return (byUs, byThem) switch
        {
            (true, false) => Favours.Them,
            (false, true) => Favours.Us,
            (true, true) => Favours.Both,
            _ => Favours.Unclear,
        };
    }

    private Regex ActPattern(Act act, string party) => _patterns.GetOrAdd($"act|{act.Word}|{act.By}|{party}", _ =>
    {
        var p = $@"(?:the\s+)?(?:{party})\b";
        var word = Regex.Escape(act.Word);
        // "uploaded to the Platform by or on behalf of the Customer", "instructions of the Customer".
        var passive = $@"\b{word}\s+(?:(?!by\b|of\b|from\b)[\w,-]+\s+){{0,5}}(?:{act.By})\s+(?:or\s+on\s+behalf\s+of\s+)?{p}";
        // "the Customer's instructions".
        var possessive = $@"\b(?:{party})['’]s\s+(?:[\w-]+\s+)?{word}\b";
        // "The Customer may upload", "the Customer shall issue": never "shall not".
        var active = act.Stem is { } stem ? $@"|\b{p}\s+(?:(?:shall|will|may|must|can)\s+(?!not\b))?(?:[a-z]+ly\s+)?{Regex.Escape(stem)}[a-z]*\b" : "";
        return new Regex($"{passive}|{possessive}{active}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Timeout);
    });

    /// <summary>Each party's general conduct, which any party can commit: the duty stays mutual however its other triggers read.</summary>
    [GeneratedRegex(@"\b(?:negligen\w*|wil+ful|misconduct|fraud\w*|acts?\s+or\s+omissions?|breach\w*\s+(?:by\s+(?:it|that\s+party|the\s+\w+\s+Party)\s+)?of\s+(?:this|the)\s+(?:Agreement|Contract)|breach\w*\s+of\s+(?:any\s+of\s+)?(?:its|their)\s+(?:obligations|warranties|representations)\s+under\s+(?:this|the)\s+(?:Agreement|Contract))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex GeneralConduct();

    /// <summary>
    /// A breach of, or failure to keep, numbered clauses: "breach by it of clause 9", "does not comply with clause 5 or clause
    /// 12.1", "its warranties in clause 11.2", "any failure to provide Site access … in accordance with clause 10.2".
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:breach\w*|compl(?:y|ies|iance)|conform\w*|warrant(?:y|ies)|obligations?|undertakings?|representations?|contravention)\b(?:[^.;]|\.(?=\d)){0,50}?|\bfail(?:ure|s|ing)?\s+(?:by\s+\w+\s+)?to\s+(?:[^.;]|\.(?=\d)){0,100}?\b(?:in\s+accordance\s+with|as\s+required\s+by|under|pursuant\s+to)\s+)\b(?:clauses?|sections?|paragraphs?)\s+\d[\d.]*(?:\s*\([a-z]\))?(?:\s*\((?-i:[A-Z])[^()]{0,60}\))?(?:\s*(?:,|or|and)\s*(?:(?:clauses?|sections?)\s+)?\d[\d.]*(?:\s*\([a-z]\))?(?:\s*\((?-i:[A-Z])[^()]{0,60}\))?)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex DutyReference();

    /// <summary>A mutual placeholder for whichever party owes the duty: "by it", "by or on behalf of the Indemnifying Party", "of that party".</summary>
    [GeneratedRegex(@"\b(?<by>by|of|from)\s+(?:or\s+on\s+behalf\s+of\s+)?(?:it|that\s+party|such\s+party|the\s+(?:relevant|Indemnifying|indemnifying)\s+[Pp]arty)\b", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Placeholder();

    /// <summary>A defined thing right before the placeholder's participle: "any Film supplied", "the Materials provided".</summary>
    [GeneratedRegex(@"\b(?<thing>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:[a-z]{3,}ed|sent|written|built|sold)\s*$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ObjectOf();

    [GeneratedRegex(@"\b(?:clauses?|sections?)\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ClauseNumberNear();

    [GeneratedRegex(@"[A-Za-z][\w-]*", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:[a-z]{3,}ed|sent|written|built|sold)$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Participle();

    /// <summary>Participles that say nothing of who acts: "owed by it", "caused by it", "incurred by it", "suffered".</summary>
    [GeneratedRegex(@"^(?:caused|incurred|suffered|sustained|owed|committed|occasioned|related|connected|permitted|required|needed|entitled|concerned|affected|claimed|alleged|breached|failed)$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex NotAnAct();

    /// <summary>A noun an act may be named by before "of the Indemnifying Party": "instructions", "directions", "specifications".</summary>
    [GeneratedRegex(@"^(?:instructions?|directions?|specifications?|designs?|requirements|orders?|requests?|materials?|data|content|information|submissions?|representations?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Noun();

    /// <summary>A duty and its subject: "The Customer shall", "9.2 The Developer warrants that".</summary>
    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)*\.?\s+|\([a-z0-9]+\)\s+)?(?<subject>[^.;:]{2,120}?)\s+(?:shall|must|will|warrants?|undertakes?|agrees?|represents?|(?:is|are)\s+responsible|remains?\s+responsible)\b", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex DutySubject();

    [GeneratedRegex(@"\bneither\s+(?:party|of\s+the\s+parties)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex NeitherParty();

    /// <summary>What follows a subject's "shall" when the sentence only says whose something is: "belong to", "remain the property of", "vest in".</summary>
    [GeneratedRegex(@"^\s*(?:at\s+all\s+times\s+)?(?:belong|own|remain\s+(?:the\s+)?(?:property|vested)|vest|be\s+(?:and\s+remain\s+)?(?:owned|the\s+(?:sole\s+|exclusive\s+)?property))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Ownership();
}
