namespace Tandem.Retrieval;

/// <summary>
/// Okapi BM25 exactly as SQLite FTS5's <c>bm25()</c> computes it: k1 = 1.2, b = 0.75, IDF
/// ln((N − n + 0.5)/(n + 0.5)) floored at 10⁻⁶, length normalised by the average row length.
/// The one formula behind the store's keyword search and <see cref="Bm25Index"/>; what N, n and
/// the average are computed over is the caller's business (for a search, what the searcher may read).
/// </summary>
public static class Bm25
{
    /// <summary>Term-frequency saturation.</summary>
    public const double K1 = 1.2;

    /// <summary>Length normalisation.</summary>
    public const double B = 0.75;

    /// <summary>The IDF of a term found in <paramref name="containing"/> of <paramref name="rows"/> rows.</summary>
    /// <remarks>FTS5 floors it at 10⁻⁶ so that a term in more than half the rows never lowers a score.</remarks>
    public static double Idf(long rows, long containing)
    {
        var idf = Math.Log((rows - containing + 0.5) / (containing + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    /// <summary>
    /// One query term's share of a row's score: <paramref name="frequency"/> is the term's
    /// (column-weighted) count in the row, <paramref name="length"/> the row's length in tokens.
    /// </summary>
    /// <remarks>The operations are in FTS5's order, so the same inputs give the same double.</remarks>
    public static double Term(double idf, double frequency, double length, double averageLength) =>
        idf * (frequency * (K1 + 1.0) / (frequency + K1 * (1 - B + B * length / averageLength)));
}
