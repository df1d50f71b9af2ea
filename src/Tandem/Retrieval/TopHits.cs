namespace Tandem.Retrieval;

/// <summary>Keeps the best <c>limit</c> (item, score) pairs offered, ties going to the lower item.</summary>
internal sealed class TopHits<TItem>(int limit)
    where TItem : IComparable<TItem>
{
    /// <summary>Worse hits compare lower: lower score, then higher item.</summary>
    private static readonly Comparer<(double Score, TItem Item)> WorstFirst = Comparer<(double Score, TItem Item)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Item.CompareTo(a.Item));

    private readonly PriorityQueue<TItem, (double Score, TItem Item)> _heap = new(WorstFirst);

    /// <summary>How many hits are kept.</summary>
    public int Limit => limit;

    /// <summary>The score a hit must reach to be kept: the worst kept one's once <see cref="Limit"/> are kept, −∞ before.</summary>
    public double Floor => limit == 0 ? double.PositiveInfinity
        : _heap.Count < limit || !_heap.TryPeek(out _, out var worst) ? double.NegativeInfinity : worst.Score;

    public void Add(TItem item, double score)
    {
        if (_heap.Count < limit)
        {
            _heap.Enqueue(item, (score, item));
        }
        else if (limit > 0 && (!_heap.TryPeek(out _, out var worst) || score >= worst.Score))
        {
            // A lower score than the worst kept would be dequeued again at once: skipping it saves the heap work on most of a scan.
            _heap.EnqueueDequeue(item, (score, item));
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public IReadOnlyList<(TItem Item, double Score)> ToList()
    {
        var result = new (TItem, double)[_heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            _heap.TryDequeue(out _, out var key);
            result[i] = (key.Item, key.Score);
        }

        return result;
    }
}
