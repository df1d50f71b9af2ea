using System.Text;

namespace Tandem.Retrieval;

/// <summary>
/// Sparse TF-IDF vectors over a vocabulary learned from a corpus: lower-cased words of two or
/// more characters, no stop words or bare numbers, a light suffix stemmer, terms in at least
/// two documents and at most half of them. Weights are (1 + ln tf) · ln(N / df), L2-normalised.
/// </summary>
public sealed class TermVectorizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or",
        "that", "the", "this", "to", "was", "were", "will", "with", "shall", "any", "all", "such", "other", "which", "may", "not",
        "no", "do", "does", "been", "being", "than", "then", "there", "these", "those", "their", "they", "them", "he", "she",
        "his", "her", "we", "our", "you", "your", "if", "so", "but", "into", "upon", "under", "hereof", "herein", "hereunder",
    };

    private readonly Dictionary<string, int> _index;
    private readonly float[] _idf;

    private TermVectorizer(Dictionary<string, int> index, float[] idf)
    {
        _index = index;
        _idf = idf;
    }

    public int TermCount => _idf.Length;

    /// <summary>Learns the vocabulary and document frequencies of <paramref name="corpus"/>.</summary>
    public static TermVectorizer Fit(IReadOnlyList<string> corpus)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in corpus)
        {
            foreach (var term in Tokens(text).Distinct(StringComparer.Ordinal))
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var n = corpus.Count;
        var kept = df.Where(kv => kv.Value >= 2 && kv.Value <= Math.Max(2, n / 2)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var index = kept.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var idf = kept.Select(t => (float)Math.Log(n / (double)df[t])).ToArray();
        return new TermVectorizer(index, idf);
    }

    /// <summary>The TF-IDF vector of a text, as sorted (term index, weight) pairs.</summary>
    public (int[] Indices, float[] Values) Vectorize(string text)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var token in Tokens(text))
        {
            if (_index.TryGetValue(token, out var i))
            {
                counts[i] = counts.GetValueOrDefault(i) + 1;
            }
        }

        var indices = counts.Keys.ToArray();
        var values = counts.Select(kv => (float)((1 + Math.Log(kv.Value)) * _idf[kv.Key])).ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] /= norm;
            }
        }

        return (indices, values);
    }

    /// <summary>The normalised tokens of a text.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length >= 2)
            {
                var w = word.ToString();
                if (!StopWords.Contains(w) && !w.All(char.IsDigit))
                {
                    yield return Stem(w);
                }
            }

            word.Clear();
        }
    }

    /// <summary>A light English suffix stemmer: enough to join "licenses", "licensed", "licensing".</summary>
    private static string Stem(string w)
    {
        foreach (var suffix in (string[])["ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"])
        {
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = w[..^suffix.Length];
                return suffix is "ies" or "ied" ? stem + "y" : stem;
            }
        }

        return w;
    }
}
