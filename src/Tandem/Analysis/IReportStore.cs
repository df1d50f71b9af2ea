using Tandem.Access;

namespace Tandem.Analysis;

/// <summary>
/// Where risk reports are kept, with the context their model saw, so a lawyer can come back and
/// correct them. Reads filter by the caller's access to the report's document, inside the query.
/// </summary>
public interface IReportStore
{
    /// <summary>Keeps a report (replacing an earlier run with the same id) with who asked for it.</summary>
    Task SaveAsync(RiskReport report, Principal requestedBy, CancellationToken cancellationToken = default);

    /// <summary>The report, with its context, when it exists and the caller may read its document; otherwise null.</summary>
    Task<RiskReport?> GetAsync(string reportId, Principal caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports by id without an access check, for the training pipeline (which applies its own
    /// audience guard to what it takes from them).
    /// </summary>
    Task<IReadOnlyList<RiskReport>> GetForTrainingAsync(IReadOnlyCollection<string> reportIds, CancellationToken cancellationToken = default);
}
