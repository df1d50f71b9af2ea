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

    /// <summary>The name the finding's deviation carries when the excluded losses reach direct ones.</summary>
    public const string DirectDeviation = "The exclusion reaches direct losses the contract's own failures cause";

    /// <summary>
    /// The defined kind of loss <paramref name="clause"/> excludes (for the other side, or for both) whose definition reaches
    /// direct losses ("in each case whether direct or indirect", "even where direct") and names at least two heads beyond
    /// the usual lost profit, revenue, goodwill, savings and data: "the cost of obtaining linen or laundry services from any
    /// other source", "loss of throughput", "any liability of the Customer to its own customers". Such a definition is no
    /// exclusion of remote loss: it takes away the damages a failure under this contract would cause, and the
    /// mutual wording hides that only the side receiving the performance suffers them. Null when there is none.
    /// </summary>
    public static (DefinedTerm Term, IReadOnlyList<string> Heads)? DirectExcluded(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        return lens.Side is null ? null : RegexBudget.Run(() => DirectExcludedOnce(clause, lens), () => null);
    }

    private static (DefinedTerm Term, IReadOnlyList<string> Heads)? DirectExcludedOnce(string clause, ReviewLens lens)
    {
        if (!(Excludes().IsMatch(clause) || NeitherLiable().IsMatch(clause)) || lens.Stance(clause).Favours == Favours.Us)
        {
            return null;
        }

        // A side that receives the goods or the service suffers the losses a failure to perform causes: for it, a definition
        // that names damage to property, theft, or the cost of re-doing, replacing or refunding reaches direct loss by its heads.
        var receives = lens.Side!.Receives;
        foreach (var term in lens.Definitions.Used(clause).Where(t => LossTerm().IsMatch(t.Term)))
        {
            if (!EvenDirect().IsMatch(term.Text) && !(receives && DirectByNature().IsMatch(term.Text)))
            {
                continue;
            }

            var heads = Heads(term.Text).Where(h => !UsualHead().IsMatch(h)).ToList();
            if (heads.Count >= 2)
            {
                return (term, heads);
            }
        }

        return null;
    }

    /// <summary>The heads of loss a definition lists, after its "means" or "includes": each piece between commas, semicolons, "and" and "or".</summary>
    private static IEnumerable<string> Heads(string definition)
    {
        var means = Means().Match(definition);
        var list = means.Success ? definition[(means.Index + means.Length)..] : definition;
        return HeadSeparator().Split(list).Select(h => h.Trim()).Where(h => h.Length >= 4);
    }

    /// <summary>The review's findings with each such exclusion reported as a critical Cap on Liability finding: the finding already on the clause raised, or one made for it.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? cap, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        cap is null || lens.Definitions.Count == 0 ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text =>
            TheirsExcluded(text, lens) is [var term, ..]
                ? new Reading(cap, Severity.Critical, Deviation,
                    $"{{them}} has no liability for \"{term.Term}\" ({term.ClausePath}), and those are the losses its own deliverables cause: {{us}} is left without a remedy for what it pays for.",
                    Cites: [term])
                : DirectExcluded(text, lens) is var (direct, heads)
                    ? new Reading(cap, Severity.Critical, DirectDeviation,
                        $"\"{direct.Term}\" ({direct.ClausePath}) is excluded even where the loss is direct, and it names {string.Join("; ", heads.Take(3))}: "
                        + "the losses a failure under this contract would actually cause {us}, so little is left for the cap to limit.",
                        Cites: [direct])
                    : null);

    /// <summary>A clause that removes liability altogether: "shall have no liability", "shall not be liable", "excludes all liability".</summary>
    [GeneratedRegex(@"\b(?:shall|will)\s+(?:have\s+no|not\s+have\s+any|not\s+be\s+under\s+any|not\s+be)\s+liab\w*|\bexclud\w*\s+(?:all\s+)?(?:its\s+)?liabilit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Excludes();

    /// <summary>A mutual exclusion: "neither party shall be liable to the other for any Excluded Loss".</summary>
    [GeneratedRegex(@"\bneither\s+(?:party|of\s+the\s+parties)\b[^.;]{0,80}\b(?:shall|will)\s+(?:\w+\s+){0,3}be\s+liable\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex NeitherLiable();

    /// <summary>A definition that reaches direct losses: "in each case whether direct or indirect", "even where direct", "whether or not direct".</summary>
    [GeneratedRegex(@"\bwhether\s+(?:\w+\s+)?direct\s+or\s+indirect|\bwhether\s+or\s+not\s+(?:\w+\s+)?direct\b|\beven\s+(?:where|if|when)\s+(?:\w+\s+){0,3}direct\b|\bdirect\s+or\s+indirect\s+(?:loss|losses)\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex EvenDirect();

    /// <summary>
    /// A head of loss that is direct by its nature: "loss of, or damage to, goods … at the Site", "loss by theft", "costs of
    /// unpacking, repacking or re-delivering goods", "refunds to customers", "marketplace penalties".
    /// </summary>
    [GeneratedRegex(@"\b(?:loss\s+of,?\s+or\s+damage\s+to|damage\s+to|destruction\s+of)\s+(?:any\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:goods|property|equipment|stock|products|premises|vehicles|items|assets|consignments?)\b|\btheft\b|\bcosts?\s+of\s+(?:[\w-]+,?\s+(?:or\s+|and\s+)?){0,3}?(?:repair\w*|replac\w*|re-?(?:pack|label|deliver|call|work|perform|supply|ship|test|run|enter)\w*|restor\w*|remov\w+|clean\w*|unpack\w*)\b|\b(?:customer|consumer)\s+refunds?\b|\brefunds?\s+to\s+(?:its\s+)?(?:customers|consumers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex DirectByNature();

    /// <summary>A head of loss every exclusion names (lost profit, revenue, goodwill, savings, data, indirect loss), or the definition's own words about directness.</summary>
    [GeneratedRegex(@"\b(?:profits?|revenues?|income|turnover|sales|savings|business|goodwill|reputation|contracts?|opportunit\w*|data|information|indirect|consequential|special|punitive|exemplary|direct|wasted|management|anticipated|interest|whether|in\s+each\s+case)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex UsualHead();

    [GeneratedRegex(@"\b(?:means|shall\s+mean|includes?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Means();

    [GeneratedRegex(@"[,;:]|\band\b|\bor\b|\.\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex HeadSeparator();

    /// <summary>A defined kind of loss or claim: "Excluded Claims", "Output Losses".</summary>
    [GeneratedRegex(@"\b(?:Loss(?:es)?|Claims?|Liabilit(?:y|ies)|Damages)$", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex LossTerm();
}
