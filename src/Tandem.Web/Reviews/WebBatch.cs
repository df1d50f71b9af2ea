namespace Tandem.Web.Reviews;

/// <summary>A batch review's progress, as the batch page shows it.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="Completed">True once every contract is reviewed or failed.</param>
/// <param name="Total">Contracts in the batch.</param>
/// <param name="Done">Contracts reviewed.</param>
/// <param name="Failed">Contracts that failed.</param>
/// <param name="Contracts">Each contract, in the order submitted.</param>
public sealed record WebBatch(string BatchId, bool Completed, int Total, int Done, int Failed, IReadOnlyList<WebBatchContract> Contracts);
