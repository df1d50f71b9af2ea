namespace Tandem.Retrieval;

/// <summary>
/// What a category-like query asks beyond its category: "New York Governing Law" in the category
/// Governing Law asks for "New York", "cap on liability for indirect damages" in Limitation of
/// Liability for "cap indirect damages". Every clause a reranker sees for such a query is already of
/// the category, so what tells the good ones from the rest is mostly the qualifier. Derived from the
/// query and its category name alone (no judgements): the query's words less stop words, generic
/// words ("clause", "provision") and the category's own words (by <see cref="TextTerms"/> stem, or a
/// shared stem prefix of <see cref="SharedPrefix"/> letters, so "indemnity" goes with "Indemnification").
/// </summary>
public static class QueryQualifier
{
    /// <summary>How many leading letters two stems must share to count as the same word ("indemn").</summary>
    public const int SharedPrefix = 6;

    private static readonly HashSet<string> Generic = new(TextTerms.Tokens("clause clauses provision provisions"), StringComparer.Ordinal);

    /// <summary>The qualifier's words in the query's order and spelling, joined by spaces; empty when the query is all category.</summary>
    public static string Of(string query, string category)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(category);
        var head = TextTerms.Tokens(category).ToHashSet(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var word in Words(query))
        {
            var stem = TextTerms.Tokens(word).FirstOrDefault();
            if (stem is not null && !Generic.Contains(stem) && !head.Any(h => SameWord(h, stem)))
            {
                kept.Add(word);
            }
        }

        return string.Join(' ', kept);
    }

    /// <summary>The runs of letters and digits of a text, as <see cref="TextTerms"/> splits it.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static bool SameWord(string a, string b) =>
        a == b || (a.Length >= SharedPrefix && b.Length >= SharedPrefix && a.AsSpan(0, SharedPrefix).SequenceEqual(b.AsSpan(0, SharedPrefix)));
}
