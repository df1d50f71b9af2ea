namespace Tandem.Evaluation;

/// <summary>CUAD-style scores: pooled over all categories, and per category.</summary>
public sealed record CuadEvaluation(
    string Mode,
    int Contracts,
    CuadScore Overall,
    double MacroAupr,
    IReadOnlyList<CuadScore> Categories,
    TimeSpan Elapsed);
