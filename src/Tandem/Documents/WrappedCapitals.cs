namespace Tandem.Documents;

/// <summary>
/// Joins the lines a PDF wrapped inside an ALL-CAPS sentence ("NEITHER PARTY SHALL BE" /
/// "LIABLE FOR ANY INDIRECT ... DAMAGES"): a PDF's line breaks are layout, and a capitalised
/// continuation line would otherwise read as a heading and cut the sentence apart. A line is
/// joined to the one before when that one is long (a wrapped line, not a title) and does not end
/// a sentence, and the line itself is mostly capitals and starts no clause marker, or begins with a
/// cross-reference ("Article X, a Party's breach ...") rather than a heading.
/// </summary>
public static partial class WrappedCapitals
{
    private const int WrappedLength = 60;

    /// <summary>The text with wrapped capitalised lines joined to the line they continue.</summary>
    public static string Join(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                result.Append(Continues(lines[i - 1], lines[i]) ? ' ' : '\n');
            }

            result.Append(lines[i]);
        }

        return result.ToString();
    }

    private static bool Continues(string previous, string line)
    {
        var before = previous.TrimEnd();
        var current = line.Trim();
        if (before.Length < WrappedLength || current.Length == 0 || ".:;!?)".Contains(before[^1], StringComparison.Ordinal))
        {
            return false;
        }

        // "Article X, a Party's breach ..." continues a sentence that cites Article X; it opens no article.
        return CrossReference().IsMatch(current) || (ClauseSegmenter.IsMostlyCapitals(current) && ClauseMarker.Parse(current) is null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Article|Section|Clause|Schedule|Exhibit)\s+[0-9IVXLC]+(?:\.\d+)*\s*[,;)]|^(?:Article|Section)\s+[0-9IVXLC]+(?:\.\d+)*\s+(?:of|and|or|to|in|above|below|hereof)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CrossReference();
}
