using System.Globalization;
using System.Text;

namespace Tandem.Retrieval;

/// <summary>
/// An in-memory inverted index ranked by Okapi BM25 with SQLite FTS5's formula and defaults
/// (<see cref="Bm25"/>) and its tokenizer (unicode61 letters and digits, lower case, diacritics
/// removed, Porter stems), so it ranks like the store's FTS5 search. Scoring is term-at-a-time
/// into a reused accumulator, which is what makes it fast: a query costs one pass over the
/// postings of its terms. An access filter is applied to every candidate before the top k are
/// chosen, never after, and the statistics (N, document frequencies, average length) are then
/// those of the items it accepts, so what it rejects cannot move a score.
/// Searches are safe from several threads; an index never changes once built (<see cref="Append"/> makes a new one).
/// </summary>
public sealed class Bm25Index
{
    private readonly Dictionary<string, int> _terms;
    private readonly int[][] _postingItems;
    private readonly ushort[][] _postingCounts;
    private readonly int[] _lengths;
    private readonly float[] _lengthNorm; // k1 · (1 − b + b · dl / avgdl) per item, over all items
    private readonly ThreadLocal<float[]> _accumulator;
    private readonly ThreadLocal<bool[]> _mask;

    /// <summary>Indexes the texts; item i of the index is <paramref name="texts"/>[i].</summary>
    public Bm25Index(IReadOnlyList<string> texts)
        : this(null, texts)
    {
    }

    /// <summary>
    /// <paramref name="previous"/>'s items followed by <paramref name="texts"/>. Posting lists of
    /// terms the texts do not use are shared, not copied, and <paramref name="previous"/> is left
    /// as it was, so searches running on it meanwhile are unaffected.
    /// </summary>
    private Bm25Index(Bm25Index? previous, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var first = previous?.Count ?? 0;
        _terms = previous is null ? new(StringComparer.Ordinal) : new(previous._terms, StringComparer.Ordinal);
        var items = new List<int[]>(previous?._postingItems ?? []);
        var counts = new List<ushort[]>(previous?._postingCounts ?? []);
        var added = new Dictionary<int, List<(int Item, ushort Count)>>();
        var lengths = new int[first + texts.Count];
        previous?._lengths.CopyTo(lengths, 0);
        var local = new Dictionary<int, int>();
        for (var i = 0; i < texts.Count; i++)
        {
            local.Clear();
            foreach (var token in Tokens(texts[i]))
            {
                lengths[first + i]++;
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
                if (!added.TryGetValue(t, out var postings))
                {
                    added[t] = postings = [];
                }

                postings.Add((first + i, (ushort)Math.Min(n, ushort.MaxValue)));
            }
        }

        foreach (var (t, postings) in added)
        {
            items[t] = [.. items[t], .. postings.Select(p => p.Item)];
            counts[t] = [.. counts[t], .. postings.Select(p => p.Count)];
        }

        _postingItems = [.. items];
        _postingCounts = [.. counts];
        _lengths = lengths;
        var average = AverageLength(lengths.Sum(l => (long)l), lengths.Length);
        _lengthNorm = lengths.Select(l => LengthNorm(l, average)).ToArray();
        Count = lengths.Length;
        _accumulator = new ThreadLocal<float[]>(() => new float[Count]);
        _mask = new ThreadLocal<bool[]>(() => new bool[Count]);
    }

    /// <summary>Number of indexed items.</summary>
    public int Count { get; }

    /// <summary>
    /// A new index holding this one's items followed by <paramref name="texts"/> (items
    /// <see cref="Count"/> onwards). Its cost is that of indexing the new texts plus copying the
    /// posting lists of the terms they use; this index is not changed.
    /// </summary>
    public Bm25Index Append(IReadOnlyList<string> texts) => new(this, texts);

    /// <summary>
    /// The best <paramref name="limit"/> items for a free-text query (best first, ties by item
    /// number), among those <paramref name="allowed"/> accepts (all when null), scored as if the
    /// index held only those. Items sharing no searchable word with the query are never returned.
    /// </summary>
    public IReadOnlyList<(int Item, double Score)> Search(string query, int limit, Func<int, bool>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (allowed is null)
        {
            return Score(query, limit, null, Count, _lengthNorm, 0, null);
        }

        var (mask, rows, average) = Mask(allowed, _mask.Value!);
        return Score(query, limit, mask, rows, null, average, null);
    }

    /// <summary>
    /// The same search among the items of <paramref name="subset"/> (made by <see cref="Subset"/>
    /// of this index), whose filter and statistics are computed once for all its searches.
    /// </summary>
    public IReadOnlyList<(int Item, double Score)> Search(string query, int limit, Bm25Subset subset)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(subset);
        if (!ReferenceEquals(subset.Index, this))
        {
            throw new ArgumentException("the subset was made by another index", nameof(subset));
        }

        return Score(query, limit, subset.Accepted, subset.Rows, subset.LengthNorms, 0, subset.DocumentFrequencies);
    }

    /// <summary>
    /// The items <paramref name="allowed"/> accepts, with BM25's statistics over them (their number,
    /// each one's length normalisation, and each term's document frequency once a search needs it):
    /// what one caller's searches share, so each search costs only the postings of its terms.
    /// </summary>
    public Bm25Subset Subset(Func<int, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var (mask, rows, average) = Mask(allowed, new bool[Count]);
        var norms = new float[Count];
        for (var i = 0; i < norms.Length; i++)
        {
            norms[i] = mask[i] ? LengthNorm(_lengths[i], average) : 0;
        }

        return new Bm25Subset(this, mask, rows, norms);
    }

    /// <summary>
    /// Term-at-a-time BM25 into the thread's accumulator over the items <paramref name="mask"/>
    /// accepts (all when null): <paramref name="rows"/> of them, each item's length normalisation
    /// from <paramref name="norms"/> or else from its length and <paramref name="average"/>, and
    /// document frequencies remembered in <paramref name="frequencies"/> when given.
    /// </summary>
    private IReadOnlyList<(int Item, double Score)> Score(string query, int limit, bool[]? mask, int rows, float[]? norms, double average,
        System.Collections.Concurrent.ConcurrentDictionary<int, int>? frequencies)
    {
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
            var df = mask is null ? postings.Length
                : frequencies is null ? Accepted(postings, mask)
                : frequencies.GetOrAdd(t, static (term, state) => Accepted(state.Postings[term], state.Mask), (Postings: _postingItems, Mask: mask));
            var idf = (float)Bm25.Idf(rows, df);
            for (var p = 0; p < postings.Length; p++)
            {
                var item = postings[p];
                if (mask is not null && !mask[item])
                {
                    continue;
                }

                if (scores[item] == 0)
                {
                    touched.Add(item);
                }

                float tf = tfs[p];
                var norm = norms is not null ? norms[item] : LengthNorm(_lengths[item], average);
                scores[item] += idf * (tf * ((float)Bm25.K1 + 1) / (tf + norm));
            }
        }

        // Most touched items score below the kept ones: one comparison with the floor skips them, not a heap look-up each.
        var best = new TopHits<int>(limit);
        var floor = double.NegativeInfinity;
        foreach (var item in touched)
        {
            double score = scores[item];
            scores[item] = 0;
            if (score >= floor)
            {
                best.Add(item, score);
                floor = best.Floor;
            }
        }

        return best.ToList();
    }

    private static int Accepted(int[] postings, bool[] mask)
    {
        var count = 0;
        foreach (var item in postings)
        {
            count += mask[item] ? 1 : 0;
        }

        return count;
    }

    /// <summary>Which items <paramref name="allowed"/> accepts (written into <paramref name="mask"/>), and their number and average length.</summary>
    private (bool[] Mask, int Rows, double Average) Mask(Func<int, bool> allowed, bool[] mask)
    {
        var rows = 0;
        var tokens = 0L;
        for (var i = 0; i < Count; i++)
        {
            mask[i] = allowed(i);
            if (mask[i])
            {
                rows++;
                tokens += _lengths[i];
            }
        }

        return (mask, rows, AverageLength(tokens, rows));
    }

    private static double AverageLength(long tokens, int rows) => rows == 0 ? 1 : Math.Max(1, tokens / (double)rows);

    private static float LengthNorm(int length, double average) => (float)(Bm25.K1 * (1 - Bm25.B + (Bm25.B * length / average)));

    /// <summary>The index terms of a query: its searchable words (stop words dropped), folded and stemmed, each once.</summary>
    public static IEnumerable<string> QueryTerms(string query) =>
        KeywordQuery.Terms(query).Select(IndexTerm).Distinct(StringComparer.Ordinal);

    /// <summary>The index term of one lower-cased query word (one of <see cref="KeywordQuery.Terms"/>): diacritics removed, Porter-stemmed.</summary>
    public static string IndexTerm(string word) => PorterStemmer.Stem(Fold(word));

    /// <summary>The index terms of a text, in order, as FTS5's <c>porter unicode61 remove_diacritics 2</c> produces them.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (word.Length == 0 ? StartsToken(rune) : ContinuesToken(rune))
            {
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.IsBmp)
                {
                    word.Append((char)lower.Value);
                }
                else
                {
                    word.Append(lower.ToString());
                }

                continue;
            }

            if (word.Length > 0)
            {
                yield return PorterStemmer.Stem(Fold(word.ToString()));
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return PorterStemmer.Stem(Fold(word.ToString()));
        }
    }

    /// <summary>How many terms <see cref="Tokens"/> makes of a text (its length for BM25), without making them.</summary>
    public static int CountTokens(string? text)
    {
        var count = 0;
        var inToken = false;
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            var tokenRune = inToken ? ContinuesToken(rune) : StartsToken(rune);
            count += tokenRune && !inToken ? 1 : 0;
            inToken = tokenRune;
        }

        return count;
    }

    /// <summary>unicode61's token characters (its default classes L*, N* and Co): only they start a token.</summary>
    private static bool StartsToken(Rune rune) => rune.IsAscii
        ? char.IsAsciiLetterOrDigit((char)rune.Value)
        : Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
            or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse;

    /// <summary>
    /// A token goes on through token characters and the combining diacritics <c>remove_diacritics</c>
    /// strips (SQLite's sqlite3Fts5UnicodeIsdiacritic: some of U+0300–U+0331); other marks end it.
    /// </summary>
    private static bool ContinuesToken(Rune rune) => StartsToken(rune)
        || (rune.Value is >= 0x300 and <= 0x331 && ((rune.Value < 0x320 ? 0x08029FDFu >> (rune.Value - 0x300) : 0x000361F8u >> (rune.Value - 0x320)) & 1) != 0);

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
