using System.Numerics.Tensors;

namespace Tandem.Retrieval;

/// <summary>
/// A <see cref="VectorIndex"/> that grows: vectors added after the last build go to a tail that
/// every search scans exactly, and once the tail outgrows <see cref="VectorIndexSettings"/> the
/// owner builds new IVF partitions over everything (<see cref="Rebuilt"/>, slow, off the query
/// path), then swaps them in with <see cref="CatchUp"/> for the rows that arrived meanwhile.
/// The access filter is applied to every candidate inside the scan, partitions and tail alike.
/// One writer (<see cref="Add(int, ReadOnlySpan{float})"/>, <see cref="CatchUp"/>) at a time; searches may run on any
/// number of threads meanwhile, and see every row whose <see cref="Add(int, ReadOnlySpan{float})"/> returned before they began.
/// </summary>
public sealed class IncrementalVectorIndex
{
    private readonly VectorIndex _built;
    private readonly IncrementalVectorIndex? _source; // the index this one was rebuilt from
    private readonly int _sourceTailCovered; // how many of the source's tail rows the build holds
    private volatile Tail _tail = new([], []);
    private int _dimensions;

    /// <summary>An empty index; its dimensions are those of the first vector added.</summary>
    public IncrementalVectorIndex(VectorIndexSettings? settings = null)
        : this(new VectorIndex([]), settings ?? VectorIndexSettings.Default, null, 0, 0)
    {
    }

    private IncrementalVectorIndex(VectorIndex built, VectorIndexSettings settings, IncrementalVectorIndex? source, int sourceTailCovered, int dimensions)
    {
        _built = built;
        Settings = settings;
        _source = source;
        _sourceTailCovered = sourceTailCovered;
        _dimensions = dimensions;
    }

    /// <summary>How this index trades recall for speed.</summary>
    public VectorIndexSettings Settings { get; }

    /// <summary>Length of every vector; 0 before the first.</summary>
    public int Dimensions => Volatile.Read(ref _dimensions);

    /// <summary>Vectors held.</summary>
    public int Count => _built.Count + TailCount;

    /// <summary>IVF partitions of the built part (0: scanned exactly).</summary>
    public int Partitions => _built.Partitions;

    /// <summary>Vectors added since the last build, scanned exactly by every search.</summary>
    public int TailCount
    {
        get
        {
            var tail = _tail;
            return Volatile.Read(ref tail.Count);
        }
    }

    /// <summary>Whether the tail has outgrown the partitions, so that <see cref="Rebuilt"/> is due.</summary>
    public bool NeedsRebuild => Count >= Settings.ExactBelow && TailCount > Math.Max(Settings.MinimumTail, Settings.TailFraction * _built.Count);

    /// <summary>Adds a vector for <paramref name="item"/> to the tail (in half precision, as <see cref="VectorIndex"/> keeps it); one writer at a time.</summary>
    public void Add(int item, ReadOnlySpan<float> vector)
    {
        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        AddRow(item, half);
    }

    /// <summary>Adds a vector already in half precision (as the store keeps them); one writer at a time.</summary>
    internal void Add(int item, ReadOnlySpan<Half> vector) => AddRow(item, vector);

    private void AddRow(int item, ReadOnlySpan<Half> vector)
    {
        if (_dimensions == 0)
        {
            ArgumentOutOfRangeException.ThrowIfZero(vector.Length, nameof(vector));
            Volatile.Write(ref _dimensions, vector.Length);
        }
        else if (vector.Length != _dimensions)
        {
            throw new ArgumentException($"the vector has {vector.Length} dimensions, the index {_dimensions}", nameof(vector));
        }

        var tail = _tail;
        if (tail.Count == tail.Items.Length)
        {
            // Searches running on the old arrays keep them; the new ones are published with the rows copied.
            var capacity = Math.Max(256, tail.Items.Length * 2);
            var grown = new Tail(new Half[capacity * _dimensions], new int[capacity]) { Count = tail.Count };
            Array.Copy(tail.Vectors, grown.Vectors, tail.Count * _dimensions);
            Array.Copy(tail.Items, grown.Items, tail.Count);
            _tail = tail = grown;
        }

        vector.CopyTo(tail.Vectors.AsSpan(tail.Count * _dimensions));
        tail.Items[tail.Count] = item;
        Volatile.Write(ref tail.Count, tail.Count + 1); // the row is complete before a search can count it
    }

    /// <summary>
    /// The best <paramref name="limit"/> items by dot product with <paramref name="query"/> (best
    /// first, ties by item number) among those <paramref name="allowed"/> accepts: the partitions
    /// of the <paramref name="probes"/> nearest centroids (<see cref="VectorIndexSettings.Probes"/>
    /// when null), then the whole tail.
    /// </summary>
    public IReadOnlyList<(int Item, double Score)> Search(ReadOnlySpan<float> query, int limit, Func<int, bool>? allowed = null, int? probes = null)
    {
        var tail = _tail;
        var rows = Volatile.Read(ref tail.Count);
        var best = new TopHits<int>(limit);
        if (_built.Count + rows == 0)
        {
            return [];
        }

        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, the index {Dimensions}", nameof(query));
        }

        _built.Scan(query, best, allowed, probes ?? Settings.Probes);
        VectorIndex.ScanRows(query, tail.Vectors, tail.Items, 0, rows, best, allowed);
        return best.ToList();
    }

    /// <summary>
    /// A new index holding every row of this one, partitioned afresh (k-means: seconds at 100,000
    /// rows), with an empty tail. Safe to run while the writer adds rows; the rows it added
    /// meanwhile are carried over by <see cref="CatchUp"/>.
    /// </summary>
    public IncrementalVectorIndex Rebuilt()
    {
        var tail = _tail;
        var rows = Volatile.Read(ref tail.Count);
        var d = Dimensions;
        var built = _built.Rows;
        var vectors = new Half[built.Length + (rows * d)];
        built.CopyTo(vectors);
        Array.Copy(tail.Vectors, 0, vectors, built.Length, rows * d);
        var items = new int[_built.Count + rows];
        _built.RowItems.CopyTo(items);
        Array.Copy(tail.Items, 0, items, _built.Count, rows);
        var count = items.Length;
        var partitions = count < Settings.ExactBelow ? 0 : Settings.PartitionsFor(count);
        return new IncrementalVectorIndex(new VectorIndex(vectors, items, d, partitions), Settings, this, rows, d);
    }

    /// <summary>Adds the rows its source (the index <see cref="Rebuilt"/> was called on) received after the rebuild read it; the writer calls it before swapping this index in.</summary>
    public void CatchUp()
    {
        if (_source is null)
        {
            return;
        }

        var tail = _source._tail;
        var rows = Volatile.Read(ref tail.Count);
        var d = _source.Dimensions;
        for (var r = _sourceTailCovered + TailCount; r < rows; r++)
        {
            AddRow(tail.Items[r], new ReadOnlySpan<Half>(tail.Vectors, r * d, d));
        }
    }

    /// <summary>
    /// This index with item i renamed <paramref name="newItemOf"/>[i], the rows of items mapped to -1
    /// (or past its end) dropped; the partitions are kept, so this costs one copy, not a k-means.
    /// </summary>
    public IncrementalVectorIndex Renumbered(IReadOnlyList<int> newItemOf)
    {
        ArgumentNullException.ThrowIfNull(newItemOf);
        var renumbered = new IncrementalVectorIndex(_built.Renumbered(newItemOf), Settings, null, 0, Dimensions);
        var tail = _tail;
        var rows = Volatile.Read(ref tail.Count);
        for (var r = 0; r < rows; r++)
        {
            if (tail.Items[r] < newItemOf.Count && newItemOf[tail.Items[r]] >= 0)
            {
                renumbered.AddRow(newItemOf[tail.Items[r]], new ReadOnlySpan<Half>(tail.Vectors, r * Dimensions, Dimensions));
            }
        }

        return renumbered;
    }

    /// <summary>Rows added since the last build, row-major; replaced by a larger copy when full.</summary>
    private sealed class Tail(Half[] vectors, int[] items)
    {
        public readonly Half[] Vectors = vectors;
        public readonly int[] Items = items;
        public int Count;
    }
}
