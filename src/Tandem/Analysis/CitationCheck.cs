using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>A checked citation: its status and, when verified, the exact span it quotes.</summary>
/// <param name="Citation">What the model claimed.</param>
/// <param name="Status">What the check found.</param>
/// <param name="Passage">The cited passage, when it was in the context.</param>
/// <param name="Start">Start of the quoted span in the document's normalised text (verified only).</param>
/// <param name="End">End of the span, exclusive (verified only).</param>
/// <param name="VerbatimQuote">The document's own text for the span, which reports show instead of the model's copy.</param>
public sealed record CitationCheck(Citation Citation, CitationStatus Status, Passage? Passage, int Start, int End, string? VerbatimQuote)
{
    public bool IsVerified => Status == CitationStatus.Verified;
}
