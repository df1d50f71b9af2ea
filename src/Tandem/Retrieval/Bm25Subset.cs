using System.Collections.Concurrent;

namespace Tandem.Retrieval;

/// <summary>
/// The items of a <see cref="Bm25Index"/> one caller may search, with BM25's statistics over
/// them, made once (<see cref="Bm25Index.Subset"/>) and shared by that caller's searches: the
/// filter, the count and each item's length normalisation are computed when it is made, a term's
/// document frequency the first time a search uses the term. Safe to use from several threads.
/// </summary>
public sealed class Bm25Subset
{
    internal Bm25Subset(Bm25Index index, bool[] accepted, int rows, float[] lengthNorms)
    {
        Index = index;
        Accepted = accepted;
        Rows = rows;
        LengthNorms = lengthNorms;
    }

    /// <summary>How many items it holds.</summary>
    public int Rows { get; }

    internal Bm25Index Index { get; }

    internal bool[] Accepted { get; }

    internal float[] LengthNorms { get; }

    internal ConcurrentDictionary<int, int> DocumentFrequencies { get; } = new();
}
