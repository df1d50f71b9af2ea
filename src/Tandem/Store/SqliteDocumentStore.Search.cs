using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Retrieval;

namespace Tandem.Store;

/// <summary>
/// Keyword search as if the store held only what the caller may read. FTS5's own bm25() takes
/// its row count, document frequencies and average length from the whole index, hidden
/// documents, old versions and retired documents included, so a score moved when someone else
/// stored a document with the query's words: a side channel. Here every number comes from the
/// caller's readable current clauses: the totals from <see cref="SqliteSchema.Lengths"/>, and for
/// each query term its occurrences from the FTS5 index (an <c>fts5vocab</c> view), restricted
/// by the access filter inside the SQL. Every readable clause holding a query term is scored
/// (no candidate pool chosen with global statistics), in C#, with FTS5's formula (<see cref="Bm25"/>)
/// and column weights, so a store whose clauses are all readable and current ranks exactly as
/// bm25(clauses_fts, 1.0, 0.5) did; query words become index terms through FTS5's own tokenizer
/// (<see cref="FtsTokenizer"/>). Cost: one pass over the query terms' postings, like FTS5's own
/// ranking, and memory for one score per matching clause. The index is shared, so the time
/// still grows with others' postings; what is returned does not depend on them.
/// </summary>
public sealed partial class SqliteDocumentStore
{
    /// <summary>The heading column's weight against the text's 1.0, as in bm25(clauses_fts, 1.0, 0.5).</summary>
    private const double HeadingWeight = 0.5;

    /// <inheritdoc />
    public Task<IReadOnlyList<Passage>> SearchAsync(string query, Principal caller, int limit = 10, CancellationToken cancellationToken = default)
    {
        var words = KeywordQuery.Terms(query).Take(KeywordQuery.MaxTerms).ToList();
        if (words.Count == 0)
        {
            throw new TandemException($"the query '{query}' has no searchable words", "use a few content words, e.g. \"limitation of liability\"");
        }

        return WithConnectionAsync(async connection =>
        {
            // The index's own tokenizer makes the terms. One term per query word, as in the FTS5
            // MATCH expression this replaced: two words with one stem ("terminate termination") count twice.
            var terms = (await FtsTokenizer.TermsAsync(connection, words, cancellationToken)).SelectMany(t => t).CountBy(t => t, StringComparer.Ordinal).ToList();
            await ExecuteAsync(connection, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.clause_terms USING fts5vocab(main, clauses_fts, instance)", cancellationToken);
            // One read transaction: the statistics, the scores and the passages come from one snapshot.
            await ExecuteAsync(connection, "BEGIN", cancellationToken);
            try
            {
                var ranked = await RankAsync(connection, terms, caller, Math.Clamp(limit, 1, 1000), cancellationToken);
                return await ReadPassagesAsync(connection, ranked, caller, cancellationToken);
            }
            finally
            {
                await ExecuteAsync(connection, "COMMIT", CancellationToken.None);
            }
        }, cancellationToken);
    }

    /// <summary>The best <paramref name="limit"/> readable current clauses (row id, score), best first, ties by row id.</summary>
    private async Task<IReadOnlyList<(long Row, double Score)>> RankAsync(SqliteConnection connection, IReadOnlyList<KeyValuePair<string, int>> terms,
        Principal caller, int limit, CancellationToken cancellationToken)
    {
        // The caller's readable current versions, found once per search by the access filter.
        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE IF NOT EXISTS readable_versions (id INTEGER PRIMARY KEY);
            DELETE FROM temp.readable_versions;
            INSERT INTO temp.readable_versions
                SELECT d.current_version_id FROM documents d WHERE d.retired_at IS NULL AND {AccessFilter("d.id", caller, out var accessParameters)};
            """, cancellationToken, accessParameters);
        using var totals = Command(connection, "SELECT coalesce(sum(z.clauses), 0), coalesce(sum(z.tokens), 0) FROM version_lengths z JOIN temp.readable_versions r ON r.id = z.version_id");
        long rows, tokens;
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (rows, tokens) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (tokens == 0)
        {
            return []; // nothing readable holds any word
        }

        var averageLength = tokens / (double)rows;
        using var occurrences = Command(connection, """
            SELECT t.doc, t.col = 'heading', l.tokens
            FROM temp.clause_terms t JOIN clause_lengths l ON l.id = t.doc
            WHERE t.term = $term AND l.version_id IN temp.readable_versions
            """);
        var scores = new Dictionary<long, double>();
        var frequencies = new Dictionary<long, (double Frequency, int Length)>();
        foreach (var (term, words) in terms)
        {
            SetParameters(occurrences, ("$term", term));
            frequencies.Clear();
            await using (var reader = await occurrences.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = reader.GetInt64(0);
                    var weight = reader.GetBoolean(1) ? HeadingWeight : 1.0;
                    frequencies[row] = (frequencies.GetValueOrDefault(row).Frequency + weight, reader.GetInt32(2));
                }
            }

            var idf = Bm25.Idf(rows, frequencies.Count);
            foreach (var (row, (frequency, length)) in frequencies)
            {
                var share = Bm25.Term(idf, frequency, length, averageLength);
                var score = scores.GetValueOrDefault(row);
                for (var i = 0; i < words; i++)
                {
                    score += share;
                }

                scores[row] = score;
            }
        }

        var best = new TopHits<long>(limit);
        foreach (var (row, score) in scores)
        {
            best.Add(row, score);
        }

        return best.ToList();
    }

    /// <summary>The passages of ranked clause rows, in rank order (the access filter is applied again).</summary>
    private async Task<IReadOnlyList<Passage>> ReadPassagesAsync(SqliteConnection connection, IReadOnlyList<(long Row, double Score)> ranked, Principal caller,
        CancellationToken cancellationToken)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var rows = ranked.Select((r, i) => ($"$r{i}", (object?)r.Row)).ToArray();
        using var command = Command(connection, $"""
            SELECT c.id, d.id, d.title, d.current_version, c.clause_id, c.path, c.heading, c.start_offset, c.end_offset, c.text
            FROM clauses c
            JOIN documents d ON d.id = c.document_id AND d.current_version_id = c.version_id AND d.retired_at IS NULL
            WHERE c.id IN ({string.Join(", ", rows.Select(r => r.Item1))}) AND {AccessFilter("c.document_id", caller, out var accessParameters)}
            """, rows);
        AddParameters(command, accessParameters);
        var passages = new Dictionary<long, Passage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            passages[reader.GetInt64(0)] = new Passage(reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetString(9), 0);
        }

        return ranked.Where(r => passages.ContainsKey(r.Row)).Select(r => passages[r.Row] with { Score = r.Score }).ToList();
    }
}
