using Microsoft.Data.Sqlite;
using Tandem.Retrieval;

namespace Tandem.Store;

/// <summary>
/// Records the lengths in tokens of a version's clauses, and the version's totals
/// (<see cref="SqliteSchema.Lengths"/>): the numbers keyword search sums over what a caller may
/// read to get BM25's row count and average row length.
/// </summary>
internal static class ClauseLengths
{
    /// <summary>Records a version's clauses (row id, text, heading; the row id is also the FTS5 rowid).</summary>
    public static async Task RecordAsync(SqliteConnection connection, long versionId, IReadOnlyList<(long Id, string Text, string? Heading)> clauses,
        CancellationToken cancellationToken)
    {
        // A row's length for bm25() is the tokens of both indexed columns.
        var lengths = clauses.Select(c => Bm25Index.CountTokens(c.Text) + Bm25Index.CountTokens(c.Heading)).ToList();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO clause_lengths (id, version_id, tokens) VALUES ($id, $vid, $tokens)";
        command.Parameters.AddWithValue("$vid", versionId);
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var tokens = command.Parameters.Add("$tokens", SqliteType.Integer);
        for (var i = 0; i < clauses.Count; i++)
        {
            (id.Value, tokens.Value) = (clauses[i].Id, lengths[i]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.Parameters.Clear();
        command.CommandText = "INSERT INTO version_lengths (version_id, clauses, tokens) VALUES ($vid, $clauses, $tokens)";
        command.Parameters.AddWithValue("$vid", versionId);
        command.Parameters.AddWithValue("$clauses", clauses.Count);
        command.Parameters.AddWithValue("$tokens", lengths.Sum(l => (long)l));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
