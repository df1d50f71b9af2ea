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

    /// <summary>Whose each defined thing is (who supplies, makes or licenses it), to tell whom a mutual duty really binds.</summary>
    public ThingOwners Owners { get; init; } = ThingOwners.None;

    /// <summary>A lens for <paramref name="side"/> on <paramref name="clauses"/>, with their definitions (not those of the parties' names and roles) and numbered clauses.</summary>
    public static ReviewLens For(ReviewSide? side, IReadOnlyList<Store.StoredClause> clauses) =>
        For(side, clauses, ContractDefinitions.Of(clauses, side?.Parties.SelectMany(p => new[] { p.Role, p.Name })));

    private static ReviewLens For(ReviewSide? side, IReadOnlyList<Store.StoredClause> clauses, ContractDefinitions definitions) =>
        For(side, clauses, definitions, ClauseReferences.Of(clauses));

    private static ReviewLens For(ReviewSide? side, IReadOnlyList<Store.StoredClause> clauses, ContractDefinitions definitions, ClauseReferences references) =>
        new(side)
        {
            Definitions = definitions,
            References = references,
            Owners = new ThingOwners(side, clauses.Select(c => c.Clause.Text).ToList(), definitions, references),
        };

    /// <summary>Whom the clause favours and who gains, seen from the side.</summary>
    public (Favours Favours, string? Beneficiary) Stance(string clause)
    {
        var stance = _beneficiaries.Read(clause);
        var favours = Side is null ? Favours.Unclear : stance.For(Side.Party.Role);
        // A mutual indemnity that only one side can ever trigger ("each party … arising from any Product", when only one
        // side supplies Products) binds that side.
        if (favours is Favours.Both or Favours.Unclear && Owners.Bound(clause) is var bound and (Favours.Us or Favours.Them))
        {
            var (gains, owes) = bound == Favours.Them ? (TheirRoles, Side!.Party.Role) : (Side!.Party.Role, TheirRoles);
            return (bound, $"{gains} (only {owes} can set the indemnity off)");
        }

        // A sum made non-refundable without naming who paid it ("Milestone Payments, once paid, are not refundable") favours
        // whoever the contract says is paid it.
        if (favours == Favours.Unclear && Owners.Kept(clause) is var kept and (Favours.Us or Favours.Them))
        {
            return (kept, kept == Favours.Us ? $"{Side!.Party.Role} (keeps what {TheirRoles} paid)" : $"{TheirRoles} (keeps what {Side!.Party.Role} paid)");
        }

        return (favours, stance.Describe());
    }

    /// <summary>The clause's measured terms.</summary>
    public IReadOnlyDictionary<string, double> Measure(string clause) => _quantities.Measure(clause);

    /// <summary>A playbook rationale with {us} and {them} filled in from the side.</summary>
    public string? Fill(string? rationale) =>
        rationale is null || Side is null ? rationale
        : rationale.Replace("{us}", Side.Party.Role, StringComparison.Ordinal)
            .Replace("{them}", TheirRoles is { Length: > 0 } them ? them : "the other party", StringComparison.Ordinal);

    /// <summary>The other parties' roles, joined by "and" (empty without a side).</summary>
    private string TheirRoles => Side is null ? string.Empty : string.Join(" and ", Side.Counterparties.Select(p => p.Role));
}
