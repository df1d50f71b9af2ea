using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Bench;

/// <summary>
/// Issue 3's retrieval speed benchmark: the CUAD development contracts ingested twice (under
/// different ids) into one store, then p50/p95 of a raw FTS5 query, the store's access-filtered
/// BM25 search, and hybrid retrieval (store BM25 + brute-force LSA, fused by RRF), one thread.
/// </summary>
internal static class RetrievalBench
{
    private static readonly string[] Queries =
    [
        "limitation of liability", "governing law state of new york", "terminate for convenience upon notice", "exclusive distributor territory",
        "most favored nation pricing", "non-compete competing business", "assignment change of control", "audit books and records",
        "insurance coverage general liability", "source code escrow release", "liquidated damages", "warranty period defects",
        "confidential information disclosure", "minimum purchase commitment", "royalty revenue share", "license grant non-exclusive",
        "indemnify defend hold harmless", "automatic renewal term", "third party beneficiary", "covenant not to sue",
    ];

    public static async Task<int> RunAsync(string contracts, string work)
    {
        var us = CultureInfo.InvariantCulture;
        var owner = new Principal("bench");
        var dbPath = Path.Combine(work, "retrieval.db");
        var store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = dbPath });
        var ingestor = new DocumentIngestor(store, DocumentReaders.CreateDefault(), new ClauseSegmenter());
        var watch = Stopwatch.StartNew();
        var clauses = 0;
        foreach (var copy in new[] { "a", "b" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(work, "copy-" + copy)).FullName;
            foreach (var file in Directory.GetFiles(contracts, "*.txt"))
            {
                var target = Path.Combine(folder, Path.GetFileName(file));
                File.Copy(file, target, overwrite: true);
                clauses += (await ingestor.IngestFileAsync(target, owner)).ClauseCount;
            }
        }

        Console.WriteLine(string.Create(us, $"index: {clauses} clauses (CUAD development contracts ingested twice) in {watch.Elapsed.TotalSeconds:0.0} s"));

        await using var raw = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
        await raw.OpenAsync();
        var rawTimes = await TimeAsync(async q =>
        {
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT rowid FROM clauses_fts WHERE clauses_fts MATCH $m ORDER BY rank LIMIT 10";
            command.Parameters.AddWithValue("$m", KeywordQuery.ToMatchExpression(q));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });
        var storeTimes = await TimeAsync(q => store.SearchAsync(q, owner, 10));

        watch.Restart();
        var texts = new List<(string Id, string Text)>();
        await using (var all = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly"))
        {
            await all.OpenAsync();
            using var command = all.CreateCommand();
            command.CommandText = "SELECT clause_id || ':' || document_id, text FROM clauses";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                texts.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var generator = LsaEmbeddingGenerator.Train(texts.Select(t => t.Text).ToList(), dimensions: 128);
        var dense = new DenseIndex(texts.Select(t => (t.Id, generator.Embed(t.Text))).ToList());
        Console.WriteLine(string.Create(us, $"dense: LSA 128-d learned and {texts.Count} clauses embedded in {watch.Elapsed.TotalSeconds:0.0} s"));
        var denseTimes = await TimeAsync(q =>
        {
            dense.Search(generator.Embed(q), 100);
            return Task.CompletedTask;
        });
        var hybrid = RetrievalConfig.Parse("hybrid");
        var hybridTimes = await TimeAsync(async q =>
        {
            var keyword = (await store.SearchAsync(q, owner, 100)).Select(p => p.ClauseId + ":" + p.DocumentId).ToList();
            var vector = dense.Search(generator.Embed(q), 100).Select(h => h.Id).ToList();
            hybrid.Combine(keyword, vector).Take(10).ToList();
        });

        Report("raw FTS5 query (no access filter, top 10)", rawTimes);
        Report("store BM25 search (access-filtered, top 10)", storeTimes);
        Report("dense brute force (128-d, top 100)", denseTimes);
        Report("hybrid (store BM25 top 100 + dense top 100, RRF)", hybridTimes);
        Console.WriteLine(string.Create(us, $"hybrid p50 / raw FTS5 p50 = {Percentile(hybridTimes, 0.5) / Percentile(rawTimes, 0.5):0.0}x"));
        return 0;
    }

    private static async Task<List<double>> TimeAsync(Func<string, Task> query)
    {
        foreach (var q in Queries)
        {
            await query(q); // warm-up
        }

        var times = new List<double>();
        for (var round = 0; round < 10; round++)
        {
            foreach (var q in Queries)
            {
                var t = Stopwatch.GetTimestamp();
                await query(q);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        times.Sort();
        return times;
    }

    private static void Report(string what, List<double> sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {Percentile(sorted, 0.5):0.00} ms, p95 {Percentile(sorted, 0.95):0.00} ms ({sorted.Count} queries)"));

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
