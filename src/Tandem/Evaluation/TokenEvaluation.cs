namespace Tandem.Evaluation;

/// <summary>Prompt tokens per analysed contract for each strategy, and the reduction of each against the first.</summary>
public sealed record TokenEvaluation(int Contracts, IReadOnlyList<TokenScore> Scores, TimeSpan Elapsed)
{
    /// <summary>1 − mean(strategy) / mean(first strategy), for each strategy after the first.</summary>
    public IReadOnlyDictionary<string, double> ReductionAgainstFirst =>
        Scores.Skip(1).ToDictionary(s => s.Strategy, s => Scores[0].MeanPromptTokens == 0 ? 0 : 1 - (s.MeanPromptTokens / Scores[0].MeanPromptTokens), StringComparer.Ordinal);
}
