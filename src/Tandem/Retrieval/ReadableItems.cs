using Tandem.Access;

namespace Tandem.Retrieval;

/// <summary>
/// What one caller may search in one <see cref="RetrievalSnapshot"/>: the items that are current
/// clauses of documents the caller may read, their share of the live items, and BM25's statistics
/// over them. Made on the caller's first search of the snapshot and reused by the next ones,
/// since nothing it depends on changes within a snapshot.
/// </summary>
internal sealed class ReadableItems
{
    private readonly bool[] _items;

    public ReadableItems(bool[] items, double share, Bm25Subset keyword, IAccessPolicy policy)
    {
        _items = items;
        Share = share;
        Keyword = keyword;
        Policy = policy;
        Filter = item => item < _items.Length && _items[item]; // the vector index may hold items of later snapshots
    }

    /// <summary>Whether an item may be searched: the filter of every search.</summary>
    public Func<int, bool> Filter { get; }

    /// <summary>The share of the live items the caller may read (1 when there are none).</summary>
    public double Share { get; }

    /// <summary>The BM25 statistics over the readable items.</summary>
    public Bm25Subset Keyword { get; }

    /// <summary>The policy that decided it.</summary>
    public IAccessPolicy Policy { get; }
}
