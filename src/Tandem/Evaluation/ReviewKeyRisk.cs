using Tandem.Analysis;

namespace Tandem.Evaluation;

/// <summary>One deliberate risk of a keyed contract: where it sits, what a finding on it may be called, and how bad it must be said to be.</summary>
/// <param name="Id">Short id, unique within the contract, e.g. "saas-cap".</param>
/// <param name="Description">What the risk is, for a reader of the results.</param>
/// <param name="Clauses">Clause paths as Tandem assigns them ("12.2", "12.3(b)"); a finding on a path equal to one, or under it at a path boundary, is on the risk.</param>
/// <param name="Categories">The CUAD categories (canonical names) a finding on the risk may carry.</param>
/// <param name="MinSeverity">The least severity a demanding lawyer would accept for it.</param>
public sealed record ReviewKeyRisk(string Id, string Description, IReadOnlyList<string> Clauses, IReadOnlyList<string> Categories, Severity MinSeverity);
