using System.Text.RegularExpressions;

namespace Tandem.Web.Search;

/// <summary>
/// Splits a search hit's text into runs, marking the words of the query it contains (whole words,
/// ignoring case) so the page can show them in &lt;mark&gt;. Words of fewer than three letters and
/// a few stop words are not marked: they would light up every line.
/// </summary>
public static partial class HitHighlighter
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "the", "and", "for", "with", "that", "this", "from", "are", "any", "its" };

    /// <summary>The runs of <paramref name="text"/>: (text, true) for a query word, (text, false) between them.</summary>
    public static IReadOnlyList<(string Text, bool Hit)> Runs(string text, string query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var terms = Word().Matches(query).Select(m => m.Value).Where(w => w.Length >= 3 && !StopWords.Contains(w)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (terms.Count == 0)
        {
            return [(text, false)];
        }

        // The query's words are escaped, so a query cannot change the pattern; the timeout bounds the work on a long clause.
        var pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', terms.OrderByDescending(t => t.Length).Select(Regex.Escape))})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var runs = new List<(string, bool)>();
        var at = 0;
        foreach (Match match in pattern.Matches(text))
        {
            if (match.Index > at)
            {
                runs.Add((text[at..match.Index], false));
            }

            runs.Add((match.Value, true));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            runs.Add((text[at..], false));
        }

        return runs;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
