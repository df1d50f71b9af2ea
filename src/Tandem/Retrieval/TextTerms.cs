using System.Text;

namespace Tandem.Retrieval;

/// <summary>
/// The learned reranker's terms of a text: lower-cased words of two or more characters, no stop
/// words or bare numbers, a light suffix stemmer.
/// </summary>
public static class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or",
        "that", "the", "this", "to", "was", "were", "will", "with", "shall", "any", "all", "such", "other", "which", "may", "not",
        "no", "do", "does", "been", "being", "than", "then", "there", "these", "those", "their", "they", "them", "he", "she",
        "his", "her", "we", "our", "you", "your", "if", "so", "but", "into", "upon", "under", "hereof", "herein", "hereunder",
    };

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
