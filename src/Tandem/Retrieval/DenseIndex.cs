namespace Tandem.Retrieval;

/// <summary>Exact nearest neighbours by dot product over L2-normalised embeddings, addressed by string id.</summary>
public sealed class DenseIndex
{
    private readonly string[] _ids;
    private readonly VectorIndex _vectors;
    private readonly Dictionary<string, int> _position;

    public DenseIndex(IReadOnlyList<(string Id, float[] Vector)> items)
    {
        _ids = items.Select(i => i.Id).ToArray();
        _vectors = new VectorIndex(items.Select(i => i.Vector).ToList());
        _position = _ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The candidates (all items when null) ordered by similarity to the query vector.</summary>
    public IReadOnlyList<(string Id, double Score)> Search(float[] query, int limit, IEnumerable<string>? candidates = null)
    {
        HashSet<int>? allowed = candidates is null ? null : [.. candidates.Where(_position.ContainsKey).Select(c => _position[c])];
        return _vectors.Search(query, limit, allowed is null ? null : allowed.Contains)
            .Select(h => (_ids[h.Item], h.Score))
            .ToList();
    }
}
