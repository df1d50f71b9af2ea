using System.Globalization;

namespace Tandem.Retrieval;

/// <summary>
/// A retrieval configuration by name: <c>bm25</c>, <c>dense</c>, <c>hybrid</c> (fusion 1:1) or
/// <c>hybrid:w</c> (BM25 weight 1, dense weight w).
/// </summary>
public sealed record RetrievalConfig(string Name, double Bm25Weight, double DenseWeight)
{
    public bool UsesDense => DenseWeight > 0;

    public static RetrievalConfig Parse(string name)
    {
        var parts = name.Split(':', 2);
        return parts[0] switch
        {
            "bm25" when parts.Length == 1 => new(name, 1, 0),
            "dense" when parts.Length == 1 => new(name, 0, 1),
            "hybrid" when parts.Length == 1 => new(name, 1, 1),
            "hybrid" when double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w >= 0 && double.IsFinite(w) => new(name, 1, w),
            _ => throw new TandemException($"unknown retrieval configuration '{name}'", "the configurations are bm25, dense, hybrid and hybrid:<dense weight>, e.g. hybrid:0.5"),
        };
    }

    /// <summary>Fuses the rankings this configuration uses (a single ranking is returned as it is).</summary>
    public IReadOnlyList<string> Combine(IReadOnlyList<string>? keyword, IReadOnlyList<string>? dense)
    {
        var rankings = new List<(IReadOnlyList<string>, double)>();
        if (Bm25Weight > 0 && keyword is not null)
        {
            rankings.Add((keyword, Bm25Weight));
        }

        if (DenseWeight > 0 && dense is not null)
        {
            rankings.Add((dense, DenseWeight));
        }

        return rankings.Count switch
        {
            0 => [],
            1 => rankings[0].Item1,
            _ => ReciprocalRankFusion.Fuse(rankings).Select(f => f.Id).ToList(),
        };
    }
}
