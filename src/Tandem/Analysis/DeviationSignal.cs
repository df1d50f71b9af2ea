using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A sign that a clause departs from the firm's standard position: a pattern that matches
/// (e.g. "unlimited"), or one whose absence is the problem (no amount in a liability cap).
/// </summary>
public sealed record DeviationSignal(string Name, Regex? Pattern, Regex? AbsentPattern, Severity Severity, string? Rationale)
{
    /// <summary>True when the clause text shows this deviation.</summary>
    public bool Matches(string clauseText)
    {
        try
        {
            return (Pattern is not null && Pattern.IsMatch(clauseText)) ||
                   (AbsentPattern is not null && !AbsentPattern.IsMatch(clauseText));
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern on a hostile text must not stall the report; no signal.
            return false;
        }
    }
}
