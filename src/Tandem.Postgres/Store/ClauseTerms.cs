using System.Globalization;
using System.Text;
using Tandem.Retrieval;

namespace Tandem.Postgres.Store;

/// <summary>
/// A clause's keyword index entry as a <c>tsvector</c>, made by Tandem's own tokenizer
/// (<see cref="Bm25Index.Tokens"/>: the SQLite store's FTS5 <c>porter unicode61
/// remove_diacritics 2</c>, letters and digits, lower case, diacritics removed, Porter stems)
/// rather than by a PostgreSQL text search configuration, so both stores index and query the same
/// terms and their BM25 scores agree. A GIN index over the column finds the clauses that hold a
/// query term; BM25 needs each term's frequency, which a tsvector keeps as positions. Positions are
/// not used for phrases here, so each lexeme carries exactly one position that encodes its
/// frequency: 2 × occurrences in the text + occurrences in the heading, i.e. twice the
/// column-weighted frequency with the heading at weight 0.5 as in the SQLite store's
/// bm25(clauses_fts, 1.0, 0.5). One position per lexeme also keeps the vector small; PostgreSQL
/// caps a position at 16383, so the frequency is exact up to 8191 occurrences of one term in one
/// clause, far past where BM25's saturation makes a difference.
/// </summary>
internal static class ClauseTerms
{
    /// <summary>PostgreSQL's largest tsvector position.</summary>
    private const int MaxPosition = 16383;

    /// <summary>
    /// The longest term kept: a query word is at most 64 characters (<see cref="KeywordQuery.Terms"/>)
    /// and folding and stemming only shorten it, so a longer term can never match; dropping it also
    /// keeps hostile text from exceeding PostgreSQL's 2047-byte lexeme limit.
    /// </summary>
    private const int MaxTermLength = 64;

    /// <summary>The clause's tsvector literal (cast with <c>::tsvector</c>) and its length in tokens.</summary>
    public static (string Vector, int Tokens) For(string text, string? heading)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = 0;
        foreach (var term in Bm25Index.Tokens(text))
        {
            tokens++;
            counts[term] = counts.GetValueOrDefault(term) + 2;
        }

        foreach (var term in Bm25Index.Tokens(heading ?? string.Empty))
        {
            tokens++;
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        var vector = new StringBuilder();
        foreach (var (term, weight) in counts)
        {
            if (term.Length > MaxTermLength)
            {
                continue;
            }

            vector.Append(vector.Length == 0 ? "" : " ").Append(Quote(term)).Append(':')
                .Append(Math.Min(weight, MaxPosition).ToString(CultureInfo.InvariantCulture));
        }

        return (vector.ToString(), tokens);
    }

    /// <summary>
    /// A query's index terms with how many of its words made each, in query order: one term per
    /// query word, as in the SQLite store, so two words with one stem ("terminate termination") count twice.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, int>> QueryTerms(IEnumerable<string> words) =>
        words.SelectMany(Bm25Index.Tokens).Where(t => t.Length <= MaxTermLength).CountBy(t => t, StringComparer.Ordinal).ToList();

    /// <summary>The tsquery literal (cast with <c>::tsquery</c>) matching a clause that holds any of the terms.</summary>
    public static string AnyOf(IEnumerable<string> terms) => string.Join(" | ", terms.Select(Quote));

    /// <summary>A lexeme quoted for tsvector and tsquery input: in single quotes, with quotes and backslashes escaped.</summary>
    private static string Quote(string term) => "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
