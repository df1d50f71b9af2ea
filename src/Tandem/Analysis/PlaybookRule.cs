namespace Tandem.Analysis;

/// <summary>The firm's position on one clause category.</summary>
/// <param name="Category">A category of <see cref="ClauseCategories"/>.</param>
/// <param name="Expected">Whether a contract should contain it; if so its absence is a missing protection.</param>
/// <param name="StandardPosition">What the firm accepts.</param>
/// <param name="Severity">Severity of a present clause that shows no deviation.</param>
/// <param name="Rationale">Why the category matters.</param>
/// <param name="MissingSeverity">Severity when an expected clause is absent.</param>
/// <param name="MissingRationale">Why its absence matters.</param>
/// <param name="Deviations">Signals that a present clause departs from the standard.</param>
/// <remarks><see cref="ExpectedFor"/> narrows <paramref name="Expected"/> to the kinds of contract that need the clause.</remarks>
public sealed record PlaybookRule(
    string Category,
    bool Expected,
    string? StandardPosition,
    Severity Severity,
    string? Rationale,
    Severity MissingSeverity,
    string? MissingRationale,
    IReadOnlyList<DeviationSignal> Deviations)
{
    /// <summary>The contract kinds (<see cref="ContractKinds"/> ids) that should contain the clause; empty means every kind.</summary>
    public IReadOnlyList<string> ExpectedFor { get; init; } = [];

    /// <summary>
    /// Words the whole contract must contain for the protection to be expected ("software" for an escrow in a
    /// services contract: a cleaning contract needs none); null when the kind and role alone decide.
    /// </summary>
    public PlaybookPattern? ExpectedWhen { get; init; }

    /// <summary>The position the firm still accepts when the standard cannot be had (its fallback); null when none is stated.</summary>
    public string? Fallback { get; init; }

    /// <summary>
    /// For a protection: whom a clause must favour to count as the protection being there (a
    /// convenience exit only the other side holds leaves the side under review without one);
    /// empty means any clause of the category counts.
    /// </summary>
    public IReadOnlyList<Favours> PresentWhen { get; init; } = [];

    /// <summary>
    /// With <see cref="PresentWhen"/>: a clause showing a deviation counts as the protection being
    /// there whoever it favours (an exit window that is too short is reported as that deviation,
    /// not also as a missing exit). <c>present_when: [..., deviating]</c> in the playbook.
    /// </summary>
    public bool PresentWhenDeviating { get; init; }

    /// <summary>
    /// For a protection: words a clause must contain to count as the protection being there (an
    /// exclusion of lost profits is not a cap on liability: a cap names a limit). Null means any
    /// clause of the category counts. <c>present_pattern</c> in the playbook.
    /// </summary>
    public PlaybookPattern? PresentPattern { get; init; }

    /// <summary>
    /// Whether a finding of this category gives the side under review the protection: it favours
    /// someone <see cref="PresentWhen"/> accepts and its clause has the <see cref="PresentPattern"/> words, or, with
    /// <see cref="PresentWhenDeviating"/>, it shows a deviation (the clause is there and falls short, which the
    /// deviation reports; it is not also missing), unless every deviation it shows is the protection's absence.
    /// </summary>
    public bool CountsAsPresent(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Deviations.Count > 0 && finding.Deviations.All(name => Deviations.Any(d => d.Absence && d.Name == name)))
        {
            return false;
        }

        if (PresentWhenDeviating && finding.Deviations.Count > 0)
        {
            return true;
        }

        var whom = PresentWhen.Count == 0 || PresentWhen.Contains(finding.Favours);
        return whom && (PresentPattern is null || IsMatch(PresentPattern, finding.Quote, onTimeout: true));
    }

    /// <summary>
    /// Words that identify a clause of this category whatever the model scores (e.g. a unilateral
    /// price change); null when the rule relies on the model alone.
    /// </summary>
    public PlaybookPattern? Detect { get; init; }

    /// <summary>
    /// Whether <see cref="Detect"/> is matched on the clause with the definitions it uses ("the Brand Owner may terminate if
    /// a Termination Event occurs", where the definition names a change of control): the words that identify the clause
    /// may sit in a definition. A clause found this way is reported only with a deviation, as any clause found by words.
    /// </summary>
    public bool DetectReadsDefinitions { get; init; }

    /// <summary>
    /// Words that identify a clause of this category only when it is read with the definitions it uses ("grants … a
    /// licence … for the Licence Period", the Licence Period defined to run in perpetuity), matched on the clause followed
    /// by its definitions, each as its own paragraph; <see cref="Detect"/> keeps to the clause's own words. Null when none.
    /// </summary>
    public PlaybookPattern? DetectWithDefinitions { get; init; }

    /// <summary>Whether <paramref name="clauseText"/> carries the rule's identifying words.</summary>
    public bool Detects(string clauseText) => Detect is not null && IsMatch(Detect, clauseText, onTimeout: false);

    /// <summary>Whether <paramref name="clauseWithDefinitions"/> (a clause and the definitions it uses) carries the words <see cref="DetectWithDefinitions"/> looks for.</summary>
    public bool DetectsWithDefinitions(string clauseWithDefinitions) =>
        DetectWithDefinitions is not null && IsMatch(DetectWithDefinitions, clauseWithDefinitions, onTimeout: false);

    /// <summary>Whether a contract of kind <paramref name="kind"/> (and text <paramref name="contractText"/>, when known) should contain the clause.</summary>
    /// <remarks>An entry "kind/role" (licence/licensor) expects the clause only in that kind reviewed for that role.</remarks>
    public bool IsExpectedIn(string? kind, string? role = null, string? contractText = null) =>
        Expected && !(ExpectedExcept.Count > 0 && kind is not null && Holds(ExpectedExcept, null, kind, role, null))
            && (Holds(ExpectedFor, ExpectedWhen, kind, role, contractText)
                || ExpectedAlso.Any(e => e.For.Count > 0 && Holds(e.For, e.When, kind, role, contractText)));

    /// <summary>
    /// Kinds, or kind/role, that never need the clause, whatever <see cref="ExpectedFor"/> and <see cref="ExpectedAlso"/>
    /// say (exit support is the customer's protection, not the provider's): <c>expected_except</c> in the playbook.
    /// </summary>
    public IReadOnlyList<string> ExpectedExcept { get; init; } = [];

    /// <summary>
    /// Further kinds, each with its own words, that need the clause too (a no-hire in the confidentiality agreement of
    /// an acquisition, for the company being bought): <c>expected_also</c> in the playbook.
    /// </summary>
    public IReadOnlyList<PlaybookExpectation> ExpectedAlso { get; init; } = [];

    private static bool Holds(IReadOnlyList<string> kinds, PlaybookPattern? when, string? kind, string? role, string? contractText) =>
        // A pattern too slow for the text cannot show the protection is needed: expect it, as without the pattern.
        (when is null || contractText is null || IsMatch(when, contractText, onTimeout: true)) && (kinds.Count == 0 || kind is null || kinds.Any(e => e.Split('/') switch
        {
            [var k] => k == kind,
            [var k, var r] => k == kind && role is not null && string.Equals(r, role, StringComparison.OrdinalIgnoreCase),
            _ => false,
        }));

    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="text"/>; <paramref name="onTimeout"/> when it takes too long.</summary>
    private static bool IsMatch(PlaybookPattern pattern, string text, bool onTimeout)
    {
        return RegexBudget.Run(() => RegexAlternatives.IsMatch(pattern, text), () => onTimeout);
    }
}
