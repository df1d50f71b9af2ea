namespace Tandem.Server.Batches;

/// <summary>A batch review's progress and, per contract, its result so far.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="Status">running until every contract is reviewed or failed, then completed.</param>
/// <param name="Total">Contracts in the batch.</param>
/// <param name="Done">Contracts reviewed.</param>
/// <param name="Failed">Contracts that failed.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="Contracts">Each contract, in the order submitted.</param>
public sealed record BatchStatus(string BatchId, string Status, int Total, int Done, int Failed, DateTimeOffset CreatedAt, IReadOnlyList<BatchContract> Contracts)
{
    public const string Running = "running";
    public const string Completed = "completed";
}
