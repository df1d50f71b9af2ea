using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A price the other side sets by its own judgement: "any revision to the Charges that the Contractor considers necessary
/// … shall apply"; "if the CRO reasonably considers that any Budget Assumption has changed, it may issue a change order
/// adjusting the Budget"; "Variations shall be valued by the Contractor … at such rates as it considers fair, and the
/// Contractor's valuation … shall be conclusive". No index, step or cap bounds it: what the reviewed side pays, or is paid,
/// is whatever the other side thinks right. Read for who judges, whatever the price is called.
/// </summary>
public static partial class PriceSetters
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "The other side sets the price by its own judgement, with no cap";

    /// <summary>
    /// Whether <paramref name="clause"/> lets the other side change or fix the price by its own judgement, unbounded. Whose
    /// judgement it is decides, not the clause's stance: a price the other side revises "unless the Client exercises its right"
    /// to leave still reads as the Client's right.
    /// </summary>
    public static bool TheirsToSet(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Owners.PartyPattern("price-theirs", (_, them) => Judges(them)) is not { } theirs
            || !RegexBudget.Run(() => Priced().IsMatch(clause) && Changed().IsMatch(clause), () => false))
        {
            return false;
        }

        var ours = lens.Owners.PartyPattern("price-ours", (us, _) => Judges(us))!;
        return RegexBudget.Run(() => ClauseSentences.Split(clause).Any(s => Priced().IsMatch(s) && Changed().IsMatch(s) && theirs.IsMatch(s)
            && !ours.IsMatch(s) && !Bounded().IsMatch(s)), () => false);
    }

    /// <summary>A party's own judgement: "the Contractor considers necessary", "the CRO reasonably considers … it may", "the Contractor's valuation … conclusive".</summary>
    private static string Judges(string party) =>
        $@"\b(?:{party})\b[^.;]{{0,80}}\b(?:reasonably\s+|in\s+good\s+faith\s+)?(?:considers?|thinks?|deems?|determines?)\b|\b(?:{party})\b[^.;]{{0,120}}\b(?:as|where|if|whenever)\s+it\s+(?:reasonably\s+)?(?:considers?|thinks?|deems?|determines?)\b|\b(?:{party})(?:'s|’s)\s+(?:valuation|determination|assessment)\b[^.;]{{0,60}}\bconclusive\b|\b(?:{party})\b[^.;]{{0,80}}\bin\s+its\s+(?:sole|absolute)\s+discretion\b";

    /// <summary>The name the finding's deviation carries when the price is the other side's list price as it later stands.</summary>
    public const string ListDeviation = "The price is the other side's list price as it stands when it delivers";

    /// <summary>
    /// Whether <paramref name="clause"/>, read with the definitions it uses, makes the price the other side's own list price as
    /// it stands at a later time, with no cap: "the Supplier's published list price … current on the date of Delivery", "the
    /// Price List amount at the time the order is accepted" where the Price List is "Vendor's list prices … as published from
    /// time to time", "the Fees shall be adjusted to the Vendor's list prices then in effect". The other side may raise the
    /// price by republishing its list, and orders already placed follow.
    /// </summary>
    /// <remarks>
    /// A contract that elsewhere says how the list or the prices may be amended ("The Supplier may amend the Price List at any
    /// time by sending …", "may revise the List Price … on 14 days' notice") puts the question there, and that clause is judged
    /// on its own words; <paramref name="contract"/> is every clause's text, for that look.
    /// </remarks>
    public static bool TheirListPrice(string clause, ReviewLens lens, IReadOnlyList<string> contract)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        ArgumentNullException.ThrowIfNull(contract);
        if (lens.Owners.PartyPattern("price-their-list", (_, them) =>
                $@"\b(?:{them})(?:'s|’s)\s+(?:(?:then|current|published|standard|prevailing)\s+){{0,2}}(?:list\s+)?(?:prices?|price\s+list|rates?|tariffs?)\b[^.;]{{0,120}}?\b(?:current\s+(?:on|at)|in\s+(?:force|effect)\s+(?:on|at)|then\s+(?:current|in\s+(?:force|effect)|applicable)|from\s+time\s+to\s+time)\b") is not { } theirs)
        {
            return false;
        }

        return RegexBudget.Run(() => Priced().IsMatch(clause) && theirs.IsMatch(lens.Definitions.Read(clause)) && !Bounded().IsMatch(clause)
            && !contract.Any(c => !c.Contains(clause, StringComparison.Ordinal) && !clause.Contains(c, StringComparison.Ordinal) && PriceAmended().IsMatch(c)), () => false);
    }

    /// <summary>The review's findings with each such clause reported as a high Price Restrictions finding.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? rule, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        rule is null ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text => TheirsToSet(text, lens)
            ? new Reading(rule, Severity.High, Deviation,
                "{them} fixes the price by its own judgement, with no index, step or cap: what {us} pays or is paid is whatever {them} thinks right.")
            : lens.Side is { Receives: true } && TheirListPrice(text, lens, texts)
                ? new Reading(rule, Severity.High, ListDeviation,
                    "The price is {them}'s own list price as it stands when the order is accepted or delivered, with no cap: {them} can raise what {us} pays by republishing its list.")
                : null);

    /// <summary>A clause on amending the prices or the list: "may amend the Price List", "revise the List Price", "any increase in the Prices".</summary>
    [GeneratedRegex(@"\b(?:amend|revis|chang|vary|varies|varied|increas|updat)\w*\s+(?:to\s+|in\s+|of\s+)?(?:the\s+|its\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:Price\s+List|prices?|list\s+prices?|Prices|Charges|Fees|Rates|tariffs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex PriceAmended();

    /// <summary>What is paid: charges, prices, fees, rates, a budget, a contract sum, a valuation.</summary>
    [GeneratedRegex(@"\b(?:charges?|prices?|fees?|rates?|budget|tariffs?|(?:subcontract|contract)\s+sum|valuation|valued)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Priced();

    /// <summary>A change to it, or its fixing: revise, adjust, increase, vary, re-price, value, a change order.</summary>
    [GeneratedRegex(@"\b(?:revis\w*|adjust\w*|increas\w*|vary|varies|varied|re-?pric\w*|valued|valuation|change\s+orders?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Changed();

    /// <summary>A bound on the change: a cap, a maximum, an index.</summary>
    [GeneratedRegex(@"\bnot\s+(?:to\s+)?exceed|\bcapped\b|\bmaximum\b|\bno\s+more\s+than\b|\bup\s+to\s+\d|\bindex\w*|\bCPI\b|\bRPI\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Bounded();
}
