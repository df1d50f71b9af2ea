using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// A sign that a clause departs from the firm's standard position for the side under review: a
/// pattern that matches (e.g. "unlimited"), one whose absence is the problem (no amount in a
/// liability cap), whom the clause favours (<see cref="When"/>: the other side's right is a
/// deviation where the same right for us is a protection), and a measured term out of bounds
/// (<see cref="Measure"/> below <see cref="Below"/> or above <see cref="Above"/>: "notice 30 days;
/// your standard ≥ 90"). Every condition given must hold. A pattern may name the sides: {us} and
/// {them} stand for the side under review and its counterparties (their roles and names), so
/// "{us} hereby assigns" is our assignment and not theirs; {us.home} and {them.home} stand for where
/// they are incorporated ("laws of {them.home}" is the other side's home law).
/// </summary>
public sealed record DeviationSignal(string Name, PlaybookPattern? Pattern, PlaybookPattern? AbsentPattern, Severity Severity, string? Rationale)
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

    private static readonly ConcurrentDictionary<(string Template, string Us, string Them), PlaybookPattern> SidedPatterns = new();

    /// <summary>The pattern as written when it names the sides ({us}, {them}); <see cref="Pattern"/> is then only its syntax check.</summary>
    public string? PatternTemplate { get; init; }

    /// <summary>The absent pattern as written when it names the sides.</summary>
    public string? AbsentPatternTemplate { get; init; }

    /// <summary>
    /// A pattern no text of the whole contract may match for the deviation to hold ("no clause caps any
    /// liability"): what a clause means can depend on what the rest of the contract leaves out.
    /// </summary>
    public PlaybookPattern? ContractAbsentPattern { get; init; }

    /// <summary>The contract-absent pattern as written when it names the sides ("no cap protects {us}").</summary>
    public string? ContractAbsentPatternTemplate { get; init; }

    /// <summary>
    /// A pattern some text of the whole contract must match for the deviation to hold ("solar modules"): what a clause
    /// means can depend on what the contract is about, which a defined term ("the Products") hides from the clause.
    /// </summary>
    public PlaybookPattern? ContractPattern { get; init; }

    /// <summary>The contract pattern as written when it names the sides.</summary>
    public string? ContractPatternTemplate { get; init; }

    /// <summary>
    /// What the deviation matched shows liability beyond any cap by itself (an indemnity that excepts only the
    /// other side's gross negligence), so an uncapped-liability finding it supports needs no words that lift a
    /// limit (<see cref="FindingConsistency"/>); <c>lifts_limit: true</c> in the playbook.
    /// </summary>
    public bool LiftsLimit { get; init; }

    /// <summary>
    /// What the deviation reports is the protection's absence ("on termination you must stop selling at once": no
    /// sell-off period), so a clause showing only such deviations does not count as the protection being there
    /// (<see cref="PlaybookRule.CountsAsPresent"/>); <c>absence: true</c> in the playbook.
    /// </summary>
    public bool Absence { get; init; }

    /// <summary>
    /// The deviation reads the clause with the contract's definitions of the terms it uses (<see cref="ContractDefinitions"/>):
    /// "All Work Product vests in the Client" assigns background IP when "Work Product" is defined to include it;
    /// <c>read_definitions: true</c> in the playbook. Off by default: most patterns were written for a clause's own words.
    /// </summary>
    public bool ReadsDefinitions { get; init; }

    /// <summary>
    /// The deviation reads the clause with the clauses it names by number (<see cref="ClauseReferences"/>): "the limitation
    /// in clause 15.2 shall not apply to any liability under clause 13" leaves uncapped the indemnity clause 13 gives;
    /// <c>read_references: true</c> in the playbook. Matched on the text passed as the clause read with what it rests on.
    /// </summary>
    public bool ReadsReferences { get; init; }

    /// <summary>Whether <paramref name="pattern"/> names a side ({us} or {them}).</summary>
    public static bool NamesSides(string? pattern) =>
        pattern is not null && (pattern.Contains("{us", StringComparison.Ordinal) || pattern.Contains("{them", StringComparison.Ordinal));

    /// <summary>
    /// <paramref name="template"/> with {us} and {them} as alternations of the sides' roles and names
    /// (never matching without a side), for checking its syntax when <paramref name="side"/> is null.
    /// </summary>
    public static string ForSide(string template, ReviewSide? side)
    {
        ArgumentNullException.ThrowIfNull(template);
        static string Names(IEnumerable<ContractParty> parties) =>
            parties.SelectMany(p => new[] { p.Role, p.Name }).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(n => n.Length).Select(Regex.Escape).ToList() is { Count: > 0 } names
                ? "(?<!\\w)(?:(?:the\\s+)?(?:" + string.Join("|", names) + "))(?!\\w)"
                : "(?!)";
        // A name may end in a full stop ("Acme, Inc."), where \b would not hold: the alternation bounds itself.
        // {us.home} and {them.home}: where the parties are incorporated ("England and Wales" also as "England").
        static string Homes(IEnumerable<ContractParty> parties) =>
            parties.Select(p => p.Home).OfType<string>().SelectMany(h => new[] { h, h.Split(" and ")[0] }).Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(h => h.Length).Select(Regex.Escape).ToList() is { Count: > 0 } homes
                ? "(?<!\\w)(?:" + string.Join("|", homes) + ")(?!\\w)"
                : "(?!)";
        return template.Replace("\\b{us}\\b", "{us}", StringComparison.Ordinal).Replace("\\b{them}\\b", "{them}", StringComparison.Ordinal)
            .Replace("{us.home}", side is null ? "(?!)" : Homes([side.Party]), StringComparison.Ordinal)
            .Replace("{them.home}", side is null ? "(?!)" : Homes(side.Counterparties), StringComparison.Ordinal)
            .Replace("{us}", side is null ? "(?!)" : Names([side.Party]), StringComparison.Ordinal)
            .Replace("{them}", side is null ? "(?!)" : Names(side.Counterparties), StringComparison.Ordinal);
    }

    /// <summary>True when the clause text shows this deviation (text conditions only: no side, no measure).</summary>
    public bool Matches(string clauseText) => Matches(clauseText, Favours.Unclear, new Dictionary<string, double>());

    /// <summary>
    /// True when the signal applies to a review for a party whose role is <paramref name="role"/>: the role itself,
    /// or a qualified form of one listed ("Service Provider" and "Equipment Supplier" play the "Provider" and
    /// "Supplier" the signal names).
    /// </summary>
    public bool AppliesTo(string? role) =>
        Roles.Count == 0
        || (role is not null && (Roles.Contains(role, StringComparer.OrdinalIgnoreCase)
            || (role.LastIndexOf(' ') is var space and > 0 && Roles.Contains(role[(space + 1)..], StringComparer.OrdinalIgnoreCase))));

    /// <summary>
    /// True when the clause shows this deviation for a clause that favours <paramref name="favours"/>, with
    /// <paramref name="quantities"/> measured, read for <paramref name="side"/> (patterns that name a side need one).
    /// </summary>
    /// <remarks>
    /// <paramref name="withDefinitions"/> is the clause followed by the definitions it uses: the pattern may match there
    /// when the deviation <see cref="ReadsDefinitions"/>; the absent pattern is read on the clause's own words (an
    /// exception in a definition does not excuse the clause).
    /// </remarks>
    public bool Matches(string clauseText, Favours favours, IReadOnlyDictionary<string, double> quantities, ReviewSide? side = null, string? contractText = null, string? withDefinitions = null)
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

        var pattern = Sided(Pattern, PatternTemplate, side);
        var absent = Sided(AbsentPattern, AbsentPatternTemplate, side);
        var contractAbsent = Sided(ContractAbsentPattern, ContractAbsentPatternTemplate, side);
        var contract = Sided(ContractPattern, ContractPatternTemplate, side);
        // A pathological pattern on a hostile text must not stall the report: no signal.
        return RegexBudget.Run(() =>
            (pattern is null || RegexAlternatives.IsMatch(pattern, ReadsDefinitions || ReadsReferences ? withDefinitions ?? clauseText : clauseText)) &&
            (absent is null || !RegexAlternatives.IsMatch(absent, clauseText)) &&
            (contractAbsent is null || !RegexAlternatives.IsMatch(contractAbsent, contractText ?? clauseText)) &&
            (contract is null || RegexAlternatives.IsMatch(contract, contractText ?? clauseText)) &&
            (Pattern is not null || AbsentPattern is not null || When.Count > 0 || Measure is not null || Roles.Count > 0), () => false);
    }

    /// <summary>The regex to match for this side: the compiled pattern, or its template filled in for the side (cached; the cache is bounded).</summary>
    private static PlaybookPattern? Sided(PlaybookPattern? compiled, string? template, ReviewSide? side)
    {
        if (template is null || compiled is null)
        {
            return compiled;
        }

        var us = side is null ? string.Empty : side.Party.Role + "\u0001" + side.Party.Name + "\u0001" + side.Party.Home;
        var them = side is null ? string.Empty : string.Join("\u0001", side.Counterparties.Select(p => p.Role + "\u0001" + p.Name + "\u0001" + p.Home));
        if (SidedPatterns.Count > 4096)
        {
            SidedPatterns.Clear();
        }

        return SidedPatterns.GetOrAdd((template, us, them), _ => new PlaybookPattern(ForSide(template, side), compiled.Options, compiled.Timeout));
    }

    /// <summary>The rationale with "{measured}" filled in by the measured term ("24 months"), when the signal measures one.</summary>
    public string WithMeasure(IReadOnlyDictionary<string, double> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        var text = Rationale ?? Name;
        return Measure is not null && quantities.TryGetValue(Measure, out var value)
            ? text.Replace("{measured}", ClauseQuantities.Format(Measure, value), StringComparison.Ordinal)
            : text.Replace("{measured}", "the stated period", StringComparison.Ordinal);
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
