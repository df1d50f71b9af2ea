using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A defined period whose end one party holds: "Engagement Period" means the period … ending on the earlier of 31 March
/// and "the date … specified in a written notice from the Client … that the Services are no longer required", so the Client
/// may end the engagement at will; "Licence Period" means the period … ending on the later of the fifth anniversary and "the
/// date on which the Licensee ceases to make that Film available", so the Licensee may keep the licence for ever. The clause
/// that uses the period ("for the Engagement Period", "during the Licence Period") reads as a fixed term; the definition
/// hands its end to one side. Read for any defined period, however it is named.
/// </summary>
public static partial class PeriodEnds
{
    /// <summary>The deviation of a period the other side may end at will.</summary>
    public const string EndedAtWill = "The other side may end the period by its own notice";

    /// <summary>The deviation of a licence period the other side may prolong for ever.</summary>
    public const string ProlongedAtWill = "The other side decides when the licence period ends";

    /// <summary>What a period's end gives one side: the right to end it, or to prolong it.</summary>
    public enum Hold
    {
        /// <summary>The other side may end the period at will, by its own notice.</summary>
        Ends,

        /// <summary>The other side may prolong the period as long as it likes.</summary>
        Prolongs,
    }

    /// <summary>The period <paramref name="clause"/> runs for whose end the other side holds, and what it holds; null when none.</summary>
    public static (DefinedTerm Period, Hold Hold)? Theirs(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.Owners.PartyPattern("period-ended-by-notice", (_, them) => $@"\bend(?:ing|s)?\s+on\s+the\s+earlier\s+of\b[^.;]*\b(?:notice|date)\b[^.;]{{0,80}}\b(?:from|by|given\s+by|specified\s+by|chosen\s+by|notified\s+by)\s+(?:the\s+)?(?:{them})\b") is not { } earlier
            || lens.Owners.PartyPattern("period-prolonged", (_, them) => $@"\bend(?:ing|s)?\s+on\s+the\s+later\s+of\b[^.;]*\b(?:date|time)\s+(?:on\s+which|when|at\s+which)\s+(?:the\s+)?(?:{them})\s+(?:ceases?|stops?|decides?|elects?|chooses?|no\s+longer)\b") is not { } later)
        {
            return null;
        }

        foreach (var term in lens.Definitions.Used(clause))
        {
            if (!RegexBudget.Run(() => Period().IsMatch(term.Text), () => false))
            {
                continue;
            }

            if (RegexBudget.Run(() => earlier.IsMatch(term.Text), () => false))
            {
                return (term, Hold.Ends);
            }

            if (RegexBudget.Run(() => later.IsMatch(term.Text) && Licence().IsMatch(clause), () => false))
            {
                return (term, Hold.Prolongs);
            }
        }

        return null;
    }

    /// <summary>
    /// The review's findings with each such period reported on the first clause that runs for it: a high Termination for
    /// Convenience when the other side may end it, a critical perpetual licence when it may prolong a licence for ever.
    /// </summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? exit, PlaybookRule? perpetual, IReadOnlyList<Store.StoredClause> clauses,
        string[] texts, int[] leadIns, ReviewLens lens, string documentText) =>
        lens.Definitions.Count == 0 ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text =>
            Theirs(text, lens) is not { } found || (found.Hold == Hold.Ends ? exit : perpetual) is not { } rule ? null
            : found.Hold == Hold.Ends
                ? new Reading(rule, Severity.High, EndedAtWill,
                    $"\"{found.Period.Term}\" ({found.Period.ClausePath}) ends on the date {{them}} gives in its own notice, which may be the day of the notice: {{them}} may walk away at any time, and {{us}} has no term to rely on.",
                    Once: found.Period.Term, Cites: [found.Period])
                : new Reading(rule, Severity.Critical, ProlongedAtWill,
                    $"\"{found.Period.Term}\" ({found.Period.ClausePath}) lasts until {{them}} chooses to stop: the licence has no end {{us}} controls, so in effect it is perpetual.",
                    Once: found.Period.Term, Cites: [found.Period]));

    /// <summary>A defined period: "means the period", "means, for each Film, the period".</summary>
    [GeneratedRegex(@"\bmeans(?:\s*,?\s*(?:for|in\s+respect\s+of)\s+(?:each|any)\s+\w+(?:\s+\w+)?,)?\s+the\s+period\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Period();

    /// <summary>A licence the clause grants or runs.</summary>
    [GeneratedRegex(@"\blicen[cs]es?\b|\blicensed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Licence();
}
