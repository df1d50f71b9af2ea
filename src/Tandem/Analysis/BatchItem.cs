namespace Tandem.Analysis;

/// <summary>One contract of a batch review: reviewed (<see cref="Summary"/>) or failed (<see cref="Error"/>, the one-line reason).</summary>
/// <param name="Source">The contract's file.</param>
/// <param name="Summary">When reviewed: its report at a glance.</param>
/// <param name="Error">When it failed: why, in one line.</param>
public sealed record BatchItem(string Source, ContractSummary? Summary, string? Error);
