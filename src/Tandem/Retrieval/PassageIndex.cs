using Microsoft.Data.Sqlite;

namespace Tandem.Retrieval;

/// <summary>
/// A BM25 keyword index over arbitrary passages (id, text) in an in-memory SQLite FTS5 table,
/// with the same tokenizer and query building as the store; for evaluation corpora that are
/// not documents.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    private readonly SqliteConnection _connection;

    public PassageIndex(IEnumerable<(string Id, string Text)> passages)
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE passages USING fts5(id UNINDEXED, text, tokenize='porter unicode61 remove_diacritics 2')");
        Execute("BEGIN");
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO passages (id, text) VALUES ($id, $text)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        foreach (var p in passages)
        {
            id.Value = p.Id;
            text.Value = p.Text;
            insert.ExecuteNonQuery();
        }

        Execute("COMMIT");
    }

    /// <summary>Passage ids by BM25, best first; empty when the query has no searchable words.</summary>
    public IReadOnlyList<(string Id, double Score)> Search(string query, int limit)
    {
        var match = KeywordQuery.ToMatchExpression(query);
        var results = new List<(string, double)>();
        if (match is null)
        {
            return results;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, bm25(passages) FROM passages WHERE passages MATCH $match ORDER BY bm25(passages) LIMIT $limit";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add((reader.GetString(0), -reader.GetDouble(1)));
        }

        return results;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
