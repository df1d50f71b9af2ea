using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A right to leave read as a lawyer reads it, whatever the clause calls it: "it may withdraw from any Statement of Work",
/// "the Customer may withdraw any one or more Group Companies from the scope of the Services", "Licensor may designate the
/// Software as end-of-life", "it may bring this Agreement to an end", "If the Integrator decides that the Project shall
/// not proceed … this Agreement shall terminate". Each sentence is read for three things: an exit (a verb of leaving and
/// what is left: the agreement or a part of it), who holds it (the subject, through <see cref="ReviewLens.Stance"/>), and
/// what sets it off. An exit set off by the holder's own judgement ("if it reasonably considers", "if it determines that
/// … is not commercially viable", "where the Customer reorganises … or ceases to need the Services", "at any time") or by
/// nothing at all is a convenience exit; one set off by the other side's breach, insolvency or change of control, by the
/// term's end or by a law is not. A convenience exit only the other side holds is a high risk for the reviewed side,
/// whichever side that is: a customer loses the service, a provider the revenue.
/// </summary>
public static partial class ExitRights
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "The other side may leave at its own choice";

    /// <summary>What one sentence's exit is: who holds it and what it ends.</summary>
    /// <param name="Holder">Whom the exit favours, seen from the reviewed side.</param>
    /// <param name="Ends">The exit's words as the sentence has them ("withdraw from any Statement of Work").</param>
    public sealed record Exit(Favours Holder, string Ends);

    /// <summary>
    /// The convenience exits <paramref name="clause"/> gives, one per sentence that has one, each with whom it favours;
    /// empty without a side or when every exit there needs a fault or an event the holder does not choose.
    /// </summary>
    public static IReadOnlyList<Exit> Read(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Side is null)
        {
            return [];
        }

        return RegexBudget.Run(() => ReadOnce(clause, lens), () => []);
    }

    private static List<Exit> ReadOnce(string clause, ReviewLens lens)
    {
        var exits = new List<Exit>();
        foreach (var sentence in ClauseSentences.Split(clause))
        {
            var exit = Leaves().Match(sentence);
            // A lead-in ("Franchisor may terminate this Agreement by written notice:") leaves its grounds to the list.
            if (!exit.Success || Fault().IsMatch(sentence) || sentence.TrimEnd().EndsWith(':'))
            {
                continue;
            }

            // A law, a regulation or the circumstances set the exit off only when they are the trigger, not what the holder
            // weighs: "where the Bank considers in good faith that it is appropriate in light of its regulatory obligations … or
            // its strategy" is the Bank's own choice.
            if (OutsideEvent().Match(sentence) is { Success: true } outside && !(Judgement().Match(sentence) is { Success: true } judgement && judgement.Index < outside.Index))
            {
                continue;
            }

            // A condition before the exit is the holder's own choice only when it says so; "if the Price rises", "where the
            // Customer's requirements fall" are events the holder does not choose, and the playbook's words judge them.
            if (Condition().IsMatch(sentence) && !OwnChoice().IsMatch(sentence))
            {
                continue;
            }

            if (!Notice().IsMatch(sentence) && !OwnChoice().IsMatch(sentence))
            {
                continue;
            }

            // Whose exit: the stance of the sentence up to the exit's words ("If the Consultant considers …, it may withdraw"
            // is the Consultant's), so a notice given to the other side later in the sentence does not make it theirs.
            // The party a notice is given to ("may, by giving the Customer not less than ninety days' notice, withdraw") is not
            // the holder, so the notice is read out first.
            var upTo = GivenNotice().Replace(sentence[..(exit.Index + exit.Length)], " ");
            var holder = lens.Stance(upTo).Favours;
            if (holder is not (Favours.Us or Favours.Them or Favours.Both))
            {
                // "If the Integrator decides that the Project shall not proceed": a decision, not a right the stance reads;
                // its holder is the party named last before it.
                holder = LastNamed(upTo, lens.Side!);
            }

            // "It may … withdraw any Service Module": the holder is the party the clause named before the sentence.
            if (holder is not (Favours.Us or Favours.Them or Favours.Both) && Pronoun().IsMatch(upTo) && clause.IndexOf(sentence, StringComparison.Ordinal) is > 0 and var start)
            {
                holder = LastNamed(clause[..start], lens.Side!);
            }

            // The side that is paid (a provider, a licensor) expects the paying side to be able to leave the whole agreement
            // on a reasonable notice: only a short one, or a withdrawal of part of what it buys, is a risk to it.
            if (holder == Favours.Them && !lens.Side!.Receives
                && WholeAgreement().IsMatch(exit.Value) && lens.Measure(sentence).TryGetValue("notice_days", out var days) && days >= ReasonableNoticeDays)
            {
                continue;
            }

            // A thing withdrawn that the contract does not name as part of what it provides counts only when it is the
            // holder's: "withdraw any Crane" when the Owner supplies the Cranes, not "withdraw any Claim".
            // "withdraw any Recovery Tier, or the Services as a whole": the whole of what it provides is no such thing.
            if (exit.Groups["thing"] is { Success: true } thing && !exit.Groups["whole"].Success && !ProvidedThing(thing.Value, holder, lens))
            {
                continue;
            }

            if (holder is Favours.Us or Favours.Them or Favours.Both)
            {
                exits.Add(new Exit(holder, exit.Value.Trim()));
            }
        }

        return exits;
    }

    /// <summary>Whether <paramref name="thing"/> ("Crane", "Hosting Platform") is a defined thing only the holder supplies.</summary>
    private static bool ProvidedThing(string thing, Favours holder, ReviewLens lens)
    {
        var term = lens.Definitions.Used(thing).FirstOrDefault();
        return term is not null && lens.Owners.Of(term.Term) == holder switch
        {
            Favours.Us => (true, false),
            Favours.Them => (false, true),
            _ => (true, true),
        };
    }

    /// <summary>Whom the party named last in <paramref name="text"/> is, seen from <paramref name="side"/>; unclear when none is named.</summary>
    private static Favours LastNamed(string text, ReviewSide side)
    {
        var (at, last) = (-1, (ContractParty?)null);
        foreach (var party in side.Parties)
        {
            foreach (var name in party.Aliases.Append(party.Role).Append(party.Name).Where(n => n.Length > 1))
            {
                var found = Regex.Match(text, $@"\b{Regex.Escape(name)}\b", RegexOptions.RightToLeft | RegexOptions.CultureInvariant, RegexBudget.Timeout);
                if (found.Success && found.Index > at)
                {
                    (at, last) = (found.Index, party);
                }
            }
        }

        return last is null ? Favours.Unclear : last == side.Party ? Favours.Us : Favours.Them;
    }

    /// <summary>
    /// The review's findings with each convenience exit only the other side holds reported as a high-risk termination for
    /// convenience: the finding already on the clause raised, or one made for it.
    /// </summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? convenience, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText)
    {
        if (convenience is null || lens.Side is null)
        {
            return findings;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < clauses.Count; i++)
        {
            var path = ContextClause.ClausePathOf(clauses[leadIns[i]].Clause.Path);
            if (done.Contains(path) || clauses[i].Clause.Kind == Documents.ClauseKind.Definition
                || Read(texts[i], lens).FirstOrDefault(e => e.Holder == Favours.Them) is not { } exit)
            {
                continue;
            }

            done.Add(path);
            var at = findings.FindIndex(f => f.Category == convenience.Category && f.ClausePath == path);
            if (at >= 0 && findings[at].Severity >= Severity.High)
            {
                // Judged high already (the playbook's words saw the other side's exit): the reading is recorded, so the
                // finding stands however few of the usual words of convenience the clause has.
                findings[at] = findings[at] with { Deviations = [.. findings[at].Deviations.Where(d => d != Deviation), Deviation] };
                continue;
            }

            var rationale = lens.Fill($"{{them}} holds an exit of its own choosing (\"{exit.Ends}\"), set off by its judgement and no fault of {{us}}'s: "
                + "a convenience exit in other words, which {us} does not hold; {us} would have to replace what it loses in the notice period.");
            RaisedFindings.Raise(findings, convenience, clauses, i, leadIns, lens, documentText, judged => judged with
            {
                Severity = Severity.High,
                Rationale = rationale,
                Deviations = [.. judged.Deviations.Where(d => d != Deviation), Deviation],
            });
        }

        return findings;
    }

    /// <summary>A notice given to someone, read out of the words before an exit: ", by giving the Customer not less than sixty days' notice,".</summary>
    [GeneratedRegex(@",?\s*\b(?:by|on|upon)\s+(?:giving|serving)\b[^,;.]{0,120}\bnotice\b[^,;.]{0,40},?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex GivenNotice();

    /// <summary>A sentence whose subject is a pronoun: "It may", "it shall be entitled to".</summary>
    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)*\s+)?(?:It|They)\b", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Pronoun();

    /// <summary>
    /// A verb of leaving and what it leaves: the agreement, or a part of what it provides ("withdraw from any Statement of
    /// Work", "withdraw any Service Module", "remove … from the scope", "designate the Software as end-of-life", "bring this
    /// Agreement to an end", "end that Work Order"); a decision to retire a part that the holder "may do" on notice ("Where the
    /// Provider decides to retire the Platform or any Module …, it may do so by giving the Customer not less than 90 days'
    /// notice"); or a decision that the work shall not go on.
    /// </summary>
    [GeneratedRegex(@"\bmay\s*,?\s+(?:(?:at\s+any\s+time|at\s+its\s+option|in\s+its\s+(?:sole\s+|absolute\s+)?discretion)\s*,?\s+)?(?:(?:by\s+giving|on\s+giving|by|on|upon)\s+(?:[^.;,]){0,120}\bnotice\b(?:[^.;,]){0,40},?\s+)?(?:(?:decide|elect|choose)\s+to\s+)?(?:"
        + @"(?:terminate|end|cancel|determine)\s+(?:this|the|that|any|each|an?)\s+(?:\w+\s+){0,2}(?:Agreement|Contract|Statement\s+of\s+Work|SOW|Work\s+Orders?|Programme|Project|Engagement|Appointment|Subscription|Licen[cs]es?|Services?|Service\s+Modules?|Modules?)\b"
        + @"|withdraw\s+from\s+(?:this|the|that|any|each)\s+(?:\w+\s+){0,2}(?:Agreement|Contract|Statement\s+of\s+Work|SOW|Work\s+Orders?|Orders?|Programme|Project|Engagement|Appointment|Arrangement|Scheme|Events?|Bookings?|Assignments?|Campaigns?|Seasons?)\b"
        + @"|(?:withdraw|discontinue|remove)\s+(?:(?:any\s+)?one\s+or\s+more|any|all|the|each|some)\s+(?:(?:of\s+the\s+)?\w+\s+){0,2}(?:Services?|Service\s+Modules?|Modules?|Group\s+Compan(?:y|ies)|Sites?|Locations?|Platform|Software|Support|Deliverables?|Territor(?:y|ies))\b"
        + @"|(?:withdraw|remove|decommission|recall)\s+(?:(?:any\s+)?one\s+or\s+more|any|all|the|each|some)\s+(?:of\s+the\s+)?(?<thing>(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}))(?:\s*,?\s+or\s+(?:the\s+|all\s+(?:of\s+)?the\s+)?(?<whole>Services?|Platform|Software)(?:\s+as\s+a\s+whole)?\b)?"
        + @"|(?:reduce|cut|decrease)\s+(?:[^.;]){0,80}\bto\s+(?:nil|zero|nothing)\b"
        + @"|designate\s+(?:[^.;]){0,60}?\bas\s+(?:end[- ]of[- ]life|discontinued|obsolete)\b"
        + @"|(?:withdraw|revoke|terminate)\s+(?:the|any|all|some)\s+(?:of\s+the\s+)?(?:rights|licen[cs]es?|permissions?)\s+(?:granted|given)\b"
        + @"|notify\s+(?:the\s+)?\w+\s+(?:of\s+)?(?:an?\s+|the\s+)?(?:earlier\s+)?date\s+on\s+which\s+(?:this|the)\s+(?:\w+\s+){0,2}(?:Agreement|Contract|Term|Period|Licen[cs]e)\s+(?:shall|will)\s+(?:end|terminate|expire|come\s+to\s+an\s+end)\b"
        + @"|bring\s+(?:this|the)\s+(?:Agreement|Contract|Project|Programme|Collaboration|Engagement|Appointment|Arrangement)\s+(?:\([^()]{0,120}\)\s+)?to\s+an\s+end\b"
        + @"|(?:[^.;]){1,120}\bor\s+(?:to\s+)?(?:bring\s+(?:this|the)\s+(?:Agreement|Contract)\s+to\s+an\s+end|terminate\s+(?:this|the)\s+(?:Agreement|Contract))\b)"
        + @"|\b(?:decides?|elects?|wishes|chooses?)\s+to\s+(?:retire|withdraw|discontinue|decommission|cease\s+to\s+(?:offer|provide|supply|support|make\s+available))\s+(?:the|any|all|each|some)\s+(?:\w+\s+){0,2}(?:Services?|Service\s+Modules?|Modules?|Platform|Software|Products?|Support|Features?|Functionality)\b(?=(?:[^.;]){0,200}\b(?:may\s+do\s+so|(?:it|they)\s+shall\s+give\b(?:[^.;]){0,80}\bnotice)\b)"
        + @"|\b(?:decides?|elects?|chooses?)\s+to\s+(?:stop|cease|discontinue|withdraw)\s+(?:offering|providing|supplying|making\s+available|supporting)\b(?=(?:[^.;]){0,300}\b(?:Agreement|Contract|licen[cs]e)\b(?:[^.;]){0,120}\b(?:shall|will)\s+(?:end|terminate|cease)\b)"
        + @"|\bmay\b(?:[^.;]){0,160}\b(?:has\s+)?(?:decided|decides)\s+to\s+(?:discontinue|abandon|cease|stop)\s+(?:the\s+|all\s+)?(?:development|production|work|performance)\b"
        + @"|\bmay\s+(?:decide|determine|resolve)\s+that\s+(?:the\s+)?(?:Project|Programme|Collaboration|Research|Study|Engagement|Agreement|Contract)\s+(?:shall|will|should)\s+not\s+(?:proceed|continue|go\s+ahead)\b"
        + @"|\b(?:decides?|determines?|elects?)\s+(?:that\s+)?(?:the\s+)?(?:\w+\s+){0,2}(?:shall|will|should)\s+not\s+(?:proceed|continue)\b(?=(?:[^.;]|\.(?=\d)){0,200}\b(?:Agreement|Contract)\s+shall\s+(?:terminate|end)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Leaves();

    /// <summary>The notice, in days, on which the paid side accepts that the paying side may leave the whole agreement.</summary>
    private const double ReasonableNoticeDays = 90;

    /// <summary>An exit from the whole agreement, not from a part of it.</summary>
    [GeneratedRegex(@"\b(?:Agreement|Contract)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex WholeAgreement();

    /// <summary>What makes an exit no convenience: the other side's fault or failure, insolvency, a change of control, the term's end, a law or an outside event.</summary>
    [GeneratedRegex(@"\b(?:breach\w*|insolv\w*|fails?|failure|default\w*|overdue|unpaid|non-?payment|late\s+payment|force\s+majeure|change\s+(?:of|in)\s+(?:the\s+)?(?:control|ownership)|Control\s+Event|Acquisition|(?:comes?|came)\s+under\s+(?:the\s+)?Control|remed\w+|wind(?:ing)?[- ]up|administrat(?:ion|or)|liquidat\w+|bankrupt\w*|expir(?:y|ation)\s+of\s+(?:the|this|its)\s+(?:\w+\s+)?(?:Term|Agreement|Period)|(?:Term|Agreement|Period)\s+expires|renew\w*|non-renewal|(?:at|on|with\s+effect\s+from)\s+the\s+(?:end|expiry)\s+of\s+(?:the\s+|any\s+|each\s+|a\s+)?(?:\w+\s+){0,3}(?:Term|Period|year|Year|Contract\s+Year)|licen[cs]e\s+(?:is\s+)?(?:revoked|suspended)|ceases?\s+to\s+hold|dispute|disrepute|convicted|fraud\w*|misconduct|negligen\w*|prior\s+written\s+consent)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Fault();

    /// <summary>An event outside either side's choice that may set an exit off: a law, a regulation, a sanction, "circumstances".</summary>
    [GeneratedRegex(@"\b(?:circumstances|unlawful|illegal|sanction\w*|required\s+(?:by|to\s+comply)|law|regulat\w+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex OutsideEvent();

    /// <summary>The holder's judgement, which what follows it is the object of: "considers", "determines", "is of the opinion".</summary>
    [GeneratedRegex(@"\b(?:considers?|determines?|decides?|concludes?|believes?|(?:is|are)\s+of\s+the\s+(?:reasonable\s+)?opinion|in\s+its\s+(?:sole\s+|absolute\s+)?(?:opinion|view|discretion))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Judgement();

    /// <summary>A condition on the exit: "if", "where", "in the event that", "on", "following".</summary>
    [GeneratedRegex(@"\b(?:if|where|in\s+the\s+event|upon|following|provided\s+that|unless|when)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Condition();

    /// <summary>
    /// The holder's own judgement as the trigger: "considers", "determines … not commercially viable", "decides", "ceases to
    /// need", "reorganises", "at any time", "for any reason"; or a routine review it sits in ("following each annual review").
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:reasonably\s+|in\s+good\s+faith\s+)?(?:considers?|determines?|decides?|elects?|wishes|chooses?|believes?|concludes?)\b|(?:is|are)\s+of\s+the\s+(?:reasonable\s+)?opinion|in\s+its\s+(?:sole\s+|absolute\s+|reasonable\s+|commercial\s+)?(?:opinion|view|discretion|judgement|judgment)|(?:no\s+longer|not)\s+commercially\s+viable|commercial\s+viability|ceases?\s+to\s+(?:need|require)|no\s+longer\s+(?:needs?|requires?|wishes)|reorganis\w+|reorganiz\w+|disposes?\s+of|needed\s+elsewhere|(?:requires?|needs?|wants?)\s+(?:it|them|that\s+\w+|the\s+\w+)\s+for\s+(?:another|any\s+other|other)\s+(?:customer|client|hirer|purpose|project|use)|at\s+any\s+time|for\s+any\s+(?:\w+\s+)?reason|without\s+(?:cause|reason|giving\s+(?:any\s+)?reasons?)|for\s+(?:its\s+own\s+)?convenience|route\s+to\s+market|its\s+(?:business|commercial)\s+(?:needs|strategy|priorities)|(?:following|after|at)\s+(?:each|any|every)\s+(?:annual\s+|periodic\s+|scheduled\s+)?(?:review|Review\s+Meeting)s?\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex OwnChoice();

    /// <summary>Notice given for the exit: "by giving … notice", "on thirty days' notice", "by notice", "shall notify".</summary>
    [GeneratedRegex(@"\bnotice\b|\bnotify\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Notice();

}
