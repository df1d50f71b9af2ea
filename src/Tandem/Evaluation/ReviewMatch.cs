using Tandem.Analysis;

namespace Tandem.Evaluation;

/// <summary>A finding as the review scoring sees it: where, what, how bad.</summary>
/// <param name="ClausePath">The finding's clause path.</param>
/// <param name="Category">Its category.</param>
/// <param name="Severity">Its severity.</param>
public sealed record ReviewMatch(string ClausePath, string Category, Severity Severity);
