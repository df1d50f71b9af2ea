namespace Tandem.Documents;

/// <summary>A term the contract defines, with where the definition sits.</summary>
/// <param name="Term">The defined term as written, without quotes.</param>
/// <param name="Start">Offset of the term (inside the quotes) in the normalised text.</param>
/// <param name="ClauseOrdinal">The clause that holds the definition.</param>
public sealed record DefinedTerm(string Term, int Start, int ClauseOrdinal);
