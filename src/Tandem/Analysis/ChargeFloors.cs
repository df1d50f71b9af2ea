using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A floor under what the reviewed side pays, wherever it is written: charges on "the greater of (a) the highest number of
/// Users authorised … and (b) 45 Users for each Practice Site"; a per-payslip charge "multiplied by the Chargeable Headcount",
/// where that headcount is "the greater of … the number of Employees for whom a payslip is produced … and … the Committed
/// Headcount"; a "Baseline Charge … payable in full in every month irrespective of the number of Contacts actually received".
/// The schedule reads as a price list; the floor commits the payer to a volume it may never use. Read for the side that pays
/// (a customer, buyer, licensee, reseller …), in the clause and in the definitions it uses.
/// </summary>
public static partial class ChargeFloors
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "You pay for a floor volume whatever you use";

    /// <summary>Whether <paramref name="clause"/> makes the reviewed side, as the paying side, pay at least a floor whatever it uses.</summary>
    public static bool YoursFloored(string clause, ReviewLens lens) => Floored(clause, lens) is not null;

    /// <summary>
    /// The definitions that set the floor under what the reviewed side pays in <paramref name="clause"/> (none when the clause
    /// sets it in its own words); null when it sets none.
    /// </summary>
    internal static IReadOnlyList<DefinedTerm>? Floored(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Side is not { } side)
        {
            return null;
        }

        // A shortfall names who makes it up; a floor in a price list is the paying side's.
        if (lens.Owners.PartyPattern("floor-payer", (us, _) => $@"\b(?:{us})\s+(?:shall|will|must)\s+pay\b|\b(?:invoice|charge|bill)\s+(?:the\s+)?(?:{us})\b") is { } payer
            && RegexBudget.Run(() => Shortfall().IsMatch(clause) && payer.IsMatch(clause), () => false))
        {
            return [];
        }

        if (!side.Receives || !RegexBudget.Run(() => Charged().IsMatch(clause), () => false))
        {
            return null;
        }

        return RegexBudget.Run(() =>
        {
            foreach (var sentence in ClauseSentences.Split(clause).Where(s => Charged().IsMatch(s) && !Liability().IsMatch(s)))
            {
                if (Floor().IsMatch(sentence))
                {
                    return [];
                }

                if (lens.Definitions.Used(sentence).Where(t => Floor().IsMatch(t.Text) && !Liability().IsMatch(t.Text)).ToList() is { Count: > 0 } terms)
                {
                    return (IReadOnlyList<DefinedTerm>?)terms;
                }
            }

            return null;
        }, () => null);
    }

    /// <summary>The review's findings with each such clause reported as a high Minimum Commitment finding.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? rule, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        rule is null ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text => Floored(text, lens) is { } terms
            ? new Reading(rule, Severity.High, Deviation,
                "{us} pays for at least a fixed volume whatever it actually uses: the charge has a floor, so a fall in {us}'s needs does not lower what it owes.",
                Cites: terms)
            : null);

    /// <summary>A charge: charges, fees, payable, price, royalties, commission, multiplied by.</summary>
    [GeneratedRegex(@"\b(?:charges?|fees?|payable|prices?|royalt(?:y|ies)|commission|subscription|multiplied)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Charged();

    /// <summary>A floor: the greater of a use and a fixed number, or payable in full whatever the use.</summary>
    [GeneratedRegex(@"\bgreater\s+of\b[^.;]*\b(?:actual(?:ly)?|number\s+of|highest)\b|\bpayable\s+in\s+full\b[^.;]{0,100}\b(?:irrespective|regardless|whatever|whether\s+or\s+not)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Floor();

    /// <summary>
    /// A shortfall made up: "are less than … shall pay … the difference", "is less than the Annual Quantity, the Library shall
    /// invoice the Publisher … for the difference", "invoice the Customer for the number of words by which … fell short of",
    /// "the amount (if any) by which the Annual Target … exceeds". Not "shall pay any shortfall" alone: that is as often an underpayment an audit reveals, or a pointer to a
    /// floor set elsewhere.
    /// </summary>
    [GeneratedRegex(@"\bless\s+than\b[^.;]{0,160}\b(?:pay|invoice|charge|bill)\b[^.;]{0,80}\b(?:difference|shortfall)\b|\b(?:invoice|charge|bill)\b[^.;]{0,120}\bby\s+which\b[^.;]{0,120}\b(?:fell|falls|fall)\s+short\s+of\b|\bpay\b[^.;]{0,80}\b(?:amount|sum)\s+(?:\(if\s+any\)\s+)?by\s+which\b[^.;]{0,80}\b(?:Target|Minimum|Commitment|annual\s+amount)\w*[^.;]{0,40}\bexceeds\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Shortfall();

    /// <summary>A cap or an interest rate uses "the greater of" too: not a floor on charges.</summary>
    [GeneratedRegex(@"\bliabilit\w*|\bexceed\w*|\binterest\b|\bdamages\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Liability();
}
