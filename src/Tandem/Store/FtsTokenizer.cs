using Microsoft.Data.Sqlite;

namespace Tandem.Store;

/// <summary>
/// The clause index's own FTS5 tokenizer (<see cref="SqliteSchema.Tokenizer"/>) applied to query
/// words, through a temporary contentless FTS5 table on the connection and its <c>fts5vocab</c>
/// view, so a word's index term is exactly what <c>clauses_fts</c> made of it. Our Porter
/// stemmer imitates FTS5's for English words but not everywhere ("1990s" is "1990" in the index),
/// and a term that differs finds nothing.
/// </summary>
internal static class FtsTokenizer
{
    // Contentless, so emptying it is one command and does not tokenize everything again.
    private const string Empty = "INSERT INTO temp.token_probe (token_probe) VALUES ('delete-all');";

    private const string Setup = $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe USING fts5(text, content='', tokenize='{SqliteSchema.Tokenizer}');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe_terms USING fts5vocab(temp, token_probe, instance);
        {Empty}
        """;

    /// <summary>The index terms of each text, in order (result[i] belongs to <paramref name="texts"/>[i]).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> TermsAsync(SqliteConnection connection, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var terms = texts.Select(_ => new List<string>()).ToList();
        await using var command = connection.CreateCommand();
        command.CommandText = Setup;
        await command.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            command.CommandText = "INSERT INTO temp.token_probe (rowid, text) VALUES ($row, $text)";
            var row = command.Parameters.Add("$row", SqliteType.Integer);
            var text = command.Parameters.Add("$text", SqliteType.Text);
            for (var i = 0; i < texts.Count; i++)
            {
                (row.Value, text.Value) = (i + 1, texts[i]);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            command.Parameters.Clear();
            command.CommandText = "SELECT doc, term FROM temp.token_probe_terms ORDER BY doc, offset";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                terms[(int)reader.GetInt64(0) - 1].Add(reader.GetString(1));
            }
        }
        finally
        {
            command.CommandText = Empty;
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        return terms;
    }
}
