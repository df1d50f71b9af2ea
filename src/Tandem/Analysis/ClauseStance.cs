namespace Tandem.Analysis;

/// <summary>
/// Who gains and who is bound by a clause, by the parties' defined roles: the subjects of "may",
/// "is entitled to", "at its sole discretion", a liability cap (benefits); of "shall", "shall not",
/// "hereby assigns" (burdens). <see cref="MutualBenefit"/> and <see cref="MutualBurden"/> cover
/// "either party"/"each party"/"neither party".
/// </summary>
public sealed record ClauseStance(IReadOnlyList<string> Benefits, IReadOnlyList<string> Burdens, bool MutualBenefit, bool MutualBurden)
{
    /// <summary>Nothing could be read.</summary>
    public static ClauseStance None { get; } = new([], [], false, false);

    /// <summary>Whom the clause favours, seen from <paramref name="side"/>.</summary>
    public Favours For(string side)
    {
        var usGain = Benefits.Contains(side, StringComparer.Ordinal);
        var themGain = Benefits.Any(b => !b.Equals(side, StringComparison.Ordinal));
        var usBound = Burdens.Contains(side, StringComparer.Ordinal);
        var themBound = Burdens.Any(b => !b.Equals(side, StringComparison.Ordinal));
        var forUs = usGain || (themBound && !themGain);
        var forThem = themGain || (usBound && !usGain);
        return (forUs, forThem) switch
        {
            (true, false) => Favours.Us,
            (false, true) => Favours.Them,
            (true, true) => Favours.Both,
            _ => MutualBenefit || MutualBurden ? Favours.Both : Favours.Unclear,
        };
    }

    /// <summary>"Provider", "Provider and Customer", "both parties", or null when unclear; who gains.</summary>
    public string? Describe() =>
        Benefits.Count > 0 ? string.Join(" and ", Benefits)
        : Burdens.Count > 0 && !MutualBurden ? null
        : MutualBenefit || MutualBurden ? "both parties" : null;
}
