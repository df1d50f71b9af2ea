using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// An exclusion that takes away the remedy for what only the other side supplies: "the Licensor shall have no liability,
/// however arising, in respect of Excluded Claims", where "Excluded Claims" are the claims arising from any "Clinical
/// Output", and a Clinical Output is an output of the System the Licensor licenses. Worded as a limit like any other, it
/// leaves the reviewed side no remedy for the very thing it pays for. Whose thing the excluded losses concern is read
/// through their definition, and one definition further (<see cref="ThingOwners.Things"/>), so it holds however the
/// terms are named.
/// </summary>
public static partial class LossExclusions
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "The exclusion takes away your remedy for what the other side supplies";

    /// <summary>The defined kinds of loss <paramref name="clause"/> excludes for the other side that concern only what the other side supplies.</summary>
    public static IReadOnlyList<DefinedTerm> TheirsExcluded(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Side is null || !RegexBudget.Run(() => Excludes().IsMatch(clause), () => false) || lens.Stance(clause).Favours != Favours.Them)
        {
            return [];
        }

        return lens.Definitions.Used(clause).Where(t => LossTerm().IsMatch(t.Term) && lens.Owners.Things(t.Text, depth: 1) == Favours.Us).ToList();
    }

    /// <summary>The review's findings with each such exclusion reported as a critical Cap on Liability finding: the finding already on the clause raised, or one made for it.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? cap, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        cap is null || lens.Definitions.Count == 0 ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text =>
            TheirsExcluded(text, lens) is [var term, ..]
                ? new Reading(cap, Severity.Critical, Deviation,
                    $"{{them}} has no liability for \"{term.Term}\" ({term.ClausePath}), and those are the losses its own deliverables cause: {{us}} is left without a remedy for what it pays for.")
                : null);

    /// <summary>A clause that removes liability altogether: "shall have no liability", "shall not be liable", "excludes all liability".</summary>
    [GeneratedRegex(@"\b(?:shall|will)\s+(?:have\s+no|not\s+have\s+any|not\s+be\s+under\s+any|not\s+be)\s+liab\w*|\bexclud\w*\s+(?:all\s+)?(?:its\s+)?liabilit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Excludes();

    /// <summary>A defined kind of loss or claim: "Excluded Claims", "Output Losses".</summary>
    [GeneratedRegex(@"\b(?:Loss(?:es)?|Claims?|Liabilit(?:y|ies)|Damages)$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex LossTerm();
}
