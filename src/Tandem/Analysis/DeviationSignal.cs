using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A sign that a clause departs from the firm's standard position for the side under review: a
/// pattern that matches (e.g. "unlimited"), one whose absence is the problem (no amount in a
/// liability cap), whom the clause favours (<see cref="When"/>: the other side's right is a
/// deviation where the same right for us is a protection), and a measured term out of bounds
/// (<see cref="Measure"/> below <see cref="Below"/> or above <see cref="Above"/>: "notice 30 days;
/// your standard ≥ 90"). Every condition given must hold.
/// </summary>
public sealed record DeviationSignal(string Name, Regex? Pattern, Regex? AbsentPattern, Severity Severity, string? Rationale)
{
    /// <summary>Whom the clause must favour for the signal to apply; empty means any.</summary>
    public IReadOnlyList<Favours> When { get; init; } = [];

    /// <summary>The roles of the side under review the signal is for (e.g. supplier, provider); empty means every side.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>A quantity of <see cref="ClauseQuantities.Names"/> the clause must state, within bounds.</summary>
    public string? Measure { get; init; }

    /// <summary>The signal applies when the measured value is below this.</summary>
    public double? Below { get; init; }

    /// <summary>The signal applies when the measured value is above this.</summary>
    public double? Above { get; init; }

    /// <summary>True when the clause text shows this deviation (text conditions only: no side, no measure).</summary>
    public bool Matches(string clauseText) => Matches(clauseText, Favours.Unclear, new Dictionary<string, double>());

    /// <summary>True when the signal applies to a review for a party whose role is <paramref name="role"/>.</summary>
    public bool AppliesTo(string? role) => Roles.Count == 0 || (role is not null && Roles.Contains(role, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when the clause shows this deviation for a clause that favours <paramref name="favours"/>, with <paramref name="quantities"/> measured.</summary>
    public bool Matches(string clauseText, Favours favours, IReadOnlyDictionary<string, double> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        if (When.Count > 0 && !When.Contains(favours))
        {
            return false;
        }

        if (Measure is not null && (!quantities.TryGetValue(Measure, out var value) || (Below is { } below && value >= below) || (Above is { } above && value <= above)))
        {
            return false;
        }

        try
        {
            return (Pattern is null || Pattern.IsMatch(clauseText)) &&
                   (AbsentPattern is null || !AbsentPattern.IsMatch(clauseText)) &&
                   (Pattern is not null || AbsentPattern is not null || When.Count > 0 || Measure is not null || Roles.Count > 0);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern on a hostile text must not stall the report; no signal.
            return false;
        }
    }

    /// <summary>What the measure found against the standard, e.g. "notice 30 days; your standard ≥ 90 days"; null without a measure.</summary>
    public string? Measured(IReadOnlyDictionary<string, double> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        if (Measure is null || !quantities.TryGetValue(Measure, out var value))
        {
            return null;
        }

        var label = Measure.Replace("_days", string.Empty, StringComparison.Ordinal).Replace('_', ' ');
        var standard = Below is { } below ? $"≥ {ClauseQuantities.Format(Measure, below)}" : Above is { } above ? $"≤ {ClauseQuantities.Format(Measure, above)}" : null;
        return $"{label} {ClauseQuantities.Format(Measure, value)}" + (standard is null ? string.Empty : $"; your standard {standard}");
    }
}
