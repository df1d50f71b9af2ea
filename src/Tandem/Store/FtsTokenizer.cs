using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>
/// The clause index's own FTS5 tokenizer (<see cref="SqliteSchema.Tokenizer"/>) applied to text
/// outside the index, through a temporary FTS5 table on the connection and its
/// <c>fts5vocab</c> view: a query word's index term, and a clause's length in tokens, are then
/// exactly what <c>clauses_fts</c> made of them (no imitation of unicode61's character classes
/// or of its Porter stemmer, which differ from ours for "1990s", "½" or "straße").
/// </summary>
internal static class FtsTokenizer
{
    private const string Setup = $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe USING fts5(text, heading, content='', tokenize='{SqliteSchema.Tokenizer}');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe_terms USING fts5vocab(temp, token_probe, instance);
        {Empty}
        """;

    // Contentless, so emptying it is one command and does not tokenize everything again.
    private const string Empty = "INSERT INTO temp.token_probe (token_probe) VALUES ('delete-all');";

    /// <summary>The index terms of each text, in order (result[i] belongs to <paramref name="texts"/>[i]).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> TermsAsync(SqliteConnection connection, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var terms = texts.Select(_ => new List<string>()).ToList();
        await ProbeAsync(connection, texts.Select(t => (t, (string?)null)).ToList(), "SELECT doc, term FROM temp.token_probe_terms ORDER BY doc, offset", reader =>
            terms[(int)reader.GetInt64(0) - 1].Add(reader.GetString(1)), cancellationToken);
        return terms;
    }

    /// <summary>
    /// The length in tokens of each row of text and heading (result[i] belongs to
    /// <paramref name="rows"/>[i]): the row length FTS5's bm25() uses.
    /// </summary>
    public static async Task<IReadOnlyList<int>> LengthsAsync(SqliteConnection connection, IReadOnlyList<(string Text, string? Heading)> rows, CancellationToken cancellationToken)
    {
        var lengths = new int[rows.Count];
        await ProbeAsync(connection, rows, "SELECT doc, count(*) FROM temp.token_probe_terms GROUP BY doc", reader =>
            lengths[(int)reader.GetInt64(0) - 1] = reader.GetInt32(1), cancellationToken);
        return lengths;
    }

    /// <summary>Tokenizes the rows (row i as rowid i + 1), reads the result with <paramref name="query"/>, and empties the probe again.</summary>
    private static async Task ProbeAsync(SqliteConnection connection, IReadOnlyList<(string Text, string? Heading)> rows, string query, Action<SqliteDataReader> read,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Setup;
        await command.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            command.CommandText = "INSERT INTO temp.token_probe (rowid, text, heading) VALUES ($row, $text, $heading)";
            var row = command.Parameters.Add("$row", SqliteType.Integer);
            var text = command.Parameters.Add("$text", SqliteType.Text);
            var heading = command.Parameters.Add("$heading", SqliteType.Text);
            for (var i = 0; i < rows.Count; i++)
            {
                (row.Value, text.Value, heading.Value) = (i + 1, rows[i].Text, (object?)rows[i].Heading ?? DBNull.Value);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            command.Parameters.Clear();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        finally
        {
            command.CommandText = Empty;
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
