using Tandem.Prompting;

namespace Tandem.Analysis;

/// <summary>One model review of a document: the prompt it was given and its checked claims.</summary>
/// <param name="Prompt">The prompt it was given.</param>
/// <param name="Claims">Its claims, each with the citation check's verdict.</param>
/// <param name="RawOutput">The model's last answer, as it came back.</param>
public sealed record LlmReview(ReviewPrompt Prompt, IReadOnlyList<CheckedClaim> Claims, string RawOutput = "")
{
    /// <summary>Verified claims over all claims (1 when there were none).</summary>
    public double CitationPrecision => Claims.Count == 0 ? 1 : Claims.Count(c => c.Verified) / (double)Claims.Count;
}
