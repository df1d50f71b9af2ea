using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Who keeps a sum the contract makes non-refundable: "Milestone Payments, once paid, are not refundable in any
/// circumstances" names no party, but the contract says elsewhere that "the Publisher shall pay each Milestone Payment".
/// The clause holds the payer to what it paid, so it favours the side paid and burdens the side paying.
/// </summary>
public sealed partial class ThingOwners
{
    /// <summary>Who pays each named sum, read once per review (the stance asks for every clause, several times).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Favours> _payers = new(StringComparer.Ordinal);

    /// <summary>
    /// Whom <paramref name="clause"/>'s non-refundable sum favours: <see cref="Favours.Us"/> when only the other side pays it
    /// (so the reviewed side keeps it), <see cref="Favours.Them"/> when only the reviewed side pays it, and
    /// <see cref="Favours.Unclear"/> when the clause makes no named sum non-refundable or the contract does not say who pays it.
    /// </summary>
    public Favours Kept(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return _names.Value is null ? Favours.Unclear : RegexBudget.Run(() => KeptOnce(clause), () => Favours.Unclear);
    }

    private Favours KeptOnce(string clause)
    {
        var payers = NotRefundable().Matches(clause).Select(m => Payer(SumName(m.Groups["sum"].Value))).Distinct().ToList();
        return payers is [var payer] ? payer : Favours.Unclear;
    }

    /// <summary>The sum's name without a leading determiner: "All Milestone Payments" is "Milestone Payments".</summary>
    private static string SumName(string sum) => Determiner().Replace(sum, string.Empty);

    /// <summary>
    /// Whom paying <paramref name="sum"/> favours, read from every "X shall pay (each | the | any) sum" in the contract, in the
    /// singular or the plural: <see cref="Favours.Us"/> when only the other side pays it, <see cref="Favours.Them"/> when only
    /// the reviewed side does, <see cref="Favours.Unclear"/> otherwise.
    /// </summary>
    private Favours Payer(string sum) => _payers.GetOrAdd(sum, PayerOnce);

    private Favours PayerOnce(string sum)
    {
        var stem = DefinedTerm.NamePattern(sum);
        var pays = PartyPattern($"sum-payer:{sum}", (us, them) =>
            $@"(?:(?<us>\b(?:{us}))|(?<them>\b(?:{them})))\s+(?:shall|will|must|agrees\s+to|undertakes\s+to)\s+pay\s+(?:to\s+(?:the\s+)?\w+\s+)?(?:(?:each|the|any|all|every|such)\s+)?(?:\w+\s+){{0,2}}?{stem}\b")!;
        bool us = false, them = false;
        foreach (var text in _contract)
        {
            foreach (Match m in pays.Matches(text))
            {
                us |= m.Groups["us"].Success;
                them |= m.Groups["them"].Success;
            }
        }

        return (us, them) switch
        {
            (false, true) => Favours.Us,
            (true, false) => Favours.Them,
            _ => Favours.Unclear,
        };
    }

    /// <summary>A named sum made non-refundable: "Milestone Payments, once paid, are not refundable", "the Signing Fee is non-refundable".</summary>
    [GeneratedRegex(@"(?<sum>(?-i:\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))\s*(?:,\s*once\s+paid\s*,\s*|\s+(?:once\s+paid\s+|paid\s+under\s+this\s+\w+\s+)?)(?:is|are|shall\s+be|will\s+be)\s+(?:not\s+refundable|non-?refundable|not\s+(?:be\s+)?repayable)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex NotRefundable();

    [GeneratedRegex(@"^(?:All|Each|Any|Every|The|Such)\s+", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Determiner();
}
