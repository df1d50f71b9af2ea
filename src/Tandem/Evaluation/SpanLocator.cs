namespace Tandem.Evaluation;

/// <summary>
/// Finds a quoted passage in a text, tolerating differences in whitespace: both sides are
/// compared with all whitespace removed, and the match is mapped back to the original offsets.
/// </summary>
public sealed class SpanLocator
{
    private readonly string _squeezed;
    private readonly int[] _offsets;

    public SpanLocator(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new char[text.Length];
        _offsets = new int[text.Length + 1];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                chars[n] = text[i];
                _offsets[n] = i;
                n++;
            }
        }

        _offsets[n] = text.Length;
        _squeezed = new string(chars, 0, n);
    }

    /// <summary>All non-overlapping occurrences of <paramref name="quote"/> as (start, end) offsets.</summary>
    public IReadOnlyList<(int Start, int End)> FindAll(string quote)
    {
        var needle = Squeeze(quote);
        var found = new List<(int, int)>();
        if (needle.Length == 0)
        {
            return found;
        }

        var at = 0;
        while ((at = _squeezed.IndexOf(needle, at, StringComparison.Ordinal)) >= 0)
        {
            found.Add((_offsets[at], _offsets[at + needle.Length - 1] + 1));
            at += needle.Length;
        }

        return found;
    }

    /// <summary>The first occurrence, or null.</summary>
    public (int Start, int End)? Find(string quote)
    {
        var all = FindAll(quote);
        return all.Count > 0 ? all[0] : null;
    }

    private static string Squeeze(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
