namespace Tandem.Evaluation;

/// <summary>One configuration's results in <c>tandem eval compare</c>.</summary>
/// <param name="Config">The configuration.</param>
/// <param name="Contracts">Contracts reviewed.</param>
/// <param name="Aupr">CUAD AUPR pooled over all questions.</param>
/// <param name="MacroAupr">Mean AUPR over categories with gold spans.</param>
/// <param name="CitationPrecision">Verified claims over all claims (1 for the local analyst, which quotes clauses it was given).</param>
/// <param name="MeanPromptTokens">Prompt tokens per contract (0 for the local analyst).</param>
/// <param name="MeanLatencyMs">Wall time per contract.</param>
/// <param name="CostPerContractUsd">Cost per contract from the price book (null when a model is not in it).</param>
public sealed record CompareRow(string Config, int Contracts, double Aupr, double MacroAupr, double CitationPrecision, double MeanPromptTokens, double MeanLatencyMs, decimal? CostPerContractUsd)
{
    /// <summary>Per category with gold spans: AUPR and support (what the promotion gate compares).</summary>
    public IReadOnlyList<CuadScore> Categories { get; init; } = [];

    /// <summary>The contracts scored, in order.</summary>
    public IReadOnlyList<string> ContractNames { get; init; } = [];
}
