using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A duty to deal only with the other side, however it avoids the word "exclusive": "the Buyer shall order its Requirements
/// from the Seller … may obtain Goods from another supplier only where the Seller … is unable to supply"; "the Sponsor …
/// shall not appoint any other contract research organisation"; "neither the Client nor any other member of the Client Group
/// shall … engage or retain any person other than the Contractor". Who is bound is the party that shall (or may only),
/// nearest before the restriction, however long the list of who else it binds; a restriction that needs only the other
/// side's consent is a different matter and is left to the playbook.
/// </summary>
public static partial class ExclusiveDealing
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "You may deal only with the other side";

    /// <summary>Whether <paramref name="clause"/> binds the reviewed side to deal only with the other side.</summary>
    public static bool YoursTied(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        // A clause that says "exclusive" is the playbook's and the model's to judge; this reader is for the ones that do not.
        if (lens.Owners.NamePatterns is null || !RegexBudget.Run(() => Cue().IsMatch(clause) && !Exclusive().IsMatch(clause), () => false))
        {
            return false;
        }

        var bound = lens.Owners.PartyPattern("tie-bound", (us, them) => $@"\bneither\s+(?:the\s+)?(?:(?<us>{us})|(?<them>{them}))\b|\b(?:(?<us>{us})|(?<them>{them}))\b(?:\s*\([^)]*\))?(?:\s*,[^,;.]{{0,80}},)?\s*(?:shall|will|must|may|agrees?|undertakes?)\b", RegexOptions.RightToLeft)!;
        var restricted = lens.Owners.PartyPattern("tie-restricted", (_, them) => $@"\b(?:order|purchase|buy|obtain|source|take)\s+(?:all\s+(?:of\s+)?|the\s+whole\s+of\s+)?(?:its|their)\s+(?:\w+\s+){{0,2}}requirements\b[^.;]{{0,80}}\bfrom\s+(?:the\s+)?(?:{them})\b|\bmay\s+(?:obtain|purchase|buy|source|use|appoint|engage)\b[^.;]{{0,80}}\b(?:another|any\s+other|an\s+alternative)\s+(?:\w+\s+){{0,3}}(?:supplier|provider|source|contractor|organisation|organization|manufacturer|distributor|agent|person)s?\s+only\b|\b(?:not|neither|no)\b[^.;]{{0,160}}\b(?:appoint|engage|retain|use|instruct|purchase\s+from|buy\s+from)(?:\s+or\s+\w+)?\s+(?:any|another)\s+(?:(?:(?!for\b|of\b|to\b|in\b|with\b)\w+\s+){{0,3}}(?:supplier|provider|contractor|organisation|organization|manufacturer|distributor|agent|person|party)s?\s+other\s+than\s+(?:the\s+)?(?:{them})\b|other\s+(?:(?!for\b|of\b|to\b|in\b|with\b)\w+\s+){{0,3}}(?:supplier|provider|contractor|organisation|organization|manufacturer|distributor|agent|person)s?\b)")!;
        return RegexBudget.Run(() => ClauseSentences.Split(clause).Any(sentence =>
        {
            if (Consent().IsMatch(sentence) || restricted.Match(sentence) is not { Success: true } tie)
            {
                return false;
            }

            var who = bound.Match(sentence, 0, tie.Index + Math.Min(tie.Length, 40));
            return who.Success && who.Groups["us"].Success;
        }), () => false);
    }

    /// <summary>The review's findings with each such duty reported as a high Exclusivity finding.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? rule, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        rule is null ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text => YoursTied(text, lens)
            ? new Reading(rule, Severity.High, Deviation,
                "{us} may deal only with {them} for this work, though the clause never says \"exclusive\": {us} cannot go elsewhere on price, quality or capacity.")
            : null);

    /// <summary>A cheap first look: requirements, another or other supplier, only.</summary>
    [GeneratedRegex(@"\brequirements\b|\bother\b|\banother\b|\balternative\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Cue();

    /// <summary>The word the reader looks past: "exclusive", "exclusively", "exclusivity".</summary>
    [GeneratedRegex(@"\bexclusiv\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Exclusive();

    /// <summary>A restriction lifted by the other side's consent: a control on whom one works with, not a tie.</summary>
    [GeneratedRegex(@"\bwithout\s+(?:the\s+)?(?:\w+\s+){0,3}(?:prior\s+)?(?:written\s+)?(?:consent|approval)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Consent();
}
