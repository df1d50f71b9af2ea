using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

/// <summary>
/// Keyword search must behave as if the documents the caller may not read did not exist: its
/// passages, their order and their scores depend only on the caller's readable current clauses.
/// FTS5's own bm25() took its statistics from the whole index, so a reader could tell whether
/// hidden documents held a word from how a score moved.
/// </summary>
public sealed class KeywordSearchStatisticsTests : IDisposable
{
    private const string Probe = "platypusword";

    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static Principal Carol { get; } = new("carol");

    [Theory]
    [InlineData("bm25", Probe)]
    [InlineData("bm25", "platypusword liability")]
    [InlineData("bm25", "limitation of liability governing law")]
    [InlineData("dense", "platypusword liability")]
    [InlineData("hybrid", "platypusword liability")]
    [InlineData("hybrid:0.5", "limitation of liability governing law")]
    public async Task Search_AnotherUserIngestsHiddenQueryWords_OutputIsByteIdentical(string mode, string query)
    {
        var carol = new CliRunner(_f.DatabasePath, "carol");
        var alice = new CliRunner(_f.DatabasePath, "alice");
        var kb = Path.Combine(_f.Dir.Path, "carol");
        _f.Dir.Write("carol/supply.txt", ContractTexts.Supply);
        _f.Dir.Write("carol/nda.txt", ContractTexts.Nda);
        _f.Dir.Write("carol/probe.txt", $"NOTE\n\n1. Probe. The {Probe} appears once in a clause about liability.\n\n2. Other. Nothing else here.");
        Assert.Equal(0, (await carol.RunAsync("sync", kb)).Exit);
        var before = await carol.RunAsync("search", query, "--mode", mode, "--format", "json", "--limit", "20");
        Assert.True(before.Exit == 0, before.Error);
        Assert.Contains("\"score\"", before.Output, StringComparison.Ordinal);

        var hidden = await alice.RunAsync("ingest", _f.Dir.Write("alice/hidden.txt", HiddenContract()));
        Assert.True(hidden.Exit == 0, hidden.Error);
        var after = await carol.RunAsync("search", query, "--mode", mode, "--format", "json", "--limit", "20");

        Assert.Equal(before.Output, after.Output);
    }

    [Fact]
    public async Task Search_MixedStore_AgreesWithReferenceBm25OverTheReadableCurrentClauses()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreMixedKnowledgeBaseAsync();

        foreach (var query in new[] { Probe, "liability", "platypusword liability fees", "governing law state new york", "terminate termination notice", "confidential information injunction" })
        {
            var readable = await ReadableClausesAsync(Carol);
            var expected = ReferenceBm25(readable, query);
            var actual = await _f.Store.SearchAsync(query, Carol, 1000, ct);

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Select(p => p.ClauseId).Order(StringComparer.Ordinal));
            Assert.All(actual, p => Assert.Equal(expected[p.ClauseId], p.Score, 1e-9));
            Assert.Equal(actual.Select(p => p.Score).OrderDescending(), actual.Select(p => p.Score));
        }
    }

    [Fact]
    public async Task Search_LimitedResults_AreTheTopOfTheReferenceRanking()
    {
        await StoreMixedKnowledgeBaseAsync();
        var expected = ReferenceBm25(await ReadableClausesAsync(Carol), "platypusword liability fees");

        var top = await _f.Store.SearchAsync("platypusword liability fees", Carol, 3, TestContext.Current.CancellationToken);

        Assert.Equal(3, top.Count);
        Assert.Equal(expected.Values.OrderDescending().Take(3), top.Select(p => p.Score), new ToleranceComparer(1e-9));
    }

    [Fact]
    public async Task Search_EverythingReadableAndCurrent_EqualsFts5Bm25()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var file in new[] { "*.md", "*.txt", "*.html" }.SelectMany(p => Directory.GetFiles(RepositoryPaths.Samples, p)))
        {
            await _f.Ingestor.IngestFileAsync(file, StoreFixture.Alice, cancellationToken: ct);
        }

        // Terms and row lengths are the tokenizer's own, also where imitating it is not obvious.
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("unicode.txt",
            "UNICODE\n\n1. Café. Naïve coöperation—liability; 東京 liability 123abc ½ ① x\u0301y 😀 liability l'indemnité Straße ǅ ﬁne, since the 1990s.\n\n2. Law. Governing law: the laws of Zürich."),
            StoreFixture.Alice, cancellationToken: ct);

        foreach (var query in new[] { "limitation of liability", "terminate for convenience termination", "governing law", "confidential information disclosure", "café indemnify", "1990s straße" })
        {
            var fts5 = await Fts5RankingAsync(query);
            var ours = await _f.Store.SearchAsync(query, StoreFixture.Alice, 1000, ct);

            Assert.NotEmpty(fts5);
            Assert.Equal(fts5.Count, ours.Count);
            Assert.All(ours, p => Assert.Equal(fts5[p.ClauseId], p.Score, 1e-9));
        }
    }

    [Fact]
    public async Task Open_StoreWrittenBeforeLengthsWereKept_FillsThemInAndSearchesTheSame()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreMixedKnowledgeBaseAsync();
        var before = await _f.Store.SearchAsync("platypusword liability fees", Carol, 50, ct);
        var lengths = await RowsAsync("SELECT id, version_id, tokens FROM clause_lengths ORDER BY id");
        var totals = await RowsAsync("SELECT version_id, clauses, tokens FROM version_lengths ORDER BY version_id");
        await ExecuteAsync("DROP TABLE clause_lengths; DROP TABLE version_lengths; PRAGMA user_version = 2;");

        var reopened = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = _f.DatabasePath });
        var after = await reopened.SearchAsync("platypusword liability fees", Carol, 50, ct);

        Assert.Equal(before, after);
        Assert.Equal(lengths, await RowsAsync("SELECT id, version_id, tokens FROM clause_lengths ORDER BY id"));
        Assert.Equal(totals, await RowsAsync("SELECT version_id, clauses, tokens FROM version_lengths ORDER BY version_id"));
    }

    /// <summary>
    /// Carol reads her own contracts (one in a second version, one retired) and one Alice shares
    /// with her; Alice and Bob hold private contracts full of the query words.
    /// </summary>
    private async Task StoreMixedKnowledgeBaseAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var kb = Path.Combine(_f.Dir.Path, "carol");
        var supply = _f.Dir.Write("carol/supply.txt", ContractTexts.Supply);
        _f.Dir.Write("carol/nda.txt", ContractTexts.Nda);
        var retired = _f.Dir.Write("carol/old.txt", $"OLD TERMS\n\n1. Liability. Liability for {Probe} losses is unlimited.");
        await _f.Ingestor.SyncFolderAsync(kb, Carol, cancellationToken: ct);
        File.WriteAllText(supply, ContractTexts.Supply + $"\n\n5. Fees. The {Probe} fees are due monthly; liability for late fees is capped.");
        File.Delete(retired);
        await _f.Ingestor.SyncFolderAsync(kb, Carol, cancellationToken: ct);

        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice/shared.txt", $"SHARED\n\n1. Termination. Either party may terminate on notice; termination ends the {Probe} licence.\n\n2. Fees. Fees are fixed."),
            StoreFixture.Alice, AccessList.Parse("carol", StoreFixture.Alice), ct);
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("alice/hidden.txt", HiddenContract()), StoreFixture.Alice, cancellationToken: ct);
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("bob/hidden.txt", HiddenContract() + "\n\n99. Law. The governing law is the law of the State of New York."), StoreFixture.Bob, cancellationToken: ct);
    }

    /// <summary>A contract whose clauses repeat the probe and common query words, at several lengths.</summary>
    private static string HiddenContract()
    {
        var text = new StringBuilder("HIDDEN AGREEMENT\n");
        for (var i = 1; i <= 40; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{i}. Clause {i}. The {Probe} liability of the {Probe} party{string.Concat(Enumerable.Repeat(" and fees", i % 7))} is limited.\n");
        }

        return text.ToString();
    }

    /// <summary>The caller's readable current clauses, read through the store's access-checked document API.</summary>
    private async Task<IReadOnlyList<(string Id, string Text, string? Heading)>> ReadableClausesAsync(Principal caller)
    {
        var ct = TestContext.Current.CancellationToken;
        var clauses = new List<(string, string, string?)>();
        foreach (var summary in await _f.Store.ListDocumentsAsync(caller, cancellationToken: ct))
        {
            var document = await _f.Store.GetDocumentAsync(summary.DocumentId, caller, ct);
            clauses.AddRange(document!.Clauses.Select(c => (c.ClauseId, c.Clause.Text, c.Clause.Heading)));
        }

        return clauses;
    }

    /// <summary>
    /// Textbook Okapi BM25 with FTS5's constants over the given clauses only: k1 = 1.2, b = 0.75,
    /// IDF ln((N − n + 0.5)/(n + 0.5)) floored at 10⁻⁶, a row's length its text and heading
    /// tokens, the heading's occurrences weighing half, one term per query word.
    /// </summary>
    private static Dictionary<string, double> ReferenceBm25(IReadOnlyList<(string Id, string Text, string? Heading)> clauses, string query)
    {
        var rows = clauses.Select(c => (c.Id, Text: Bm25Index.Tokens(c.Text).ToList(), Heading: Bm25Index.Tokens(c.Heading ?? string.Empty).ToList())).ToList();
        var average = rows.Average(r => (double)(r.Text.Count + r.Heading.Count));
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in KeywordQuery.Terms(query).Select(Bm25Index.IndexTerm))
        {
            var containing = rows.Count(r => r.Text.Contains(term) || r.Heading.Contains(term));
            var idf = Math.Log((rows.Count - containing + 0.5) / (containing + 0.5));
            idf = idf <= 0 ? 1e-6 : idf;
            foreach (var (id, text, heading) in rows)
            {
                var frequency = text.Count(t => t == term) + (0.5 * heading.Count(t => t == term));
                if (frequency > 0)
                {
                    var length = text.Count + heading.Count;
                    scores[id] = scores.GetValueOrDefault(id) + (idf * frequency * 2.2 / (frequency + (1.2 * (0.25 + (0.75 * length / average)))));
                }
            }
        }

        return scores;
    }

    /// <summary>FTS5's own ranking of the whole index, as the store searched before.</summary>
    private async Task<Dictionary<string, double>> Fts5RankingAsync(string query)
    {
        await using var connection = new SqliteConnection($"Data Source={_f.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.clause_id, -bm25(clauses_fts, 1.0, 0.5) FROM clauses_fts JOIN clauses c ON c.id = clauses_fts.rowid WHERE clauses_fts MATCH $match";
        command.Parameters.AddWithValue("$match", KeywordQuery.ToMatchExpression(query));
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            scores[reader.GetString(0)] = reader.GetDouble(1);
        }

        return scores;
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_f.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i))));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_f.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
