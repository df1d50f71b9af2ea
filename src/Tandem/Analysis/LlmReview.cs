using Tandem.Prompting;

namespace Tandem.Analysis;

/// <summary>One model review of a document: the prompt it was given and its checked claims.</summary>
public sealed record LlmReview(ReviewPrompt Prompt, IReadOnlyList<CheckedClaim> Claims)
{
    /// <summary>Verified claims over all claims (1 when there were none).</summary>
    public double CitationPrecision => Claims.Count == 0 ? 1 : Claims.Count(c => c.Verified) / (double)Claims.Count;
}
