using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A carve-out from the limits of liability read against the indemnities it leaves unlimited, as a lawyer reads it:
/// "Nothing in clause 13.1 or clause 13.2 limits either party's liability under clause 12.1", "The limits … shall not
/// apply to any amount payable under an indemnity", "Nothing in this Agreement limits any liability: (c) of a party under
/// clause 13 (Indemnities)". Mutual in form, the carve-out is one-sided in fact when every indemnity it reaches is one the
/// reviewed side gives: whose indemnity each is comes from its own sentence's stance (<see cref="ReviewLens.Stance"/>),
/// not from the carve-out's wording, so it holds however the carve-out and the indemnity are worded.
/// </summary>
public static partial class IndemnityCarveOuts
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "The cap's carve-out leaves unlimited only indemnities you give";

    /// <summary>
    /// The clause numbers (or "any indemnity in this Agreement") whose indemnities <paramref name="clause"/> lifts out of
    /// the limits, when the reviewed side gives at least one of them and the other side none; otherwise empty.
    /// <paramref name="contract"/> is every clause's text, for a carve-out of "any indemnity" that names no clause.
    /// </summary>
    public static IReadOnlyList<string> YoursOnly(string clause, ReviewLens lens, IReadOnlyList<string> contract)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        ArgumentNullException.ThrowIfNull(contract);
        // Every match under one budget: on a starved machine a match that times out while waiting for a core is run again.
        return RegexBudget.Run(() => YoursOnlyOnce(clause, lens, contract), () => []);
    }

    private static IReadOnlyList<string> YoursOnlyOnce(string clause, ReviewLens lens, IReadOnlyList<string> contract)
    {
        // Only liability is lifted out of a cap: "Clause 13.1 does not apply to any claim arising from the Customer Materials"
        // narrows an indemnity, it carves nothing out of a limit.
        if (lens.Side is null || !CarvesOut().IsMatch(clause) || !Liability().IsMatch(clause))
        {
            return [];
        }

        // "Neither party shall be liable for loss of profits, except that this clause 11.4 shall not limit the Supplier's
        // liability under clause 11.3": an exception to an exclusion of kinds of loss, which leaves every cap in place.
        if (ExclusionsOwnException().IsMatch(clause) && !CapWords().IsMatch(clause))
        {
            return [];
        }

        var reached = new List<(string Where, string Text)>();
        // The limits a carve-out names come first ("Clauses 15.2 and 15.3 do not apply to any liability under clause 8, clause
        // 11.4 or clause 14"), so it reads past the usual four; a limit gives no indemnity, so reading it changes nothing.
        foreach (var number in lens.References.Named(clause, 2 * ClauseReferences.MaxReferencesPerClause))
        {
            reached.AddRange(lens.References.Pieces(number).Select(p => ("clause " + number, p)));
        }

        if (AnyIndemnity().IsMatch(clause))
        {
            reached.AddRange(contract.Select(p => ("any indemnity in this Agreement", p)));
        }

        // A named kind of loss ("for Payroll Error Losses", "any Recall Costs") reaches the indemnities given against it; one
        // no indemnity names is read from its definition: "fines … relating to the Services" can arise only from the side
        // that provides the Services.
        var yours = new List<string>();
        foreach (var term in lens.Definitions.Used(clause).Where(t => t.Term.Contains(' ', StringComparison.Ordinal) && LossTerm().IsMatch(t.Term)))
        {
            var indemnities = contract.Where(p => lens.Definitions.Uses(term, p)
                && ClauseSentences.Split(p).Any(s => lens.Definitions.Uses(term, s) && GivesIndemnity().IsMatch(s))).ToList();
            if (indemnities.Count > 0)
            {
                reached.AddRange(indemnities.Select(p => (term.Term, p)));
                continue;
            }

            switch (lens.Owners.Things(term.Text))
            {
                case Favours.Them:
                    yours.Add(term.Term);
                    break;
                case Favours.Us:
                    return [];
            }
        }

        // The other side's own indemnities the carve-out also reaches: a narrow one of theirs does not balance several of yours.
        var theirs = 0;
        foreach (var (where, text) in reached)
        {
            foreach (var sentence in ClauseSentences.Split(text).Where(s => GivesIndemnity().IsMatch(s)))
            {
                // "Each party shall indemnify the other against Losses arising from any Product": only the side that supplies
                // Products can ever owe it, whatever the subject says.
                var favours = lens.Stance(sentence).Favours;
                if (favours is Favours.Both or Favours.Unclear && lens.Owners.Trigger(sentence) is var bound and (Favours.Us or Favours.Them))
                {
                    favours = bound;
                }

                switch (favours)
                {
                    case Favours.Them:
                        if (!yours.Contains(where, StringComparer.Ordinal))
                        {
                            yours.Add(where);
                        }

                        break;
                    case Favours.Us when LawLeavesUncapped().IsMatch(sentence):
                        // The other side's indemnity for death or injury its negligence causes: the law lets no cap reach
                        // that anyway, so carving it out gives it nothing the reviewed side's carve-out is weighed against.
                        break;
                    case Favours.Us:
                        theirs++;
                        break;
                    case Favours.Both:
                        // Both sides give it: the carve-out reaches the other side's exposure as much as yours.
                        return [];
                }
            }
        }

        // "liability for any breach of clause 3 (Licence), clause 4 (Restrictions) or clause 5": whose duties those clauses
        // state says whose liability the carve-out lifts. A clause that binds both sides (confidentiality) weighs nothing.
        foreach (Match breach in BreachOf().Matches(clause))
        {
            foreach (var number in lens.References.Named(breach.Value, 2 * ClauseReferences.MaxReferencesPerClause))
            {
                switch (lens.Owners.DutiesOf(number))
                {
                    case Favours.Them when !yours.Contains("breach of clause " + number, StringComparer.Ordinal):
                        yours.Add("breach of clause " + number);
                        break;
                    case Favours.Us:
                        theirs++;
                        break;
                }
            }
        }

        // A kind of liability tied to what only one side supplies: "any liability for delay in completing, or for defects in,
        // the Subcontract Works" when only the reviewed side carries out the Subcontract Works.
        foreach (Match item in ThingLiability().Matches(clause))
        {
            // A liability a statute imposes ("for defective products under the Consumer Protection Act 1987") is not the
            // contract's choice: no cap could reach it.
            if (Statute().IsMatch(item.Groups["what"].Value))
            {
                continue;
            }

            switch (lens.Owners.Things(item.Groups["what"].Value))
            {
                case Favours.Them:
                    var named = item.Value.Trim().TrimEnd(',', ';');
                    yours.Add(named.Length > 80 ? named[..80] + "…" : named);
                    break;
                case Favours.Us:
                    return [];
            }
        }

        // "or to any liability of the Developer arising from a breach of clause 7.3": a carve-out that names whose liability it
        // lifts. Paying the price and the liabilities no cap may reach by law are no one's concession.
        if (lens.Owners.PartyPattern("carve-out-named-liability", (us, them) =>
                $@"\b(?:liabilit(?:y|ies)\s+of\s+(?:the\s+)?(?:(?<us>{us})|(?<them>{them}))|(?:(?<us>{us})|(?<them>{them}))['’]s\s+(?:\w+\s+)?liabilit(?:y|ies))\b"
                + @"(?!\s+(?:to\s+pay|for\s+(?:the\s+)?(?:payment|Fees|Charges|death|personal|bodily|fraud)|in\s+respect\s+of\s+(?:death|personal|fraud)))") is { } whose)
        {
            foreach (Match party in whose.Matches(clause))
            {
                // "The limitations … apply to the liability of the Supplier only" keeps the limit for them; it lifts nothing.
                if (OnlyAfter().IsMatch(clause.AsSpan(party.Index + party.Length)))
                {
                    continue;
                }

                if (party.Groups["them"].Success)
                {
                    return [];
                }

                var what = party.Value.Trim();
                if (!yours.Contains(what, StringComparer.Ordinal))
                {
                    yours.Add(what);
                }
            }
        }

        // One indemnity of theirs against several heads of yours (their IP indemnity beside your licence restrictions and your
        // indemnities) leaves the carve-out one-sided in weight: at least three of yours, and twice as many as theirs.
        if (theirs > 0 && (yours.Count < 3 || yours.Count < 2 * theirs))
        {
            return [];
        }

        return yours;
    }

    /// <summary>
    /// The review's findings with each carve-out that leaves unlimited only the reviewed side's indemnities reported as
    /// critical uncapped liability: the finding already on the clause raised, or one made for it.
    /// </summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? uncapped, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText)
    {
        if (uncapped is null || lens.Side is null)
        {
            return findings;
        }

        var contract = clauses.Select(c => c.Clause.Text).ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < clauses.Count; i++)
        {
            var path = ContextClause.ClausePathOf(clauses[leadIns[i]].Clause.Path);
            if (done.Contains(path) || YoursOnly(texts[i], lens, contract) is not { Count: > 0 } reached)
            {
                continue;
            }

            done.Add(path);
            var rationale = lens.Fill($"The limits do not apply to liability under {string.Join(" and ", reached)}, and every indemnity there is given by {{us}}: "
                + "{us}'s liability under them has no ceiling, while {them} gives none the carve-out reaches.");
            RaisedFindings.Raise(findings, uncapped, clauses, i, leadIns, lens, documentText, judged => judged with
            {
                Severity = Severity.Critical,
                Rationale = rationale,
                Deviations = [.. judged.Deviations.Where(d => d != Deviation), Deviation],
                LiftsLimit = true,
            });
        }

        return findings;
    }

    /// <summary>A carve-out of breaches of numbered clauses: "liability for any breach of clause 3 (Licence), clause 4 (Restrictions) or clause 7".</summary>
    [GeneratedRegex(@"\b(?:for|from|in\s+respect\s+of|arising\s+(?:out\s+of|from))\s+(?:any\s+|a\s+)?breach(?:es)?\s+(?:by\s+\w+\s+)?of\s+(?:clauses?|sections?)\s+\d[\d.]*(?:\s*\((?-i:[A-Z])[^()]{0,60}\))?(?:\s*(?:,|or|and|,\s*or|,\s*and)\s*(?:(?:clauses?|sections?)\s+)?\d[\d.]*(?:\s*\((?-i:[A-Z])[^()]{0,60}\))?)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex BreachOf();

    [GeneratedRegex(@"\bthis\s+(?:clause|section|paragraph)(?:\s+\d[\d.]*)?\s+(?:shall|will|does|do)\s+not\s+(?:limit|restrict|exclude|apply)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ExclusionsOwnException();

    [GeneratedRegex(@"\b(?:exceed|aggregate|total\s+liability|maximum|cap)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex CapWords();

    [GeneratedRegex(@"^\s*only\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex OnlyAfter();

    /// <summary>A clause that takes liabilities out of the limits: "nothing in clause 13 limits", "shall not apply to", "Clauses 10.2 and 10.3 do not limit", "not subject to the cap".</summary>
    [GeneratedRegex(@"\bnothing\s+in\b(?:[^.;]|\.(?=\d)){0,120}?\b(?:limits?|excludes?|restricts?|(?:shall|will)\s+(?:limit|exclude|restrict|apply\s+to))\b|\b(?:limits?|limitations?|caps?|exclusions?|this\s+(?:clause|section)|clauses?\s+\d[\d.]*(?:\s*(?:,|and|or)\s*(?:clauses?\s+)?\d[\d.]*)*)\b(?:[^.;]|\.(?=\d)){0,120}?\b(?:shall|will|do|does)\s+not\s+(?:(?:apply|extend)\s+to|limit|exclude|restrict)\b|\bnot\s+(?:be\s+)?subject\s+to\s+(?:the\s+|any\s+)?(?:\w+\s+){0,2}(?:caps?|limit\w*)\b|\bexcluded\s+from\s+(?:the\s+|any\s+)?(?:cap|limitation)|\b(?:neither|no)\b(?:[^.;]|\.(?=\d)){0,160}\b(?:shall|will)\s+be\s+subject\s+to\s+(?:clauses?|sections?|the\s+(?:cap|limit))|\bneither\s+(?:clause|section)\s+\d[\d.]*\s+nor\s+(?:clause|section)\s+\d[\d.]*\s+(?:shall|will)\s+(?:limit|exclude|restrict|apply\s+to)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex CarvesOut();

    [GeneratedRegex(@"\bliabilit|\b(?:amounts?|sums?)\s+payable\b|\bLosses\b|\bobligations\s+under\s+(?:any|an|the)\s+indemnit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Liability();

    /// <summary>"any indemnity in this Agreement", "an indemnity given under this Agreement", "the indemnities": not tied to a clause by number.</summary>
    [GeneratedRegex(@"\b(?:any|an|the)\s+indemnit(?:y|ies)\b(?!\s+(?:in|under|given\s+(?:in|under))\s+(?:clauses?|sections?|articles?|paragraphs?)\s+\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex AnyIndemnity();

    /// <summary>A sentence in which someone undertakes to indemnify: "The Customer shall indemnify", "warrants … and shall indemnify", "shall hold … harmless".</summary>
    [GeneratedRegex(@"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to)\s+(?:\w+,?\s+(?:and\s+)?){0,3}(?:indemnify|hold\b[^.;]{0,60}\bharmless|keep\b[^.;]{0,60}\bindemnified|(?:reimburse|compensate)\b[^.;]{0,80}\b(?:losses|liabilities|costs|damages))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex GivesIndemnity();

    /// <summary>An indemnity only for death or personal injury caused by negligence, which no cap may reach in any case.</summary>
    [GeneratedRegex(@"\bagainst\s+(?:[\w,()-]+\s+){0,14}(?:arising\s+(?:out\s+of|from)|resulting\s+from|in\s+respect\s+of|for)\s+(?:any\s+)?(?:death|personal\s+injury|bodily\s+injury)(?:\s+or\s+(?:death|personal\s+injury|bodily\s+injury|illness|disease))?\s+(?:caused\s+by|resulting\s+from|arising\s+(?:out\s+of|from))\s+(?:the\s+)?negligen\w*(?:[^.;]){0,60}[.;]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex LawLeavesUncapped();

    /// <summary>A kind of liability a carve-out names by what it concerns: "any liability for defects in the Works".</summary>
    [GeneratedRegex(@"\b(?-i:liabilit)(?:y|ies)\s+(?:of\s+(?:either|each|a)\s+party\s+)?(?:for|in\s+respect\s+of|arising\s+from)\s+(?!breach\b|death\b|fraud|personal\b|any\s+breach\b)(?<what>(?:[^;]){5,200})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ThingLiability();

    [GeneratedRegex(@"\b(?:Act|Regulations?|Directive|Ordinance)\b|\bunder\s+(?:the\s+)?(?:law|statute|any\s+(?:law|legislation|enactment))\b", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Statute();

    /// <summary>A defined kind of loss: "Payroll Error Losses", "Recall Costs", "Regulatory Liabilities".</summary>
    [GeneratedRegex(@"\b(?:Loss(?:es)?|Costs?|Liabilit(?:y|ies)|Claims?|Damages|Fines|Expenses)$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex LossTerm();

}
