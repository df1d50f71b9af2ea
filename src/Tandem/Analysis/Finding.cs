namespace Tandem.Analysis;

/// <summary>One clause judged against the playbook.</summary>
/// <param name="Category">The clause category.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="ClauseId">Stable id of the cited clause.</param>
/// <param name="ClausePath">Its structural path, e.g. "12.3(b)".</param>
/// <param name="Heading">Its governing heading.</param>
/// <param name="Quote">The clause text, verbatim from the document.</param>
/// <param name="Start">Start offset of the quote in the document's normalised text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Line">1-based line of <paramref name="Start"/> in the normalised text.</param>
/// <param name="Rationale">Why it matters (the deviation's reason, or the rule's).</param>
/// <param name="Deviations">Names of the playbook deviations the clause shows.</param>
/// <param name="Confidence">The model's calibrated probability that the clause is of this category.</param>
public sealed record Finding(
    string Category,
    Severity Severity,
    string ClauseId,
    string ClausePath,
    string? Heading,
    string Quote,
    int Start,
    int End,
    int Line,
    string? Rationale,
    IReadOnlyList<string> Deviations,
    double Confidence)
{
    /// <summary>
    /// The short answer inside the quote, for categories answered by a value rather than a
    /// clause (the agreement's date, e.g. "March 1, 2019"); null otherwise.
    /// </summary>
    public string? Answer { get; init; }

    /// <summary>Whom the clause favours, seen from the side under review.</summary>
    public Favours Favours { get; init; }

    /// <summary>Who gains by the clause ("Provider", "both parties"), when it could be read.</summary>
    public string? Beneficiary { get; init; }

    /// <summary>The measured term against the firm's standard, e.g. "notice 30 days; your standard ≥ 90 days".</summary>
    public string? Measured { get; init; }

    /// <summary>
    /// The judgement rests on what the rest of the contract leaves out (an indemnity where no clause caps any
    /// liability), so the clause's own words need not say it; not stored.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ReadWithWholeContract { get; init; }

    /// <summary>
    /// The definitions the judgement rests on (fees on "Chargeable Employees", defined at 1.4 never to fall below 250):
    /// the clause's own words do not show the deviation, the clause read with these does. Empty when its words suffice.
    /// </summary>
    public IReadOnlyList<DefinedTerm> Definitions { get; init; } = [];

    /// <summary>The judgement rests on a definition the clause uses (<see cref="Definitions"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ReadWithDefinitions => Definitions.Count > 0;

    /// <summary>A deviation the playbook marks as lifting a limit matched (<see cref="DeviationSignal.LiftsLimit"/>); not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool LiftsLimit { get; init; }
}
