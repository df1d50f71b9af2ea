namespace Tandem.Web.Reviews;

/// <summary>
/// Splits a clause's text into runs, marking the exact spans its findings quote (a quote narrower
/// than the clause, a date answer) so the report shows what was quoted, not only which clause. A
/// quote is found verbatim or not at all: text that is not in the clause marks nothing, rather than
/// something near it. A quote of the whole clause marks nothing either: the clause's own highlight says it.
/// </summary>
public static class QuoteMarker
{
    /// <summary>The runs of <paramref name="clause"/>: (text, true) inside a quoted span, (text, false) outside; overlapping quotes make one span.</summary>
    public static IReadOnlyList<(string Text, bool Quoted)> Runs(string clause, IEnumerable<string?> quotes)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(quotes);
        var spans = new List<(int Start, int End)>();
        foreach (var quote in quotes.Select(q => q?.Trim()).Where(q => !string.IsNullOrEmpty(q) && q != clause.Trim()).Distinct(StringComparer.Ordinal))
        {
            var at = clause.IndexOf(quote!, StringComparison.Ordinal);
            if (at >= 0)
            {
                spans.Add((at, at + quote!.Length));
            }
        }

        var runs = new List<(string, bool)>();
        var position = 0;
        foreach (var (start, end) in Merge(spans))
        {
            if (start > position)
            {
                runs.Add((clause[position..start], false));
            }

            runs.Add((clause[start..end], true));
            position = end;
        }

        if (position < clause.Length || runs.Count == 0)
        {
            runs.Add((clause[position..], false));
        }

        return runs;
    }

    private static IEnumerable<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        (int Start, int End)? open = null;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (open is { } current && span.Start <= current.End)
            {
                open = (current.Start, Math.Max(current.End, span.End));
                continue;
            }

            if (open is { } done)
            {
                yield return done;
            }

            open = span;
        }

        if (open is { } last)
        {
            yield return last;
        }
    }
}
