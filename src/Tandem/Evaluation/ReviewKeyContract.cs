namespace Tandem.Evaluation;

/// <summary>The answer key of one contract: the side under review, its deliberate risks and the protections it lacks.</summary>
/// <param name="File">The contract's file name, relative to the contracts folder.</param>
/// <param name="Side">The party under review, as <c>--for</c> takes it: a role ("customer") or a name.</param>
/// <param name="Type">The kind of contract: nda, saas, licence, supply, distribution, hosting ...</param>
/// <param name="Risks">The deliberate risks for <paramref name="Side"/>.</param>
/// <param name="Missing">Categories (canonical names) the review must report as missing protections.</param>
/// <param name="Ordinary">Paths of ordinary clauses placed for contrast; a high finding on one is a false alarm the results name as such.</param>
public sealed record ReviewKeyContract(string File, string Side, string Type, IReadOnlyList<ReviewKeyRisk> Risks, IReadOnlyList<string> Missing, IReadOnlyList<string> Ordinary)
{
    /// <summary>Every clause path the key names: the risks' clauses and the ordinary ones.</summary>
    public IEnumerable<string> Paths => Risks.SelectMany(r => r.Clauses).Concat(Ordinary);
}
