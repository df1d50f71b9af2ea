using System.Numerics.Tensors;

namespace Tandem.Retrieval;

/// <summary>
/// Nearest neighbours by dot product over L2-normalised vectors, stored contiguously in half
/// precision (the stored clause vectors are float16 already, so nothing is lost on them; other
/// vectors are rounded to about three digits) and again in 8 bits per value for the first pass of
/// a scan (<see cref="QuantizedRows"/>). A scan scores every row it reads in integers, keeps the
/// rows whose bounded error lets them still reach the top k, and scores only those exactly from
/// the half-precision rows, so its results are those of an exact scan of the same rows while it
/// streams half the bytes. With <c>partitions</c> > 0 it is an inverted-file index (IVF): vectors
/// are grouped around k-means centroids and a search scans only the groups of the <c>probes</c>
/// nearest centroids, trading a little recall (measured in the retrieval benchmark) for speed;
/// otherwise every vector is scanned. An access filter is applied to every candidate before the top
/// k are chosen. Searches are safe from several threads; an index never changes once built.
/// </summary>
public sealed class VectorIndex
{
    private readonly Half[] _vectors; // row-major, Dimensions values per row, in partition order
    private readonly QuantizedRows _quantized; // the same rows in 8 bits
    private readonly int[] _items; // item number at each stored row
    private readonly float[] _centroids;
    private readonly int[] _partitionStart; // rows [start[p], start[p + 1]) belong to partition p

    /// <summary>Builds the index; item i is <paramref name="vectors"/>[i].</summary>
    /// <param name="vectors">Equal-length vectors.</param>
    /// <param name="partitions">Number of IVF partitions; 0 scans everything.</param>
    /// <param name="seed">Seed for choosing the initial centroids.</param>
    public VectorIndex(IReadOnlyList<float[]> vectors, int partitions = 0, int seed = 11)
        : this(Contiguous(vectors), Enumerable.Range(0, vectors.Count).ToArray(), vectors.Count == 0 ? 0 : vectors[0].Length, partitions, seed)
    {
    }

    /// <summary>
    /// Builds the index over <paramref name="items"/>.Length rows of <paramref name="dimensions"/>
    /// floats each in <paramref name="rows"/>; row r is item <paramref name="items"/>[r]. The
    /// arrays are read, not kept.
    /// </summary>
    internal VectorIndex(ReadOnlySpan<Half> rows, ReadOnlySpan<int> items, int dimensions, int partitions, int seed = 11)
    {
        Count = items.Length;
        Dimensions = Count == 0 ? 0 : dimensions;
        Partitions = Math.Clamp(partitions, 0, Math.Max(0, Count / 8));
        var assignment = new int[Count];
        _centroids = Partitions > 0 ? KMeans(rows, dimensions, Count, Partitions, seed, assignment) : [];
        var order = Enumerable.Range(0, Count).OrderBy(i => assignment[i]).ThenBy(i => i).ToArray();
        _items = new int[Count];
        _vectors = new Half[Count * Dimensions];
        for (var row = 0; row < Count; row++)
        {
            _items[row] = items[order[row]];
            rows.Slice(order[row] * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(row * Dimensions));
        }

        var groups = Math.Max(1, Partitions);
        _partitionStart = new int[groups + 1];
        foreach (var p in assignment)
        {
            _partitionStart[p + 1]++;
        }

        for (var p = 0; p < groups; p++)
        {
            _partitionStart[p + 1] += _partitionStart[p];
        }

        _quantized = new QuantizedRows(_vectors, Dimensions);
    }

    private VectorIndex(Half[] vectors, QuantizedRows quantized, int[] items, float[] centroids, int[] partitionStart, int dimensions, int partitions)
    {
        _vectors = vectors;
        _quantized = quantized;
        _items = items;
        _centroids = centroids;
        _partitionStart = partitionStart;
        Count = items.Length;
        Dimensions = dimensions;
        Partitions = partitions;
    }

    public int Count { get; }

    public int Dimensions { get; }

    public int Partitions { get; }

    /// <summary>The stored rows, in partition order: row r is item <see cref="RowItems"/>[r].</summary>
    internal ReadOnlySpan<Half> Rows => _vectors;

    /// <summary>The item number of each stored row.</summary>
    internal ReadOnlySpan<int> RowItems => _items;

    /// <summary>
    /// The best <paramref name="limit"/> items by dot product with <paramref name="query"/> (best
    /// first, ties by item number) among those <paramref name="allowed"/> accepts; with IVF, only
    /// the <paramref name="probes"/> nearest partitions are scanned.
    /// </summary>
    public IReadOnlyList<(int Item, double Score)> Search(ReadOnlySpan<float> query, int limit, Func<int, bool>? allowed = null, int probes = 8)
    {
        var best = new TopHits<int>(limit);
        Scan(query, best, allowed, probes);
        return best.ToList();
    }

    /// <summary>
    /// Offers <paramref name="best"/> every scanned row <paramref name="allowed"/> accepts that can
    /// be among its best, with its exact score: the rows are first scored in 8 bits, and only those
    /// whose upper bound reaches the <see cref="TopHits{TItem}.Limit"/>-th best lower bound are scored exactly.
    /// </summary>
    internal void Scan(ReadOnlySpan<float> query, TopHits<int> best, Func<int, bool>? allowed, int probes)
    {
        if (Count == 0)
        {
            return;
        }

        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, the index {Dimensions}", nameof(query));
        }

        var quantized = new QuantizedQuery(query);
        var lowerBounds = new TopHits<int>(best.Limit);
        var candidates = new List<(int Row, float Upper)>();
        var floor = float.NegativeInfinity;
        foreach (var p in PartitionsToScan(query, probes))
        {
            for (var row = _partitionStart[p]; row < _partitionStart[p + 1]; row++)
            {
                if (allowed is not null && !allowed(_items[row]))
                {
                    continue;
                }

                var (lower, upper) = quantized.Bounds(_quantized, row);

                if (upper >= floor)
                {
                    lowerBounds.Add(row, lower);
                    candidates.Add((row, upper));
                    floor = (float)lowerBounds.Floor;
                }
            }
        }

        // The floor only rose while scanning: rows admitted early may have fallen below it since.
        foreach (var (row, upper) in candidates)
        {
            if (upper >= floor)
            {
                best.Add(_items[row], DotProducts.Of(query, new ReadOnlySpan<Half>(_vectors, row * Dimensions, Dimensions)));
            }
        }
    }

    /// <summary>Scores rows [<paramref name="from"/>, <paramref name="to"/>) of a row-major block exactly.</summary>
    internal static void ScanRows(ReadOnlySpan<float> query, Half[] rows, int[] items, int from, int to, TopHits<int> best, Func<int, bool>? allowed)
    {
        var d = query.Length;
        for (var row = from; row < to; row++)
        {
            var item = items[row];
            if (allowed is not null && !allowed(item))
            {
                continue;
            }

            best.Add(item, DotProducts.Of(query, new ReadOnlySpan<Half>(rows, row * d, d)));
        }
    }

    /// <summary>
    /// This index with item numbers renamed by <paramref name="newItemOf"/> (item i becomes
    /// newItemOf[i]) and the rows of items mapped to -1 dropped; the partitions stay as they are,
    /// so it costs one copy of the kept rows, not a k-means.
    /// </summary>
    internal VectorIndex Renumbered(IReadOnlyList<int> newItemOf)
    {
        var keep = new List<int>(Count);
        var partitionStart = new int[_partitionStart.Length];
        for (var p = 0; p + 1 < _partitionStart.Length; p++)
        {
            for (var row = _partitionStart[p]; row < _partitionStart[p + 1]; row++)
            {
                if (_items[row] < newItemOf.Count && newItemOf[_items[row]] >= 0)
                {
                    keep.Add(row);
                }
            }

            partitionStart[p + 1] = keep.Count;
        }

        var vectors = new Half[keep.Count * Dimensions];
        var items = new int[keep.Count];
        for (var r = 0; r < keep.Count; r++)
        {
            items[r] = newItemOf[_items[keep[r]]];
            Array.Copy(_vectors, keep[r] * Dimensions, vectors, r * Dimensions, Dimensions);
        }

        return new VectorIndex(vectors, _quantized.Subset(keep), items, _centroids, partitionStart, Dimensions, Partitions);
    }

    private int[] PartitionsToScan(ReadOnlySpan<float> query, int probes)
    {
        if (Partitions == 0 || probes >= Partitions)
        {
            return Enumerable.Range(0, Math.Max(1, Partitions)).ToArray();
        }

        // Nearest first, so the scan's floor rises early and fewer rows are rescored.
        var nearest = new TopHits<int>(Math.Max(1, probes));
        for (var p = 0; p < Partitions; p++)
        {
            nearest.Add(p, TensorPrimitives.Dot(query, new ReadOnlySpan<float>(_centroids, p * Dimensions, Dimensions)));
        }

        var order = nearest.ToList();
        var partitions = new int[order.Count];
        for (var i = 0; i < partitions.Length; i++)
        {
            partitions[i] = order[i].Item;
        }

        return partitions;
    }

    private static Half[] Contiguous(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var d = vectors.Count == 0 ? 0 : vectors[0].Length;
        if (vectors.Any(v => v.Length != d))
        {
            throw new ArgumentException("all vectors must have the same length", nameof(vectors));
        }

        var rows = new Half[vectors.Count * d];
        for (var i = 0; i < vectors.Count; i++)
        {
            TensorPrimitives.ConvertToHalf(vectors[i], rows.AsSpan(i * d, d));
        }

        return rows;
    }

    /// <summary>
    /// Spherical k-means (dot-product assignment, normalised centroids), seeded: 10 rounds on a
    /// sample of at most 64 vectors per centroid, then every vector is assigned once.
    /// </summary>
    private static float[] KMeans(ReadOnlySpan<Half> rows, int d, int count, int k, int seed, int[] assignment)
    {
        var random = new Random(seed);
        var sample = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(64 * k).ToArray();
        var sampleRows = new float[sample.Length * d];
        for (var i = 0; i < sample.Length; i++)
        {
            TensorPrimitives.ConvertToSingle(rows.Slice(sample[i] * d, d), sampleRows.AsSpan(i * d, d));
        }

        var centroids = new float[k * d];
        sampleRows.AsSpan(0, k * d).CopyTo(centroids);
        var sampleAssignment = new int[sample.Length];
        for (var round = 0; round < 10; round++)
        {
            Assign(sampleRows, d, centroids, k, sampleAssignment);
            var sums = new float[k * d];
            for (var i = 0; i < sample.Length; i++)
            {
                var sum = new Span<float>(sums, sampleAssignment[i] * d, d);
                TensorPrimitives.Add(sum, sampleRows.AsSpan(i * d, d), sum);
            }

            for (var c = 0; c < k; c++)
            {
                var sum = new Span<float>(sums, c * d, d);
                var norm = TensorPrimitives.Norm(sum);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(sum, norm, new Span<float>(centroids, c * d, d));
                }
            }
        }

        var single = new float[d];
        for (var i = 0; i < assignment.Length; i++)
        {
            TensorPrimitives.ConvertToSingle(rows.Slice(i * d, d), single);
            assignment[i] = Nearest(single, centroids, k);
        }

        return centroids;
    }

    private static void Assign(ReadOnlySpan<float> rows, int d, float[] centroids, int k, int[] assignment)
    {
        for (var i = 0; i < assignment.Length; i++)
        {
            assignment[i] = Nearest(rows.Slice(i * d, d), centroids, k);
        }
    }

    private static int Nearest(ReadOnlySpan<float> row, float[] centroids, int k)
    {
        var d = row.Length;
        var nearest = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < k; c++)
        {
            var s = TensorPrimitives.Dot(row, new ReadOnlySpan<float>(centroids, c * d, d));
            if (s > bestScore)
            {
                bestScore = s;
                nearest = c;
            }
        }

        return nearest;
    }
}
