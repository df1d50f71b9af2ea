namespace Tandem.Analysis;

/// <summary>A sentence of an answer with its checked citations; <see cref="Verified"/> only when it cites and every citation checks out.</summary>
public sealed record AnsweredSentence(string Text, IReadOnlyList<CitationCheck> Citations)
{
    public bool Verified => Citations.Count > 0 && Citations.All(c => c.IsVerified);
}
