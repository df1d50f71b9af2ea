using Tandem.Analysis;

namespace Tandem.Evaluation;

/// <summary>A high or critical finding on a clause the key does not name as a risk: a false alarm, or a risk the key missed.</summary>
/// <param name="ClausePath">The finding's clause path.</param>
/// <param name="Category">Its category.</param>
/// <param name="Severity">Its severity (high or critical).</param>
/// <param name="OnOrdinaryClause">True when the key lists the clause as ordinary, placed for contrast.</param>
public sealed record UnexpectedFinding(string ClausePath, string Category, Severity Severity, bool OnOrdinaryClause);
