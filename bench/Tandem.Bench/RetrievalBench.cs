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
/// BM25 search, and the in-memory hybrid index (BM25, IVF over LSA vectors, RRF), one thread.
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
        var texts = new List<string>();
        var documentOf = new List<int>();
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var all = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly"))
        {
            await all.OpenAsync();
            using var command = all.CreateCommand();
            command.CommandText = "SELECT document_id, text FROM clauses ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var document = reader.GetString(0);
                if (!documents.TryGetValue(document, out var ordinal))
                {
                    documents[document] = ordinal = documents.Count;
                }

                documentOf.Add(ordinal);
                texts.Add(reader.GetString(1));
            }
        }

        var generator = LsaEmbeddingGenerator.Train(texts, dimensions: 128);
        Console.WriteLine(string.Create(us, $"dense: LSA 128-d learned from {texts.Count} clauses in {watch.Elapsed.TotalSeconds:0.0} s"));
        watch.Restart();
        var index = await HybridIndex.BuildAsync(texts, generator);
        Console.WriteLine(string.Create(us, $"hybrid index (in-memory BM25 + IVF vectors, {(int)Math.Sqrt(texts.Count)} partitions) built in {watch.Elapsed.TotalSeconds:0.0} s"));

        // The access filter a shared index applies: a per-document mask, consulted for every
        // candidate inside both first stages. Here the caller may read every other document.
        var readable = Enumerable.Range(0, documents.Count).Select(d => d % 2 == 0).ToArray();
        bool Allowed(int item) => readable[documentOf[item]];

        RetrievalConfig[] configs = [RetrievalConfig.Parse("bm25"), RetrievalConfig.Parse("dense"), RetrievalConfig.Parse("hybrid")];
        var timings = new List<(string, List<double>)>();
        foreach (var config in configs)
        {
            timings.Add(($"in-memory {config.Name} (access-filtered, top 10)", await TimeAsync(q => index.SearchAsync(q, config, 10, Allowed))));
        }

        Report("raw FTS5 query (no access filter, top 10)", rawTimes);
        Report("store BM25 search (access-filtered, top 10)", storeTimes);
        foreach (var (what, times) in timings)
        {
            Report(what, times);
        }

        var exact = new HybridIndex(texts, texts.Select(generator.Embed).ToList(), generator);
        var overlap = new List<double>();
        foreach (var q in Queries)
        {
            var truth = (await exact.SearchAsync(q, configs[1], 100, Allowed)).Select(h => h.Item).ToHashSet();
            var approximate = await index.SearchAsync(q, configs[1], 100, Allowed);
            overlap.Add(approximate.Count(h => truth.Contains(h.Item)) / (double)Math.Max(1, truth.Count));
        }

        Console.WriteLine(string.Create(us, $"IVF recall@100 against exact dense search: {overlap.Average():0.000} ({index.Probes} of {(int)Math.Sqrt(texts.Count)} partitions probed)"));
        Console.WriteLine(string.Create(us, $"hybrid p50 / raw FTS5 p50 = {Percentile(timings[2].Item2, 0.5) / Percentile(rawTimes, 0.5):0.00}x"));
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
