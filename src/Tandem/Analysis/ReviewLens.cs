namespace Tandem.Analysis;

/// <summary>
/// How one review reads a clause for its side: whose right or duty it states
/// (<see cref="ClauseBeneficiaries"/>) and what it measures (<see cref="ClauseQuantities"/>).
/// </summary>
public sealed class ReviewLens
{
    private readonly ClauseBeneficiaries _beneficiaries;
    private readonly ClauseQuantities _quantities = new();

    public ReviewLens(ReviewSide? side)
    {
        Side = side;
        _beneficiaries = new ClauseBeneficiaries(side?.Parties ?? []);
    }

    /// <summary>A lens with no side: clauses are read, but nothing favours anyone.</summary>
    public static ReviewLens None { get; } = new(null);

    public ReviewSide? Side { get; }

    /// <summary>The contract's definitions, read into the clauses that use them when deviations are matched.</summary>
    public ContractDefinitions Definitions { get; init; } = ContractDefinitions.None;

    /// <summary>The contract's numbered clauses, read into the clauses that name them when deviations that read references are matched.</summary>
    public ClauseReferences References { get; init; } = ClauseReferences.None;

    /// <summary>A lens for <paramref name="side"/> on <paramref name="clauses"/>, with their definitions (not those of the parties' names and roles) and numbered clauses.</summary>
    public static ReviewLens For(ReviewSide? side, IReadOnlyList<Store.StoredClause> clauses) =>
        new(side) { Definitions = ContractDefinitions.Of(clauses, side?.Parties.SelectMany(p => new[] { p.Role, p.Name })), References = ClauseReferences.Of(clauses) };

    /// <summary>Whom the clause favours and who gains, seen from the side.</summary>
    public (Favours Favours, string? Beneficiary) Stance(string clause)
    {
        var stance = _beneficiaries.Read(clause);
        return (Side is null ? Favours.Unclear : stance.For(Side.Party.Role), stance.Describe());
    }

    /// <summary>The clause's measured terms.</summary>
    public IReadOnlyDictionary<string, double> Measure(string clause) => _quantities.Measure(clause);

    /// <summary>A playbook rationale with {us} and {them} filled in from the side.</summary>
    public string? Fill(string? rationale) =>
        rationale is null || Side is null ? rationale
        : rationale.Replace("{us}", Side.Party.Role, StringComparison.Ordinal)
            .Replace("{them}", string.Join(" and ", Side.Counterparties.Select(p => p.Role)) is { Length: > 0 } them ? them : "the other party", StringComparison.Ordinal);
}
