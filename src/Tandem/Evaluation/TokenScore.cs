namespace Tandem.Evaluation;

/// <summary>Prompt size of one strategy over the analysed contracts.</summary>
public sealed record TokenScore(string Strategy, double MeanPromptTokens, int MedianPromptTokens, int P95PromptTokens, double MeanExamples, double MeanPassages);
