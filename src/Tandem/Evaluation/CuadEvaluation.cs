namespace Tandem.Evaluation;

/// <summary>CUAD-style scores: pooled over all categories, and per category.</summary>
public sealed record CuadEvaluation(
    string Mode,
    int Contracts,
    CuadScore Overall,
    double MacroAupr,
    IReadOnlyList<CuadScore> Categories,
    TimeSpan Elapsed)
{
    /// <summary>The configuration scored (<c>local</c>, <c>local:&lt;model file&gt;</c>, <c>keyword</c>).</summary>
    public string Config { get; init; } = "local";

    /// <summary>The pooled precision-recall curve, thinned to at most 200 points, for charts.</summary>
    public IReadOnlyList<CurvePoint> OverallCurve { get; init; } = [];
}
