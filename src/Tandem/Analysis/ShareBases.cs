using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// What the reviewed side is paid on, read through the definition of the base: "Pixelmoth shall pay Halberd 50% of the Net
/// Revenue", where "Net Revenue" is what Pixelmoth receives less "Publishing Costs", its own costs and a 15% fee to itself;
/// "a Royalty on Net Revenue", where Net Revenue deducts "such further amount as the Licensee … determines"; "35% of
/// Attributable Revenue", which the Licensee attributes "in accordance with its internal … methodology"; or a payment from
/// which the other side "may deduct any Retailer Allowance", allowances it "may amend … from time to time". The clause reads
/// as a plain share or price; the definition hands the payer the size of what the reviewed side gets. Read for any defined
/// base (one definition further down too), so it holds however the terms are named.
/// </summary>
public static partial class ShareBases
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "The other side sets the base your payment is worked out on";

    /// <summary>How <paramref name="clause"/> pays the reviewed side on a base the other side sets: the base and whether the clause deducts it (null when it does not).</summary>
    public static (DefinedTerm Base, bool Deducted)? TheirBase(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Owners.PartyPattern("share-payer", (us, _) => $@"\b(?:{us})\s+(?:shall|will|must|agrees\s+to)\s+pay\b") is not { } payer
            || RegexBudget.Run(() => payer.IsMatch(clause), () => true))
        {
            return null;
        }

        foreach (var term in lens.Definitions.Used(clause))
        {
            foreach (var deducted in new[] { false, true })
            {
                var use = lens.Owners.PartyPattern($"share-use:{deducted}:{term.Term}", (_, _) => deducted
                    ? $@"\b(?:deduct|withhold|set\s+off)\w*\s+(?:\w+\s+){{0,6}}(?:any|all|the)\s+{DefinedTerm.NamePattern(term.Term)}\b"
                    : $@"(?:%|\bper\s*cent|\bpercent|\broyalt(?:y|ies)|\bshare|\bpercentage)\s+(?:\w+\s+){{0,3}}(?:of|on)\s+(?:the\s+|all\s+|any\s+)?{DefinedTerm.NamePattern(term.Term)}\b")!;
                if (RegexBudget.Run(() => use.IsMatch(clause), () => false) && SetBy(term, lens, deducted))
                {
                    return (term, deducted);
                }
            }
        }

        return null;
    }

    /// <summary>Whether the other side sets <paramref name="term"/>: at its discretion, or (for a share) by deducting its own costs; read in its definition and those it uses.</summary>
    private static bool SetBy(DefinedTerm term, ReviewLens lens, bool deducted)
    {
        var texts = new[] { term.Text }.Concat(lens.Definitions.Used(term.Text).Where(t => t.Term != term.Term).Select(t => t.Text)).ToList();
        var discretion = lens.Owners.PartyPattern("share-discretion", (_, them) => $@"\b(?:{them})\b[^.;]{{0,40}}\b(?:determin|consider|attribut|allocat|amend|vary|varies|revis|decid|assess)\w*|\b(?:determin|attribut|allocat|assess)\w*\s+by\s+(?:the\s+)?(?:{them})\b|\b(?:its|their)\s+(?:own\s+)?internal\b|\b(?:{them})(?:'s|’s)?\s+(?:sole|absolute)\s+discretion")!;
        if (texts.Any(t => RegexBudget.Run(() => discretion.IsMatch(t), () => false)))
        {
            return true;
        }

        if (deducted)
        {
            return false;
        }

        var ownCosts = lens.Owners.PartyPattern("share-own-costs", (_, them) => $@"\bcosts?\b[^.;]{{0,30}}\b(?:incurred\s+by|of)\s+(?:the\s+)?(?:{them})\b|\b(?:{them})(?:'s|’s)\s+(?:own\s+)?(?:\w+\s+){{0,2}}costs\b|\bcosts?\s+to\s+(?:the\s+)?(?:{them})\b|\b(?:fee|commission|margin)\s+(?:equal\s+to|of)\s+\d+(?:\.\d+)?\s*(?:%|per\s*cent)")!;
        return RegexBudget.Run(() => Deducts().IsMatch(term.Text), () => false) && texts.Any(t => RegexBudget.Run(() => ownCosts.IsMatch(t), () => false));
    }

    /// <summary>The review's findings with each such payment reported high, once per base: Revenue/Profit Sharing for a share, Price Restrictions for a deduction.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? share, PlaybookRule? price, IReadOnlyList<Store.StoredClause> clauses,
        string[] texts, int[] leadIns, ReviewLens lens, string documentText) =>
        lens.Definitions.Count == 0 ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text =>
            TheirBase(text, lens) is not { } found || (found.Deducted ? price : share) is not { } rule ? null
            // One finding per base: the clause that fixes the share, not also the one that says when it is paid.
            : new Reading(rule, Severity.High, Deviation, found.Deducted
                ? $"{{them}} may deduct \"{found.Base.Term}\" ({found.Base.ClausePath}) from what it pays {{us}}, and sets them itself: the price {{us}} is paid is whatever {{them}} decides."
                : $"{{us}} is paid on \"{found.Base.Term}\" ({found.Base.ClausePath}), which {{them}} works out itself (at its own discretion, or net of its own costs): what {{us}} receives is whatever {{them}} decides.",
                Once: found.Base.Term, Cites: [found.Base]));

    /// <summary>A base defined net of deductions: "less", "after deduction of", "net of".</summary>
    [GeneratedRegex(@"\bless\b|\bdeduct|\bnet\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Deducts();
}
