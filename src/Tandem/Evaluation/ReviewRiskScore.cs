using Tandem.Analysis;

namespace Tandem.Evaluation;

/// <summary>One keyed risk against a report: the most severe finding on its clauses with an acceptable category, if any.</summary>
/// <param name="Id">The risk's id.</param>
/// <param name="Description">What the risk is.</param>
/// <param name="Clauses">Its clause paths.</param>
/// <param name="MinSeverity">The least severity that counts.</param>
/// <param name="Best">The most severe matching finding; null when the report says nothing about the risk.</param>
public sealed record ReviewRiskScore(string Id, string Description, IReadOnlyList<string> Clauses, Severity MinSeverity, ReviewMatch? Best)
{
    /// <summary>Found on the right clause, with an acceptable category, at the required severity or above.</summary>
    public bool FoundAtSeverity => Best is not null && Best.Severity >= MinSeverity;

    /// <summary>Found on the right clause with an acceptable category, however mild.</summary>
    public bool Found => Best is not null;
}
