using Tandem.Analysis;
using Tandem.Store;

namespace Tandem.Tests.Support;

/// <summary>
/// Clauses of a written contract judged by the shipped playbook's rule for a category, for one side, with the contract's
/// definitions and numbered clauses read in as <c>analyze</c> reads them.
/// </summary>
public static class ShippedJudgement
{
    private static readonly Playbook Shipped = PlaybookLoader.Load(RepositoryPaths.Playbook);

    /// <summary>The finding the rule for <paramref name="category"/> makes of the clauses at <paramref name="paths"/> of <paramref name="clauses"/>.</summary>
    public static Finding Of(string category, IReadOnlyList<ContractParty> parties, string side, IReadOnlyList<StoredClause> clauses, params string[] paths)
    {
        var document = string.Join("\n", clauses.Select(c => c.Clause.Text));
        var judged = clauses.Where(c => paths.Contains(c.Clause.Path)).ToList();
        return ContractAnalyzer.Judge(Shipped.RuleFor(category)!, judged, 0.9f, document, ReviewLens.For(ReviewSide.Resolve(parties, side), clauses));
    }
}
