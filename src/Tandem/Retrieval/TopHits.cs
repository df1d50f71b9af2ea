namespace Tandem.Retrieval;

/// <summary>Keeps the best <c>limit</c> (item, score) pairs offered, ties going to the lower item number.</summary>
internal sealed class TopHits(int limit)
{
    /// <summary>Worse hits compare lower: lower score, then higher item number.</summary>
    private static readonly Comparer<(float Score, int Item)> WorstFirst = Comparer<(float Score, int Item)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Item.CompareTo(a.Item));

    private readonly PriorityQueue<int, (float Score, int Item)> _heap = new(WorstFirst);

    public void Add(int item, float score)
    {
        if (_heap.Count < limit)
        {
            _heap.Enqueue(item, (score, item));
        }
        else if (limit > 0)
        {
            _heap.EnqueueDequeue(item, (score, item));
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public IReadOnlyList<(int Item, double Score)> ToList()
    {
        var result = new (int, double)[_heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            _heap.TryDequeue(out var item, out var key);
            result[i] = (item, key.Score);
        }

        return result;
    }
}
