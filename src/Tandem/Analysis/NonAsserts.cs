using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A promise never to enforce intellectual property against the other side, read for who gives it and whom it shields:
/// "the Licensee undertakes that neither it nor any body it controls (including …) will assert any patent … against the
/// Licensor"; "the Licensor … agrees that neither it nor any of its Affiliates will bring, join or support any claim against
/// the Licensee … alleging that any such feature infringes any right of the Licensor". The promisor is the party that
/// undertakes, agrees or shall, nearest before the negation, however long the list of who else it binds; a promise the
/// reviewed side gives to the other side gives up its rights for good. A promise "each party" gives is left to the playbook.
/// </summary>
public static partial class NonAsserts
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "You promise never to enforce your rights against the other side";

    /// <summary>Whether <paramref name="clause"/> holds a promise by the reviewed side not to enforce its intellectual property against the other side.</summary>
    public static bool YoursGivenUp(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Owners.PartyPattern("non-assert-against", (_, them) => $@"\bagainst\s+(?:the\s+|any\s+of\s+the\s+)?(?:{them})\b") is not { } against
            || !RegexBudget.Run(() => Gives().IsMatch(clause), () => false))
        {
            return false;
        }

        var promisor = lens.Owners.PartyPattern("non-assert-promisor", (us, them) => $@"\b(?:(?<us>{us})|(?<them>{them})|(?<each>each\s+party|either\s+party|the\s+parties))\b(?:\s*\([^)]*\))?(?:\s*,[^,;.]{{0,80}},)?\s*(?:hereby\s+|irrevocably\s+|also\s+|for\s+itself\s+and\s+\w+(?:\s+\w+)?,?\s+)?(?:undertakes?|agrees?|covenants?|acknowledges?|shall|will|must|may)\b",
            RegexOptions.RightToLeft)!;
        return RegexBudget.Run(() => ClauseSentences.Split(clause).Any(sentence =>
        {
            var given = Gives().Match(sentence);
            if (!given.Success || !Rights().IsMatch(sentence) || !against.IsMatch(sentence, given.Index))
            {
                return false;
            }

            // The party that promises: the last one named with a promising verb before the negation.
            var who = promisor.Match(sentence, 0, given.Index);
            return who.Success && who.Groups["us"].Success;
        }), () => false);
    }

    /// <summary>The review's findings with each such promise reported as a critical Covenant Not to Sue.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? rule, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        rule is null ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text => YoursGivenUp(text, lens)
            ? new Reading(rule, Severity.Critical, Deviation,
                "{us} promises never to enforce its rights against {them} (and those it names): whatever {them} takes or copies, {us} has given up the claim for good.")
            : null);

    /// <summary>A negated enforcement: "neither it nor … will assert", "shall not at any time bring or threaten any claim", "never to sue".</summary>
    [GeneratedRegex(@"\b(?:not|never|neither)\b[^.;]{0,160}\b(?:assert|sue|bring|commence|institute|threaten|initiate|join|support|enforce)\b[^.;]{0,80}\b(?:claims?|actions?|proceedings?|suits?|patents?|rights?|designs?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Gives();

    /// <summary>What is given up is intellectual property: an infringement, a patent, a design.</summary>
    [GeneratedRegex(@"\b(?:infring\w*|patents?|intellectual\s+property|registered\s+designs?|design\s+rights?|copyright)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Rights();
}
