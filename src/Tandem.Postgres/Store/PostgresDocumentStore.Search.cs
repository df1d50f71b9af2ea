using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>
/// Keyword search: Okapi BM25 computed in one SQL statement, with the SQLite store's formula
/// (<see cref="Bm25"/>: FTS5's k1, b and IDF floor), its heading weight and its tokenizer
/// (<see cref="ClauseTerms"/>), over the statistics of only what the caller may read. Why BM25 and
/// not <c>ts_rank_cd</c>: ts_rank_cd knows no corpus statistics at all (no IDF, so "the" weighs as
/// much as "indemnification", and no length normalisation by the average clause), which ranks
/// clauses noticeably worse on contracts, and it would rank differently from the embedded store
/// for the same corpus, so a user moving from SQLite to PostgreSQL would see other passages cited.
/// Why statistics over the readable clauses only: BM25's row count, document frequencies and
/// average length taken over the whole table would move a caller's scores when someone else
/// stores a document the caller may not read, a side channel (see SqliteDocumentStore.Search.cs).
/// How: the access filter picks the caller's readable current versions; the GIN index on
/// <c>clauses.terms</c> finds the clauses holding a query term; each term's frequency is read from
/// the clause's tsvector; scores are summed per clause in query-term order, so ties break by row
/// id exactly as in SQLite. Every statistic, score and passage comes from one statement, so one snapshot.
/// </summary>
public sealed partial class PostgresDocumentStore
{
    /// <summary>
    /// The ranking. @terms/@words/@ordinals: the query terms, how many query words made each,
    /// and their order; @match: the tsquery of any term; @k1, @b: <see cref="Bm25"/>'s; @limit.
    /// The IDF is floored at 10⁻⁶ as in <see cref="Bm25.Idf"/>; all arithmetic is in double precision, as in C#.
    /// </summary>
    private const string RankedPassages = """
        WITH readable AS (
            SELECT d.current_version_id AS version_id FROM documents d WHERE d.retired_at IS NULL AND /*access*/
        ),
        totals AS (
            SELECT coalesce(sum(z.clauses), 0)::double precision AS rows, coalesce(sum(z.tokens), 0)::double precision AS tokens
            FROM version_lengths z JOIN readable r ON r.version_id = z.version_id
        ),
        query AS (
            SELECT q.term, q.words, q.ordinal FROM unnest(@terms::text[], @words::int[], @ordinals::int[]) AS q(term, words, ordinal)
        ),
        hits AS (
            SELECT c.id, c.tokens, q.term, q.words, q.ordinal, u.positions[1] / 2.0::double precision AS frequency
            FROM clauses c
            JOIN readable r ON r.version_id = c.version_id
            -- Only the query's lexemes are unnested: every lexeme is stored with weight D, so marking the
            -- query's as A and keeping the A's leaves a vector of at most the query's size (twice as fast
            -- as unnesting every lexeme of every matching clause, measured on the CUAD contracts).
            CROSS JOIN LATERAL unnest(ts_filter(setweight(c.terms, 'A', @terms::text[]), '{a}')) AS u
            JOIN query q ON q.term = u.lexeme
            WHERE c.terms @@ @match::tsquery
        ),
        idf AS (
            SELECT h.term, ln((t.rows - count(*)::double precision + 0.5::double precision) / (count(*)::double precision + 0.5::double precision)) AS raw
            FROM hits h CROSS JOIN totals t GROUP BY h.term, t.rows
        ),
        scored AS (
            SELECT h.id,
                   sum(h.words * (CASE WHEN i.raw <= 0 THEN 1e-6 ELSE i.raw END)
                       * (h.frequency * (@k1 + 1.0::double precision) / (h.frequency + @k1 * (1.0::double precision - @b + @b * h.tokens::double precision / (t.tokens / t.rows))))
                       ORDER BY h.ordinal) AS score
            FROM hits h JOIN idf i ON i.term = h.term CROSS JOIN totals t
            GROUP BY h.id
            ORDER BY score DESC, h.id
            LIMIT @limit
        )
        SELECT d.id, d.title, d.current_version, c.clause_id, c.path, c.heading, c.start_offset, c.end_offset, c.text, s.score
        FROM scored s JOIN clauses c ON c.id = s.id JOIN documents d ON d.id = c.document_id
        ORDER BY s.score DESC, s.id
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<Passage>> SearchAsync(string query, Principal caller, int limit = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        var words = KeywordQuery.Terms(query).Take(KeywordQuery.MaxTerms).ToList();
        var terms = ClauseTerms.QueryTerms(words);
        if (words.Count == 0)
        {
            throw new TandemException($"the query '{query}' has no searchable words", "use a few content words, e.g. \"limitation of liability\"");
        }

        if (terms.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Passage>>([]);
        }

        return _database.RunAsync<IReadOnlyList<Passage>>(async connection =>
        {
            var sql = RankedPassages.Replace("/*access*/", AccessFilter("d.id", caller, out var accessParameters), StringComparison.Ordinal);
            await using var command = Sql.Command(connection, null, sql,
                ("terms", terms.Select(t => t.Key).ToArray()), ("words", terms.Select(t => t.Value).ToArray()),
                ("ordinals", Enumerable.Range(0, terms.Count).ToArray()), ("match", ClauseTerms.AnyOf(terms.Select(t => t.Key))),
                ("k1", Bm25.K1), ("b", Bm25.B), ("limit", Math.Clamp(limit, 1, 1000)));
            Sql.Add(command, accessParameters);
            var passages = new List<Passage>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                passages.Add(new Passage(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                    reader.TextOrNull(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetString(8), reader.GetDouble(9)));
            }

            return passages;
        }, cancellationToken);
    }
}
