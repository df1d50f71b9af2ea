namespace Tandem.Documents;

/// <summary>
/// One provision of a contract. <see cref="Text"/> is exactly the normalised document text in
/// [<see cref="Start"/>, <see cref="End"/>), so quotes from it can be verified verbatim.
/// </summary>
/// <param name="Ordinal">Position in the document, from 0.</param>
/// <param name="Path">Structural address, e.g. "12.3(b)(ii)", "Exhibit A/2.1", "Article 5 ¶2".</param>
/// <param name="Heading">The nearest heading that governs the clause, if any.</param>
/// <param name="Kind">What the clause is structurally.</param>
/// <param name="Start">Start offset (inclusive) in the normalised text.</param>
/// <param name="End">End offset (exclusive) in the normalised text.</param>
/// <param name="Text">The clause text.</param>
public sealed record Clause(int Ordinal, string Path, string? Heading, ClauseKind Kind, int Start, int End, string Text)
{
    /// <summary>Length of the span in characters.</summary>
    public int Length => End - Start;
}
