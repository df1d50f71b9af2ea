namespace Tandem.Documents;

/// <summary>The result of segmenting a document: its clauses in order and its defined terms.</summary>
public sealed record DocumentStructure(IReadOnlyList<Clause> Clauses, IReadOnlyList<DefinedTerm> DefinedTerms);
