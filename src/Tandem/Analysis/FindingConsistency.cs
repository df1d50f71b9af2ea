using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// One clause never carries contradictory findings: a clause is capped or uncapped, not both, and
/// a liquidated-damages clause is not a liability cap. The clause's own words decide: a finding of
/// "Uncapped Liability" needs words that lift a limit ("shall not be limited", "shall not apply
/// to", "unlimited") or an indemnity that reaches the indemnified party's own fault ("whether or not caused by"); a "Cap on Liability" on such a clause, or on a clause that fixes damages
/// without limiting them, or on a clause with no words of limitation at all (a warranty remedy),
/// is dropped; a "Termination for Convenience" on a clause that terminates only for cause is dropped. So is a label whose
/// own words are absent: a perpetual licence with no word of perpetuity, a first right with no word of priority, a minimum
/// commitment to no quantity or sum, post-termination services with no end and nothing provided after it. Dropped
/// categories may then be reported as missing. A schedule line that only restates a body term is shown once, as medium.
/// </summary>
public static partial class FindingConsistency
{
    /// <summary>The findings without the contradicted ones, and the categories that lost their every finding.</summary>
    public static (IReadOnlyList<Finding> Kept, IReadOnlySet<string> Emptied) Resolve(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var dropped = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        foreach (var clause in findings.GroupBy(f => f.ClauseId, StringComparer.Ordinal))
        {
            var quote = clause.First().Quote;
            // A clause too slow to read (a hostile text) keeps its findings rather than failing the review.
            dropped.UnionWith(RegexBudget.Run(() => Contradicted(clause, quote), () => []));
        }

        var kept = findings.Where(f => !dropped.Contains(f)).ToList();
        // One risk stated in two places is reported in full once. Each rule sees the severities the rules before it left, so a
        // finding defers only to one still at full severity: a schedule's minimum restating the body's, and the body clause the
        // model barely reads next to that sure schedule line, must not both be lowered.
        foreach (var defers in (Func<Finding, IReadOnlyList<Finding>, bool>[])[RestatesBody, FollowsFromStatedLiability, RefersToCommitment, RepeatsDefinedTerm])
        {
            var before = kept;
            kept = before.Select(f => defers(f, before) ? f with { Severity = Severity.Medium } : f).ToList();
        }

        var emptied = dropped.Select(f => f.Category).Where(c => kept.All(k => k.Category != c)).ToHashSet(StringComparer.Ordinal);
        return (kept, emptied);
    }

    /// <summary>The findings of one clause that its own words contradict; throws <see cref="RegexMatchTimeoutException"/> when a match takes too long.</summary>
    private static List<Finding> Contradicted(IGrouping<string, Finding> clause, string quote)
    {
        var found = new List<Finding>();
        var lifts = LiftsLimit().IsMatch(quote);
        var limits = Limits().IsMatch(quote);
        foreach (var f in clause)
        {
            var contradicted = f.Category switch
            {
                "Uncapped Liability" => !lifts && !f.ReadWithWholeContract && !f.LiftsLimit,
                "Cap on Liability" => (lifts && clause.Any(o => o.Category == "Uncapped Liability") && !limits)
                    || (LiquidatedDamages().IsMatch(quote) && !limits)
                    || !LimitWords().IsMatch(quote),
                // The other side's own step that ends the agreement ("if Licensor elects to reposition the brand … bring this
                // Agreement to an end"; "reduce the scope … to nil … this Agreement shall come to an end") is an exit at will too.
                // An exit read by ExitRights (its holder, what it ends, what sets it off), or a period whose end the other side's
                // own notice sets (PeriodEnds), needs no further words.
                "Termination for Convenience" => !Convenience().IsMatch(quote) && !EndsByOwnChoice().IsMatch(quote) && !f.Deviations.Contains(ExitRights.Deviation)
                    && !f.Deviations.Contains(PeriodEnds.EndedAtWill),
                // A licence is perpetual or irrevocable only when the clause says so (or says it survives or is paid up),
                // or a definition it rests on does (the "Licence Period" runs in perpetuity).
                // So is one whose period lasts until the licensee chooses to stop (PeriodEnds), one that "shall continue
                // notwithstanding" the end, and one kept "for as long as the Bank continues to make the App available".
                "Irrevocable or Perpetual License" => !PerpetualWords().IsMatch(quote) && !f.Definitions.Any(d => PerpetualWords().IsMatch(d.Text))
                    && !f.Deviations.Contains(PeriodEnds.ProlongedAtWill),
                // A first right needs words of priority: a "sole right to commercialise" is not one.
                "Rofr/Rofo/Rofn" => !FirstRightWords().IsMatch(quote),
                // A commitment is to a quantity or a sum: "not less than sixty days' notice", a shelf life of "at least 75%" or
                // availability of "at least 99.9 per cent" commit nobody to buy anything; a floor on a fee ("would be less
                // than £2,750, … shall instead pay") or a fee "not refundable in any circumstances" does.
                // The floor may sit in a definition the clause uses ("Chargeable Employees" is never fewer than 250).
                // A floor read by ChargeFloors ("the greater of … the number of Users … and 45 Users") is one too.
                "Minimum Commitment" => !f.ReadWithDefinitions && !CommitmentWords().IsMatch(quote) && !f.Deviations.Contains(ChargeFloors.Deviation),
                // What happens after the end: a clause on the move in ("transfer of the Services from the in-house team")
                // or one that only keeps other obligations alive ("Section 9 continues for three years") provides none.
                "Post-Termination Services" => !EndWords().IsMatch(quote) || !AfterEndServiceWords().IsMatch(quote),
                _ => false,
            };
            if (contradicted)
            {
                found.Add(f);
            }
        }

        return found;
    }

    /// <summary>
    /// A schedule's line (a table of annual minimums, a price list) whose side cannot be read, restating a term the body of
    /// the contract already carries at this severity or above: one risk, reported in full once, on the body clause.
    /// </summary>
    private static bool RestatesBody(Finding f, IReadOnlyList<Finding> all) =>
        f.Severity > Severity.Medium && f.Favours == Favours.Unclear && SchedulePath().IsMatch(f.ClausePath)
        && all.Any(o => o.Category == f.Category && !SchedulePath().IsMatch(o.ClausePath) && o.Severity >= f.Severity);

    /// <summary>
    /// An uncapped-liability finding inferred from what the whole contract lacks (no cap covers this indemnity) where
    /// another clause says outright, in general words, that the same side's liability is unlimited at this severity or
    /// above: one risk, reported at full severity where the contract states it. A clause that singles this one out by
    /// number ("the Supplier's liability under Article 7 is not limited") marks it as a risk of its own.
    /// </summary>
    private static bool FollowsFromStatedLiability(Finding f, IReadOnlyList<Finding> all) =>
        f.Severity > Severity.Medium && f.Category == "Uncapped Liability" && f.ReadWithWholeContract
        && all.Any(o => o.Category == f.Category && o.ClauseId != f.ClauseId && !o.ReadWithWholeContract && o.Severity >= f.Severity
            && o.Favours == f.Favours && !Names(o.Quote, f.ClausePath));

    /// <summary>
    /// A clause the model barely reads as a commitment (when the royalties above the guaranteed minimum are paid, when a
    /// shortfall is invoiced) next to the clause it clearly reads as setting that commitment at this severity or above:
    /// one risk, reported in full where the minimum is set.
    /// </summary>
    private static bool RefersToCommitment(Finding f, IReadOnlyList<Finding> all) =>
        f.Severity > Severity.Medium && f.Category == "Minimum Commitment" && f.Confidence < UnsureOfCommitment
        && all.Any(o => o.Category == f.Category && o.ClauseId != f.ClauseId && o.Confidence >= SureOfCommitment && o.Severity >= f.Severity);

    /// <summary>
    /// A clause that takes its deviation only from a definition ("a marketing levy of 3% of Gross Sales", "Gross Sales"
    /// defined to include VAT) after an earlier clause took the same deviation from the same definition (the royalty on
    /// Gross Sales): one risk, reported in full where the contract first uses the term.
    /// </summary>
    private static bool RepeatsDefinedTerm(Finding f, IReadOnlyList<Finding> all) =>
        f.Severity > Severity.Medium && f.ReadWithDefinitions && f.Deviations.Count > 0
        && all.Any(o => o.Category == f.Category && o.ClauseId != f.ClauseId && o.ReadWithDefinitions && o.Start < f.Start
            && o.Severity >= f.Severity && o.Deviations.Intersect(f.Deviations, StringComparer.Ordinal).Any()
            && o.Definitions.Any(d => f.Definitions.Any(e => e.ClausePath == d.ClausePath && e.Term == d.Term)));

    private const double UnsureOfCommitment = 0.5;
    private const double SureOfCommitment = 0.9;

    /// <summary>Whether <paramref name="quote"/> refers to the clause at <paramref name="path"/> or to the section holding it.</summary>
    private static bool Names(string quote, string path)
    {
        foreach (Match reference in ClauseReference().Matches(quote))
        {
            foreach (Match number in ReferencedNumber().Matches(reference.Groups[1].Value))
            {
                if (path == number.Value || path.StartsWith(number.Value + ".", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    [GeneratedRegex(@"\b(?:clauses?|sections?|articles?|paragraphs?)\s+(\d+(?:\.\d+)*(?:\s*(?:,|and|or|to)\s*\d+(?:\.\d+)*)*)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex ClauseReference();

    [GeneratedRegex(@"\d+(?:\.\d+)*", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex ReferencedNumber();

    /// <summary>Whether <paramref name="path"/> is in a schedule, exhibit, annex, appendix or attachment.</summary>
    internal static bool IsSchedulePath(string path) => SchedulePath().IsMatch(path);

    [GeneratedRegex(@"^(?:Schedule|Exhibit|Annex|Appendix|Attachment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchedulePath();

    [GeneratedRegex(@"\b(?:perpetu\w*|irrevocabl\w*|non-terminable|without\s+limit\s+(?:of|in)\s+time|not\s+be\s+capable\s+of\s+being\s+withdrawn|in\s+perpetuity|for\s+ever|forever|surviv\w*|residu\w*|unaided\s+memor\w*|for\s+any\s+(?:other\s+)?purpose|without\s+(?:any\s+)?(?:restriction|limitation)|fully[\s-]+paid|paid[\s-]+up|for\s+the\s+(?:full\s+)?(?:life|duration)\s+of|(?:shall|will|does)\s+not\s+(?:terminate|end|expire)|(?:continue|remain)\w*\s+in\s+(?:full\s+)?(?:force|effect)|after\s+(?:the\s+)?(?:expiry|expiration|termination|end)|(?:shall|will)\s+continue\s+(?:after|notwithstanding|following)\b|no\s+right\s+to\s+(?:bring\s+(?:it|them)\s+to\s+an\s+end|terminate\s+it|revoke\s+it)|for\s+(?:so|as)\s+long\s+as\s+(?:the\s+)?\w+\s+(?:continues|wishes|chooses|keeps|elects))", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex PerpetualWords();

    [GeneratedRegex(@"\b(?:first|refus\w*|match\w*|pre-?empt\w*|option\w*|offer\w*|elect\w*|(?:on\s+)?the\s+same\s+terms|before\s+(?:offering|selling|presenting|granting|entering|accepting|negotiating)|prior\s+to\s+(?:offering|selling|granting|entering|accepting)|right\s+to\s+(?:buy|purchase|acquire|negotiate))", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex FirstRightWords();

    [GeneratedRegex(@"\bminimum\s+(?:annual\s+|monthly\s+|quarterly\s+|yearly\s+)?(?:purchase|order|spend|commitment|volume|quantit|fee|royalt|revenue|payment|charge|sales|billing|guarantee|hours|number|term|amount|sum|units?)|\bminimum\b(?![^.;]{0,20}\b(?:notice|period|shelf|availability|uptime)\b)|\bcommit\w*|\btake[- ]or[- ]pay|\btake\s+and\s+pay\s+for\b|\bshortfall|\bguarantee\w*|\bfalls?\s+short\b|\bnever\s+(?:fewer|less)\s+than\b|\bwhether\s+or\s+not\b|\bnon-?refundable|\bnot\s+refundable|\b(?:would\s+be|is)\s+less\s+than\s+[^.;]{0,40}?(?:£|\$|€|\b(?:GBP|USD|EUR)\b)|\bwhatever\s+the\s+(?:volume|amount|level|number)\b|\bgreater\s+of\b(?:[^.;]){0,120}\band\s+(?:\(b\)\s+)?[\d,]{3,}\s+\w|\bas\s+if\s+[\d,]{3,}\b|\binstead\s+pay\b|\bremainder\s+of\s+the\s+(?:\w+\s+){0,2}Minimum\b|\bas\s+if\s+(?:the\s+\w+\s+|it\s+)?had\s+remained\b|\bnon-?cancell?able|\bpayable\s+in\s+full\b|\b(?:payable|paid|due)\s+for\s+the\s+(?:whole|entire|full)\s+(?:of\s+the\s+)?minimum\b|\bwould\s+have\s+(?:fallen|become)\s+due\b|\bunconditional|\bfund\w*|\bcontribut\w*|\btargets?\b|\bsafety\s+stock|\b(?:production\s+)?capacity\b|\binventory\b|\b(?:cannot|may\s+not|shall\s+not)\s+be\s+reduced\b|\b(?:nonetheless|nevertheless|still)\s+pay\b|\b(?:at\s+least|not\s+(?:less|fewer)\s+than|no\s+(?:less|fewer)\s+than|a\s+minimum\s+of)\s+(?![\w.,-]+\s+(?:\(\s*[\d.,]+\s*%?\s*\)\s+)?(?:calendar\s+|business\s+|working\s+|clear\s+|consecutive\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|per\s*cent|percent)\b|[\d.,]+\s*%)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex CommitmentWords();

    [GeneratedRegex(@"\b(?:(?:Agreement|Contract|Term)\s+(?:ends|has\s+ended|comes\s+to\s+an\s+end)|terminat\w*|expir\w*|exit\w*|cessation|ceases?|wind(?:ing)?[- ]down|afterwards|thereafter|end\s+of\s+(?:the|this)\s+(?:Term|Agreement|contract)|(?:after|following|on|upon)\s+(?:the\s+)?end(?:ing)?\b|delist\w*|discontinu\w*)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex EndWords();

    [GeneratedRegex(@"\b(?:services?|assist\w*|transition\w*|support\w*|suppl(?:y|ies|ied)|data|content|migrat\w*|export\w*|download\w*|retriev\w*|return\w*|cooperat\w*|co-operat\w*|continu\w*\s+to\s+(?:provide|supply|sell|use|access|perform|service|support)|sell[- ]off|run[- ]off|hand[- ]?over|knowledge\s+transfer|spare\s+parts|last[- ]time\s+buy|buy[- ]back|buy\s+(?:all|any|the)|make\s+(?:[^.;]){0,80}\bavailable|repurchas\w*|stock|inventory|licen[cs]e\w*|orders?)\b", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex AfterEndServiceWords();

    [GeneratedRegex(@"\b(?:unlimited|not\s+be\s+limited|(?:shall|will|do|does)\s+not\s+apply\s+to|no\s+(?:limitation|limit|cap|exclusion)s?\b[^.;]{0,60}\bappl(?:y|ies)\b|nothing\s+in\s+this\s+(?:agreement|section)\s+(?:shall\s+)?limits?|nothing\s+in\s+(?:this\s+)?(?:clauses?|sections?|articles?)\s+\d+(?:\.\d+)*(?:\s*(?:,|and|or|to)\s*\d+(?:\.\d+)*)*\s+(?:shall\s+|will\s+)?(?:apply\s+to|limits?|excludes?|restricts?)\b|without\s+(?:any\s+)?(?:limit|cap)\b|no\s+(?:limit|cap)\b|excluded\s+from\s+(?:the\s+|any\s+)?(?:cap|limitation)|not\s+(?:be\s+)?subject\s+to\s+(?:the\s+|any\s+)?(?:\w+\s+){0,2}(?:caps?\b|limit\w*)|not\s+(?:be\s+)?limited\s+(?:in\s+amount|by\s+(?:any|the)\b)|uncapped|indemnif\w*[^.;]{0,400}?\b(?:indirect|consequential)\s+(?:or\s+consequential\s+)?(?:loss|damage)|indemnif\w*[^.;]{0,900}?\b(?:whether\s+or\s+not\s+(?:caused|contributed|[^.;]{0,60}?\b(?:modified|altered|changed|approved|misused)\b[^.;]{0,20}\bby)|regardless\s+of\s+(?:whether|fault|the\s+cause)|whatever\s+the\s+cause|even\s+(?:where|if)\s+caused|(?<!\b(?:except|excluding|other\s+than|save|unless)\b[^.;]{0,40})(?:caused|contributed\s+to)\s+(?:in\s+whole\s+or\s+)?(?:in\s+part\s+|wholly\s+or\s+partly\s+)?by\s+(?:the\s+)?(?:acts?|omissions?|negligence|fault)))", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex LiftsLimit();

    [GeneratedRegex(@"\b(?:shall\s+not\s+exceed|will\s+not\s+exceed|not\s+to\s+exceed|limited\s+to|in\s+no\s+event\s+(?:shall|will)\s+\w+(?:['’]s)?\s+(?:\w+\s+){0,3}(?:liability|damages)[^.]{0,60}exceed|aggregate\s+liability|(?:shall|will)\s+not\s+be\s+liable|in\s+no\s+event\s+(?:shall|will)\s+\w+\s+be\s+liable)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex Limits();

    /// <summary>Words without which a termination right is for cause, not for convenience (an exit before the end of the term "on giving six months' notice" needs no cause; nor does one open whenever a better offer arrives, or a break on any rent day "by giving … notice" with no condition before it or after the notice, or one its holder may use whenever it decides to, or once it considers the project or products "no longer viable" or the services "no longer meet its needs", or one that runs "until either party ends it by giving … notice").</summary>
    [GeneratedRegex(@"\b(?:convenience|for\s+any\s+(?:business\s+|commercial\s+|other\s+)?reason|(?:decide[sd]?|elects?|chooses?)\s+to\s+(?:discontinue|cease|stop|withdraw|exit|re-?platform)|for\s+no\s+reason|without\s+cause|without\s+(?:giving\s+|assigning\s+|stating\s+)?(?:any\s+|a\s+)?reasons?|at\s+any\s+time(?!\s+after\s+(?:the\s+|a\s+|an\s+|any\s+)?(?:occurrence|happening|(?:Termination|Default|Insolvency|Trigger|Relevant|Specified)\s+Events?\b|Events?\s+of\s+Default))|at\s+will|in\s+its\s+(?:sole\s+|absolute\s+|commercial\s+|own\s+)?discretion|from\s+general\s+availability|to\s+its\s+customers\s+generally|(?:if|where)\s+(?:the\s+)?\w+\s+decides\s+to\b|(?:if|where)\s+(?:it|the\s+\w+)\s+(?:has\s+)?decide[sd]\b|at\s+its\s+(?:sole\s+|absolute\s+)?option(?![^.;]{0,200}\b(?:if|where|unless|in\s+the\s+event|breach\w*|insolv\w*)\b)|(?<!\b(?:if|where|unless|in\s+the\s+event|on\s+the\s+occurrence)\b(?:[^.;]|\.(?=\d)){0,200})bring\s+this\s+(?:Agreement|Contract)\b(?:\s*\([^)]{0,100}\))?\s+to\s+an\s+end(?!\s+(?:at|on|with\s+effect\s+from)\s+the\s+(?:end|expiry)\b)(?![^.;]{0,100}\b(?:if|where|unless|in\s+the\s+event|breach\w*|insolv\w*)\b)|for\s+(?:operational|commercial|business)\s+(?:or\s+(?:operational|commercial|business)\s+)?reasons?|before\s+the\s+(?:end|expiry)\s+of\s+the\s+(?:\w+\s+){0,2}(?:Term|Period)\s+(?:on|by)\s+giving|if\s+it\s+receives\s+(?:a|an|any)\s+(?:bona\s+fide\s+)?(?:proposal|offer|approach)|if,?\s+in\s+(?:the\s+)?\w+['’]s\s+(?:sole\s+)?(?:opinion|view),?\s+(?:the\s+)?\w+\s+no\s+longer\s+(?:fits|suits|meets)|if\s+the\s+\w+\s+intends\s+to\s+(?:redevelop|refurbish|reconfigure|demolish)|\bmay\b(?:[^.;]){0,80}\bremove\s+(?:any|all|part)\b(?:[^.;]){0,80}\bfrom\s+the\s+scope\s+of\s+this\s+(?:Agreement|Contract)\b(?![^.;]{0,120}\b(?:if|where|unless|breach\w*|insolv\w*|fails?)\b)|(?:consider|determine|decide|conclude|believe)s?\s+(?:that\s+)?(?:[^.;]){0,120}?\bno\s+longer\s+(?:\w+\s+){0,2}(?:viable|needed|required|necessary|meets?|fits?|suits?|appropriate|economic(?:al)?|profitable|justified|desirable)\b|if\s+(?:the\s+)?\w+\s+requires\s+(?:it|them|the\s+\w+)\s+for\s+(?:another|any\s+other)\s+(?:customer|hirer|client|purpose)|(?<!\b(?:if|where|unless|in\s+the\s+event|on\s+the\s+occurrence)\b(?:[^.;]|\.(?=\d)){0,200})(?:terminate|end|determine|break)\s+this\s+(?:Agreement|Contract|Lease|Underlease|Licen[cs]e)\b(?:(?!\b(?:if|where|unless|upon|following|breach\w*|insolv\w*|default\w*)\b)[^.;]){0,100}?\bby\s+giving\b[^.;]{0,80}\bnotice(?![^.;]{0,160}\b(?:if|where|in\s+the\s+event|unless|breach\w*|insolv\w*|fails?\s+to)\b)|(?:continues?|remains?)\s+(?:in\s+(?:full\s+)?force\s+)?until\s+(?:either|each)\s+party\s+(?:ends|terminates|determines)\s+it\s+by\s+giving\b[^.;]{0,80}\bnotice(?![^.;]{0,120}\b(?:breach\w*|insolv\w*|default\w*)\b))\b", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex Convenience();

    /// <summary>A party "may" take a step that ends the agreement, in a clause that names no fault, insolvency, change of control or expiry.</summary>
    [GeneratedRegex(@"^(?![\s\S]*\b(?:breach\w*|insolv\w*|fail\w*|reject\w*|(?:at|on)\s+the\s+(?:end|expiry)\s+of\s+(?:the\s+|any\s+)?(?:\w+\s+){0,2}(?:Term|Period)|default\w*|overdue|unpaid|late\s+payment|force\s+majeure|change\s+(?:of|in)\s+(?:the\s+)?control|Control\s+of|remed\w+|wind(?:ing)?[- ]up|administrat(?:ion|or)|liquidat\w+|bankrupt\w*|debts?|expir(?:y|ation)\s+of\s+(?:the|this|its)\s+(?:\w+\s+)?(?:Term|Agreement|Period)|(?:Term|Agreement|Period)\s+expires|renew\w*|non-renewal|Initial\s+Term|unlawful|illegal|sanction\w*)\b)[\s\S]{0,200}?\bmay\b[\s\S]{0,500}?(?:\bbring\b[\s\S]{0,100}?\b(?:this\s+)?(?:Agreement|Contract)\b[\s\S]{0,40}?\bto\s+an\s+end\b|\b(?:this\s+)?(?:Agreement|Contract)(?:\s*\([^)]{0,80}\))?\s+shall\s+(?:then\s+)?(?:come\s+to\s+an\s+end|end|terminate)\b)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex EndsByOwnChoice();

    /// <summary>Words without which a clause cannot be a limitation of liability (a warranty remedy mislabelled as a cap).</summary>
    [GeneratedRegex(@"\b(?:liab\w*|damages|exceed\w*|limit\w*|cap(?:s|ped)?|remed\w*|in\s+no\s+event|claims?\s+(?:must|shall)\s+be\s+brought)\b", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex LimitWords();

    [GeneratedRegex(@"\bliquidated\s+damages\b|\bas\s+liquidated\b", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex LiquidatedDamages();
}
