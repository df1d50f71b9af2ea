using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A term that renews itself inside its definition: "Term" means three years "and, after that, each successive period of 24
/// months, ending only when either party has given … not less than nine months' written notice". The clause that runs for it
/// ("shall continue for the Term") reads as a fixed duration; the definition makes it roll on unless a long notice window is
/// caught. Reported on the clause that runs for the period, with the window measured.
/// </summary>
public static partial class RollingTerms
{
    /// <summary>The name the finding's deviation carries.</summary>
    public const string Deviation = "The term renews itself unless a long notice window is caught";

    /// <summary>The shortest window, in days, worth reporting: three months.</summary>
    public const double LongWindowDays = 90;

    /// <summary>The period <paramref name="clause"/> runs for that renews itself unless notice is given at least <see cref="LongWindowDays"/> ahead, and that window.</summary>
    public static (DefinedTerm Period, double NoticeDays)? Rolling(string clause, ReviewLens lens)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(lens);
        foreach (var term in lens.Definitions.Used(clause))
        {
            if (RegexBudget.Run(() => Rolls().IsMatch(term.Text), () => false)
                && lens.Measure(term.Text).TryGetValue("notice_days", out var days) && days >= LongWindowDays)
            {
                return (term, days);
            }
        }

        return null;
    }

    /// <summary>The review's findings with each such term reported as a medium Renewal Term finding, once per term.</summary>
    internal static List<Finding> Apply(List<Finding> findings, PlaybookRule? rule, IReadOnlyList<Store.StoredClause> clauses, string[] texts,
        int[] leadIns, ReviewLens lens, string documentText) =>
        rule is null || lens.Definitions.Count == 0 ? findings : RaisedFindings.RaiseWhere(findings, clauses, texts, leadIns, lens, documentText, text =>
            Rolling(text, lens) is { } found
                ? new Reading(rule, Severity.Medium, Deviation,
                    $"\"{found.Period.Term}\" ({found.Period.ClausePath}) renews itself in further periods unless notice of {ClauseQuantities.Format("notice_days", found.NoticeDays)} is given before it ends: miss the window and {{us}} is bound for another period.",
                    Once: found.Period.Term, Cites: [found.Period])
                : null);

    /// <summary>A period that continues by itself: "each successive period", "automatically renews", "thereafter from year to year".</summary>
    [GeneratedRegex(@"\b(?:each|any|every)\s+(?:successive|subsequent|further)\s+(?:period|term)s?\b|\bsuccessive\s+(?:periods?|terms?)\b|\bautomatically\s+(?:renew|extend|continu)\w*|\brenew\w*\s+automatically\b|\bfrom\s+year\s+to\s+year\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Rolls();
}
