using System.Text;

namespace Tandem.Retrieval;

/// <summary>
/// Turns free text into a safe FTS5 MATCH expression: words become quoted terms joined by OR, so
/// BM25 ranks by how many and how rare the matching words are; FTS5 syntax in the input
/// (quotes, NEAR, column filters, '*') is never interpreted.
/// </summary>
public static class KeywordQuery
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
        "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with", "shall",
        "any", "all", "such", "other", "which", "may", "not", "no", "do", "does", "what", "who", "how",
    };

    /// <summary>How many of a query's words are searched; the rest are ignored.</summary>
    public const int MaxTerms = 32;

    /// <summary>The distinct searchable words of <paramref name="text"/>, lower-cased.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                var w = word.ToString();
                word.Clear();
                if (w.Length <= 64 && !StopWords.Contains(w) && seen.Add(w))
                {
                    terms.Add(w);
                }
            }
        }

        return terms;
    }

    /// <summary>The MATCH expression, or null when the text has no searchable words.</summary>
    public static string? ToMatchExpression(string text, int maxTerms = MaxTerms)
    {
        var terms = Terms(text);
        return terms.Count == 0 ? null : string.Join(" OR ", terms.Take(maxTerms).Select(t => "\"" + t + "\""));
    }
}
