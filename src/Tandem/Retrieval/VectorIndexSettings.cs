namespace Tandem.Retrieval;

/// <summary>
/// How an <see cref="IncrementalVectorIndex"/> trades recall for speed. The defaults were chosen
/// on MiniLM vectors of the CUAD development contracts (166,098 clauses): recall@10 against an
/// exact scan ≥ 0.98 (docs/quality.md, embeddings section).
/// </summary>
public sealed record VectorIndexSettings
{
    /// <summary>The defaults.</summary>
    public static VectorIndexSettings Default { get; } = new();

    /// <summary>Below this many vectors everything is scanned exactly: a scan is already fast, and recall is 1.</summary>
    public int ExactBelow { get; init; } = 20_000;

    /// <summary>The partitions are rebuilt once the unpartitioned tail holds more than this share of the partitioned rows...</summary>
    public double TailFraction { get; init; } = 0.05;

    /// <summary>...and more than this many rows, so a small index is not rebuilt for every few vectors.</summary>
    public int MinimumTail { get; init; } = 2_048;

    /// <summary>IVF partitions for <c>n</c> vectors; √n by default.</summary>
    public Func<int, int> PartitionsFor { get; init; } = n => (int)Math.Sqrt(n);

    /// <summary>Partitions scanned per query (the nearest centroids first) when the caller may read everything.</summary>
    public int Probes { get; init; } = 48;

    /// <summary>
    /// Partitions to scan for a caller who may read <paramref name="readableShare"/> of the items:
    /// <see cref="Probes"/> / share, so about as many readable candidates are scored whatever the
    /// filter (a filter that passes half of each partition would otherwise halve the candidates and
    /// lose recall); the rows it rejects cost an array lookup each, not a dot product.
    /// </summary>
    public int ProbesFor(double readableShare) =>
        readableShare >= 1 ? Probes : (int)Math.Min(int.MaxValue, Math.Ceiling(Probes / Math.Max(readableShare, 1e-9)));
}
