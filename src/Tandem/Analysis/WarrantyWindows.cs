using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A warranty that ends almost as it begins, however long it says it runs: goods "deemed to have been accepted, and to comply
/// with … clause 10.1 for all purposes …, unless the Customer gives notice of rejection within ten days"; a remedy "provided that
/// the Buyer notifies … before the earlier of (a) 60 days after Delivery and (b) the time at which the Goods … are cut, bent,
/// fixed or covered", after which the Seller has no liability "whether or not it was apparent". The reviewed side must find
/// every defect within days, or before it uses the goods at all. Reported as a medium Warranty Duration finding.
/// </summary>
public static partial class WarrantyWindows
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "Your warranty claims end with a short notice window";

    /// <summary>The longest window, in days, that counts as short: thirty.</summary>
    public const double ShortWindowDays = 30;

    /// <summary>Whether <paramref name="clause"/> ends the reviewed side's warranty claims unless it notifies within a short window or before it uses the goods.</summary>
    public static bool YoursCutShort(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Owners.PartyPattern("warranty-notifier", (us, _) => $@"\b(?:{us})\s+(?:has\s+|shall\s+|must\s+)?(?:gives?|given|notif\w*|serves?|rejects?)\b") is not { } notifier
            || !RegexBudget.Run(() => Conformity().IsMatch(clause) && Deadline().IsMatch(clause), () => false))
        {
            return false;
        }

        return RegexBudget.Run(() => ClauseSentences.Split(clause).Any(s => Conformity().IsMatch(s) && Deadline().IsMatch(s) && notifier.IsMatch(s)
            && (UseEnds().IsMatch(s) || lens.Measure(s) is var q && Math.Min(q.GetValueOrDefault("duration_days", double.MaxValue), q.GetValueOrDefault("notice_days", double.MaxValue)) <= ShortWindowDays)),
            () => false);
    }

    /// <summary>The review's findings with each such clause reported as a medium Warranty Duration finding.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? rule, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        rule is null ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text => YoursCutShort(text, lens)
            ? new Reading(rule, Severity.Medium, Deviation,
                "{us} loses its claims for defects unless it notices and notifies them within days (or before it uses the goods): a defect found later is {us}'s own loss.")
            : null);

    /// <summary>What the window bars: claims of non-conformity, defects, the warranty.</summary>
    [GeneratedRegex(@"\b(?:compl(?:y|ies|iance)\s+with|conform\w*|non-?conform\w*|non-?complian\w*|defect\w*|warrant\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Conformity();

    /// <summary>
    /// A claim kept only by notice in time, or goods deemed accepted and conforming (at once, or "failing which" notice in
    /// time they are "conclusively deemed accepted and conforming").
    /// </summary>
    [GeneratedRegex(@"\bunless\b[^.;]{0,80}\b(?:notif\w*|notice|rejects?|rejection)\b[^.;]{0,60}\b(?:within|before)\b|\bprovided\s+that\b[^.;]{0,60}\bnotif\w*\b[^.;]{0,80}\b(?:within|before)\b|\bdeemed\s+(?:to\s+have\s+been\s+)?accept\w*[^.;]{0,120}\b(?:for\s+all\s+purposes|compl\w*\s+with)|\bnotif\w*\b[^.;]{0,160}\b(?:within|before)\b[^.;]{0,120}\bfailing\s+which\b[^.;]{0,80}\bdeemed\b[^.;]{0,40}\b(?:accept\w*|conform\w*|compl\w*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Deadline();

    /// <summary>A window that closes when the goods are used: "the earlier of … and the time at which the Goods are cut, fixed or covered".</summary>
    [GeneratedRegex(@"\b(?:earlier|first)\s+of\b[^.;]*\b(?:cut|used|installed|incorporated|processed|fixed|covered|mixed|resold|opened|consumed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex UseEnds();
}
