namespace Tandem.Evaluation;

/// <summary>A protection the key says the contract lacks, and whether the report listed it as missing.</summary>
/// <param name="Category">The protection's category.</param>
/// <param name="Found">True when the report's missing protections include it.</param>
public sealed record ReviewMissingScore(string Category, bool Found);
