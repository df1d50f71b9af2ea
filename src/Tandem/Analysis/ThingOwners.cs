using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Whose a defined thing is, read from everything the contract says of it: who supplies, makes, provides, licenses or
/// designs it ("The Supplier shall manufacture the Products", "Deliverables developed by the Developer", "the Licensor's
/// Licensed Property", "Authority Information that the Lead Party makes available"). A mutual duty whose trigger is such a
/// thing is one-sided in fact: "Each party shall indemnify the other against all Losses arising from any Product being
/// unsafe" binds only the party that supplies Products, because the other never supplies one.
/// </summary>
public sealed partial class ThingOwners
{
    private const string Acts = @"(?:supply|supplies|deliver|delivers|manufacture|manufactures|make\s+available|makes\s+available|provide|provides|produce|produces|licen[cs]e|licen[cs]es|grant|grants|design|designs|develop|develops|host|hosts|install|installs|perform|performs|create|creates|operate|operates|run|runs|carry\s+out|carries\s+out|execute|executes)";
    private const string Acted = @"(?:supplied|delivered|manufactured|made\s+available|provided|produced|licen[cs]ed|granted|designed|developed|hosted|installed|performed|created|owned|operated|run|carried\s+out|executed)";

    private readonly IReadOnlyList<string> _contract;
    private readonly ContractDefinitions _definitions;
    private readonly ConcurrentDictionary<string, (bool Us, bool Them)> _owners = new(StringComparer.Ordinal);
    private readonly Lazy<Names?> _names;
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <summary>The sides' names as pattern alternations, and as patterns that find them in a duty's subject.</summary>
    private sealed record Names(string Us, string Them, Regex NamesUs, Regex NamesThem);

    public ThingOwners(ReviewSide? side, IReadOnlyList<string> contract, ContractDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(definitions);
        _contract = contract;
        _definitions = definitions;
        _names = new Lazy<Names?>(() => side is null || !side.Counterparties.Any() ? null : NamesOf(PartyNames.Alternation(NamesOf(side.Party)),
            PartyNames.Alternation(side.Counterparties.SelectMany(NamesOf))));
    }

    private static Names NamesOf(string us, string them) =>
        new(us, them, new Regex($@"\b(?:{us})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Timeout),
            new Regex($@"\b(?:{them})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Timeout));

    /// <summary>A party's names, with the roles the definitions give it: "Lead Party" means Abernethy.</summary>
    private IEnumerable<string> NamesOf(ContractParty party)
    {
        var names = PartyNames.Of(party).ToList();
        var roles = _definitions.All.Where(d => RoleOf().Match(d.Text) is { Success: true } m
            && names.Contains(m.Groups["who"].Value.Trim(), StringComparer.OrdinalIgnoreCase)).Select(d => d.Term);
        return names.Concat(roles).ToList();
    }

    /// <summary>
    /// The sides' names, with the roles the definitions give them, as pattern alternations (longest first) for readers that
    /// look for a party inside a larger pattern; null without a side or another party.
    /// </summary>
    internal (string Us, string Them)? NamePatterns => _names.Value is { } names ? (names.Us, names.Them) : null;

    /// <summary>
    /// A reader's pattern over the sides' names (<see cref="NamePatterns"/>), built once per review and kept with it, not in a
    /// static cache that would hold one per contract for the life of a server; null without a side or another party.
    /// <paramref name="key"/> names the pattern within the review, <paramref name="pattern"/> writes it from the reviewed side's
    /// and the other side's alternations; it is case-insensitive and culture-invariant, plus <paramref name="options"/>.
    /// </summary>
    internal Regex? PartyPattern(string key, Func<string, string, string> pattern, RegexOptions options = RegexOptions.None) =>
        _names.Value is not { } names ? null
        : _patterns.GetOrAdd(key, _ => new Regex(pattern(names.Us, names.Them), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | options, RegexBudget.Timeout));

    /// <summary>Nothing is anyone's.</summary>
    public static ThingOwners None { get; } = new(null, [], ContractDefinitions.None);

    /// <summary>Whether the reviewed side and the other side each supply, make, provide or license <paramref name="term"/> somewhere in the contract.</summary>
    public (bool Us, bool Them) Of(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return _names.Value is not { } names ? (false, false) : _owners.GetOrAdd(term, t => RegexBudget.Run(() => Read(t, names), () => (false, false)));
    }

    /// <summary>
    /// Whom a mutual duty's trigger makes it bind: <see cref="Favours.Them"/> when the things it arises from are the reviewed
    /// side's alone (so only the reviewed side can ever owe it), <see cref="Favours.Us"/> when they are the other side's alone,
    /// <see cref="Favours.Both"/> otherwise, and whenever the trigger is each party's own conduct ("its breach", "caused by the
    /// Indemnifying Party").
    /// </summary>
    /// <param name="sentence">The duty's sentence: "Each party shall indemnify the other against … arising from …".</param>
    public Favours Trigger(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (_names.Value is null)
        {
            return Favours.Both;
        }

        return RegexBudget.Run(() => TriggerOnce(sentence), () => Favours.Both);
    }

    /// <summary>
    /// Whom the duties to indemnify or reimburse in <paramref name="clause"/> bind, read sentence by sentence with
    /// <see cref="Trigger"/>: <see cref="Favours.Them"/> or <see cref="Favours.Us"/> when every such duty binds that one
    /// side in fact; <see cref="Favours.Both"/> when any stays mutual or the clause states none.
    /// </summary>
    public Favours Bound(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (_names.Value is null || !RegexBudget.Run(() => Duty().IsMatch(clause), () => false))
        {
            return Favours.Both;
        }

        var bound = Favours.Both;
        foreach (var sentence in ClauseSentences.Split(clause))
        {
            if (!RegexBudget.Run(() => Duty().IsMatch(sentence), () => false))
            {
                continue;
            }

            var one = Trigger(sentence);
            if (one == Favours.Both || (bound != Favours.Both && one != bound))
            {
                return Favours.Both;
            }

            bound = one;
        }

        return bound;
    }

    private Favours TriggerOnce(string sentence)
    {
        var duty = Duty().Match(sentence);
        if (!duty.Success)
        {
            return Favours.Both;
        }

        // "The Provider shall indemnify": the subject alone says whose duty it is.
        var names = _names.Value!;
        if (Modal().Match(sentence[..duty.Index]) is { Success: true } modal && !MutualSubject().IsMatch(sentence[..modal.Index]))
        {
            var subject = sentence[..modal.Index];
            var (us, them) = (names.NamesUs.IsMatch(subject), names.NamesThem.IsMatch(subject));
            if (us != them)
            {
                return us ? Favours.Them : Favours.Us;
            }
        }

        // "The Recipient of any Authority Information shall indemnify": the party that receives what only one side provides.
        if (Receiver().Match(sentence[..duty.Index]) is { Success: true } receiver)
        {
            var received = _definitions.Used(receiver.Groups["thing"].Value);
            if (received.Count > 0)
            {
                switch (Of(received[0].Term))
                {
                    case (true, false):
                        return Favours.Us;
                    case (false, true):
                        return Favours.Them;
                }
            }
        }

        var trigger = sentence[(duty.Index + duty.Length)..];
        if (Exception().Match(trigger) is { Success: true } except)
        {
            trigger = trigger[..except.Index];
        }

        // "any breach by it of clause 9" when every duty of clause 9 is the Customer's; "data uploaded … by the Indemnifying
        // Party" when only the Customer uploads data: conduct only one side's can be. It decides over the things the trigger
        // names ("any promotion of the Insurer's Policies by it which does not comply with clause 5"): whose conduct it is, not
        // whose things it concerns, says who can set the duty off.
        if (Conduct(trigger) is var conduct and (Favours.Us or Favours.Them))
        {
            return conduct;
        }

        // "to the extent arising from matters for which that party is responsible under this Agreement, including the design,
        // manufacture and labelling of the Products": the responsibilities it lists say whose they are; without such a list
        // each party's own responsibilities set it off.
        var responsible = Responsible().Match(trigger);
        var rest = responsible.Success ? trigger.Remove(responsible.Index, responsible.Length) : trigger;
        if (OwnConduct().IsMatch(rest) || (responsible.Success && !Including().IsMatch(trigger.AsSpan(responsible.Index + responsible.Length))))
        {
            return Favours.Both;
        }

        return Things(trigger);
    }

    /// <summary>
    /// Whom the defined things <paramref name="text"/> speaks of point to: <see cref="Favours.Them"/> when they are the
    /// reviewed side's alone ("relating to the Services", when only the reviewed side provides Services), <see cref="Favours.Us"/>
    /// when they are the other side's alone, <see cref="Favours.Both"/> otherwise.
    /// </summary>
    /// <param name="text">What to read: a trigger, a definition.</param>
    /// <param name="depth">How many definitions further to read a term whose owner its uses do not tell ("Clinical Output"
    /// means an output of the System, and the Licensor licenses the System).</param>
    public Favours Things(string text, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_names.Value is null)
        {
            return Favours.Both;
        }

        bool ours = false, theirs = false;
        foreach (var term in _definitions.Used(text))
        {
            var owner = Of(term.Term);
            if (owner == (false, false) && depth > 0)
            {
                owner = Things(term.Text, depth - 1) switch
                {
                    Favours.Them => (true, false),
                    Favours.Us => (false, true),
                    _ => owner,
                };
            }

            switch (owner)
            {
                case (true, false):
                    ours = true;
                    break;
                case (false, true):
                    theirs = true;
                    break;
            }
        }

        return (ours, theirs) switch
        {
            (true, false) => Favours.Them,
            (false, true) => Favours.Us,
            _ => Favours.Both,
        };
    }

    private (bool Us, bool Them) Read(string term, Names names)
    {
        var thing = ContractDefinitions.UsePattern(term);
        var use = new Regex(@"(?<!\w)" + thing + @"(?!\w)", RegexOptions.CultureInvariant, RegexBudget.Timeout);
        var us = OwnerPattern(thing, names.Us);
        var them = OwnerPattern(thing, names.Them);
        bool byUs = false, byThem = false;
        foreach (var text in _contract)
        {
            if (!use.IsMatch(text))
            {
                continue;
            }

            byUs |= us.IsMatch(text);
            byThem |= them.IsMatch(text);
            if (byUs && byThem)
            {
                break;
            }
        }

        return (byUs, byThem);
    }

    /// <summary>
    /// The ways a text says a party supplies, makes, provides or licenses the thing, or that the thing is the party's:
    /// actively, by a licence it grants ("grants to the Licensee a licence to use the System"), passively ("supplied by"),
    /// possessively ("the Buyer's Moulds"), in a relative clause ("that the Lead Party makes available"), in the thing's
    /// own definition ("means the labels the Purchaser provides", "the networks … of the Customer"), or paired with the other
    /// side's verb ("The Supplier shall supply, and the Buyer shall purchase, the Film").
    /// </summary>
    private static Regex OwnerPattern(string thing, string party)
    {
        var p = $@"(?:the\s+)?(?:{party})";
        var t = $@"(?<![\w""“]){thing}(?![\w""”])";
        var active = $@"\b{p}\s+(?:(?:shall|will|must|agrees\s+to|undertakes\s+to)\s+)?(?:\w+\s+){{0,2}}{Acts}\s+(?:(?:to\s+)?(?:the\s+)?\w+\s+with\s+)?(?:(?!(?:for|of|to|in|on|with|from|by)\b)[\w-]+\s+){{0,3}}{t}";
        var passive = $@"{t}(?:\s+[\w,]+){{0,4}}\s+{Acted}\s+(?:to\s+\w+\s+)?by\s+{p}\b";
        var possessive = $@"\b(?:{party})['’]s\s+(?:\w+\s+)?{t}";
        var relative = $@"{t}[^.;]{{0,80}}\b(?:that|which)\s+{p}\s+(?:(?:shall|will|may)\s+)?{Acts}\b";
        var defined = $@"^\W{{0,3}}{thing}\W{{0,3}}\s+(?:means|shall\s+mean|includes)\b[^;]{{0,400}}(?:\b{p}\s+(?:(?:shall|will|may)\s+)?{Acts}\b|(?<!\b(?:benefit|behalf|request|instructions?|consent|approval|account|use|attention)\s)\b(?:of|belonging\s+to)\s+{p}\b(?!['’]s))";
        var grant = $@"\b{p}\s+(?:(?:hereby|shall)\s+)?grants?\b[^.;]{{0,120}}\blicen[cs]e\b[^.;]{{0,80}}\b(?:use|install|access|exploit|reproduce|of|in|under)\s+(?:the\s+|any\s+|all\s+)?{t}";
        // "The Supplier shall supply, and the Buyer shall purchase, the Film": the other side's verb set off by commas.
        var paired = $@"\b{p}\s+(?:shall|will|agrees\s+to|undertakes\s+to)\s+{Acts}\s*,\s*and\s+[^,;.]{{0,80}},\s*(?:the\s+|all\s+|such\s+)?(?:[\w-]+\s+){{0,2}}?{t}";
        return new Regex($"{active}|{passive}|{possessive}|{relative}|{defined}|{grant}|{paired}", RegexOptions.CultureInvariant, RegexBudget.Timeout);
    }

    /// <summary>The duty itself, after which its trigger is read: "shall indemnify … against", "shall reimburse … for".</summary>
    [GeneratedRegex(@"\b(?:indemnify|reimburse|compensate|hold\b[^.;]{0,60}\bharmless|keep\b[^.;]{0,60}\bindemnified)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Duty();

    [GeneratedRegex(@"\b(?:shall|will|must|agrees?|undertakes?|hereby)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Modal();

    [GeneratedRegex(@"\b(?:each|either|both)\s+(?:party|parties)\b|\bthe\s+(?:recipient|receiving\s+party|indemnifying\s+party)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex MutualSubject();

    /// <summary>A definition that names a party: "Lead Party" means Abernethy.</summary>
    [GeneratedRegex(@"^\W{0,3}[^""“”]{2,40}\W{0,3}\s+means\s+(?:the\s+)?(?<who>[^.,;]{2,60})\.?\s*$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex RoleOf();

    /// <summary>A duty's subject that is whoever receives a thing: "The Recipient of any Authority Information".</summary>
    [GeneratedRegex(@"\b(?:recipient|receiving\s+party|party\s+(?:receiving|that\s+receives))\s+of\s+(?:any|the|such)?\s*(?<thing>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Receiver();


    [GeneratedRegex(@"\b(?:save|except|excluding|provided\s+that|unless|other\s+than)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Exception();

    /// <summary>The matters a party is made answerable for: "for which that party is responsible", "that the relevant party is responsible for".</summary>
    [GeneratedRegex(@"\b(?:for\s+which|that|which)\s+(?:that|such|the\s+relevant|each|either)\s+[Pp]arty\s+(?:is|shall\s+be|remains)\s+(?:responsible|liable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Responsible();

    /// <summary>The list of examples after the matters a party answers for: ", including the design, manufacture …".</summary>
    [GeneratedRegex(@"^[^.;]{0,80}?\b(?:including|such\s+as|namely)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Including();

    /// <summary>A trigger that is each party's own conduct or property, so the duty stays mutual.</summary>
    [GeneratedRegex(@"\b(?:its|their)\s+(?:own\s+)?(?:breach\w*|negligen\w*|acts?|omissions?|wil+ful|fraud\w*|defaults?|failures?|personnel|employees|staff|representatives|sub-?contractors|officers|agents|products?|goods|materials?|data|information|content|property|intellectual|services|deliverables|obligations)\b|\bby\s+(?:it|them)\b|\b(?:that|such|the\s+relevant)\s+[Pp]arty\b|\bIndemnifying\s+Party\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex OwnConduct();
}
