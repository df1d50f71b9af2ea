namespace Tandem.Retrieval;

/// <summary>Exact nearest neighbours by dot product over L2-normalised embeddings (brute force).</summary>
public sealed class DenseIndex
{
    private readonly string[] _ids;
    private readonly float[][] _vectors;
    private readonly Dictionary<string, int> _position;

    public DenseIndex(IReadOnlyList<(string Id, float[] Vector)> items)
    {
        _ids = items.Select(i => i.Id).ToArray();
        _vectors = items.Select(i => i.Vector).ToArray();
        _position = _ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The candidates (all items when null) ordered by similarity to the query vector.</summary>
    public IReadOnlyList<(string Id, double Score)> Search(float[] query, int limit, IEnumerable<string>? candidates = null)
    {
        var positions = candidates is null ? Enumerable.Range(0, _ids.Length) : candidates.Where(_position.ContainsKey).Select(c => _position[c]);
        return positions
            .Select(i => (Id: _ids[i], Score: (double)Dot(query, _vectors[i])))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private static float Dot(float[] a, float[] b)
    {
        float s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
