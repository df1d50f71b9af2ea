using System.Globalization;
using System.Text;

namespace Tandem.Retrieval;

/// <summary>
/// An in-memory inverted index ranked by Okapi BM25 with SQLite FTS5's formula and defaults
/// (k1 = 1.2, b = 0.75, IDF ln((N − n + 0.5)/(n + 0.5)) floored at 10⁻⁶) and its tokenizer
/// (unicode61 letters and digits, lower case, diacritics removed, Porter stems), so it ranks
/// like the store's FTS5 search. Scoring is term-at-a-time into a reused accumulator, which is
/// what makes it fast: a query costs one pass over the postings of its terms, and an access
/// filter is applied to every candidate before the top k are chosen, never after.
/// Searches are safe from several threads; building is not.
/// </summary>
public sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly int[][] _postingItems;
    private readonly ushort[][] _postingCounts;
    private readonly float[] _lengthNorm; // k1 · (1 − b + b · dl / avgdl) per item
    private readonly ThreadLocal<float[]> _accumulator;

    /// <summary>Indexes the texts; item i of the index is <paramref name="texts"/>[i].</summary>
    public Bm25Index(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var items = new List<List<int>>();
        var counts = new List<List<ushort>>();
        var lengths = new int[texts.Count];
        var local = new Dictionary<int, int>();
        for (var i = 0; i < texts.Count; i++)
        {
            local.Clear();
            foreach (var token in Tokens(texts[i]))
            {
                lengths[i]++;
                if (!_terms.TryGetValue(token, out var t))
                {
                    t = _terms.Count;
                    _terms.Add(token, t);
                    items.Add([]);
                    counts.Add([]);
                }

                local[t] = local.GetValueOrDefault(t) + 1;
            }

            foreach (var (t, n) in local)
            {
                items[t].Add(i);
                counts[t].Add((ushort)Math.Min(n, ushort.MaxValue));
            }
        }

        _postingItems = items.Select(l => l.ToArray()).ToArray();
        _postingCounts = counts.Select(l => l.ToArray()).ToArray();
        var average = texts.Count == 0 ? 1 : Math.Max(1, lengths.Average());
        _lengthNorm = lengths.Select(l => (float)(K1 * (1 - B + (B * l / average)))).ToArray();
        Count = texts.Count;
        _accumulator = new ThreadLocal<float[]>(() => new float[Count]);
    }

    /// <summary>Number of indexed items.</summary>
    public int Count { get; }

    /// <summary>
    /// The best <paramref name="limit"/> items for a free-text query (best first, ties by item
    /// number), among those <paramref name="allowed"/> accepts (all when null). Items sharing no
    /// searchable word with the query are never returned.
    /// </summary>
    public IReadOnlyList<(int Item, double Score)> Search(string query, int limit, Func<int, bool>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = _accumulator.Value!;
        var touched = new List<int>();
        foreach (var term in QueryTerms(query))
        {
            if (!_terms.TryGetValue(term, out var t))
            {
                continue;
            }

            var postings = _postingItems[t];
            var tfs = _postingCounts[t];
            var idf = (float)Math.Max(1e-6, Math.Log((Count - postings.Length + 0.5) / (postings.Length + 0.5)));
            for (var p = 0; p < postings.Length; p++)
            {
                var item = postings[p];
                if (scores[item] == 0)
                {
                    touched.Add(item);
                }

                float tf = tfs[p];
                scores[item] += idf * (tf * (K1 + 1) / (tf + _lengthNorm[item]));
            }
        }

        var best = new TopHits(limit);
        foreach (var item in touched)
        {
            var score = scores[item];
            scores[item] = 0;
            if (allowed is null || allowed(item))
            {
                best.Add(item, score);
            }
        }

        return best.ToList();
    }

    /// <summary>The index terms of a query: its searchable words (stop words dropped), folded and stemmed, each once.</summary>
    public static IEnumerable<string> QueryTerms(string query) =>
        KeywordQuery.Terms(query).Select(w => PorterStemmer.Stem(Fold(w))).Distinct(StringComparer.Ordinal);

    /// <summary>The index terms of a text, in order, as FTS5's <c>porter unicode61 remove_diacritics 2</c> produces them.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsTokenChar(text[i]))
            {
                word.Append(char.ToLowerInvariant(text[i]));
                continue;
            }

            if (word.Length > 0)
            {
                yield return PorterStemmer.Stem(Fold(word.ToString()));
                word.Clear();
            }
        }
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.PrivateUse or UnicodeCategory.NonSpacingMark;

    /// <summary>Removes diacritics ("café" → "cafe"); ASCII words are returned as they are.</summary>
    private static string Fold(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }

        var folded = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
