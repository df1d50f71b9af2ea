using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Bench;

/// <summary>
/// The retrieval speed benchmark: the CUAD development contracts ingested twice (under different
/// ids) into one store, every clause given a stored vector, then p50/p95 over 20 queries × 10
/// rounds of a raw FTS5 query, the store's access-filtered BM25 search, the server's
/// <see cref="RetrievalIndex"/> (bm25, dense, hybrid; dense and hybrid embed each query with
/// MiniLM, nothing cached) and the CLI's <see cref="KnowledgeBaseSearch"/> (vectors streamed from
/// SQLite per query). Vectors come from a store that <c>tandem ingest</c> filled with the same
/// contracts (<c>vectorsFrom</c>, matched by text hash); texts it lacks get a random unit vector
/// (said in the output): search time depends on how many vectors are scanned, not on their values.
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

    public static async Task<int> RunAsync(string contracts, string work, IReadOnlyList<string> args)
    {
        var us = CultureInfo.InvariantCulture;
        var vectorsFrom = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsValueOf("--keep", a, args) && !IsValueOf("--partitions", a, args));
        var keep = ValueOf("--keep", args);
        var indexOnly = args.Contains("--index-only");
        var cli = !indexOnly && !args.Contains("--no-cli");
        Console.WriteLine($"load average at the start: {LoadAverage()}");
        var owner = new Principal("bench");
        var folder = keep is null ? work : Directory.CreateDirectory(keep).FullName;
        var dbPath = Path.Combine(folder, "retrieval.db");
        var reused = keep is not null && File.Exists(dbPath);
        var store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = dbPath });
        var watch = Stopwatch.StartNew();
        if (reused)
        {
            Console.WriteLine($"index: the store filled by an earlier run, {dbPath}");
        }
        else
        {
            var clauses = await IngestTwiceAsync(store, contracts, folder, owner);
            Console.WriteLine(string.Create(us, $"index: {clauses} clauses (CUAD development contracts ingested twice) in {watch.Elapsed.TotalSeconds:0.0} s"));
        }

        var timings = new List<(string, Timing)>();
        if (!indexOnly)
        {
            await using var raw = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
            await raw.OpenAsync();
            timings.Add(("raw FTS5 query (no access filter, top 10)", await TimeAsync(q => RawFtsQueryAsync(raw, q))));
            timings.Add(("store BM25 search (access-filtered, top 10)", await TimeAsync(q => store.SearchAsync(q, owner, 10))));
        }

        var model = MiniLmEmbeddingGenerator.ModelId;
        if (!reused)
        {
            watch.Restart();
            var (copied, synthetic) = await FillVectorsAsync(store, dbPath, model, vectorsFrom);
            Console.WriteLine(string.Create(us, $"vectors: {copied} copied from {vectorsFrom ?? "(no store given)"}, {synthetic} random for texts it lacked ({watch.Elapsed.TotalSeconds:0.0} s)"));
        }

        using var minilm = new MiniLmEmbeddingGenerator();
        var embeddings = MiniLmEmbeddingGenerator.ForQueries(minilm); // as the index embeds its queries
        watch.Restart();
        await embeddings.GenerateVectorAsync("warm up");
        Console.WriteLine(string.Create(us, $"MiniLM loaded and first query embedded in {watch.Elapsed.TotalMilliseconds:0} ms; working set {Environment.WorkingSet / 1048576.0:0} MB"));

        if (!args.Contains("--no-recall"))
        {
            // --partitions N tries another partition count than the default √n (the recall table is what chooses it).
            var partitions = ValueOf("--partitions", args) is { } p ? int.Parse(p, us) : 0;
            var settings = partitions > 0 ? VectorIndexSettings.Default with { PartitionsFor = _ => partitions } : VectorIndexSettings.Default;
            await VectorRecallBench.RunAsync(dbPath, model, embeddings, Queries, Path.Combine(contracts, "..", "..", "acord-dev", "queries.jsonl"), settings);
        }

        var queryEmbeddings = new SwitchableEmbeddingGenerator(embeddings);
        var index = new RetrievalIndex(store, AccessPolicy.Default, queryEmbeddings, store);
        watch.Restart();
        await index.RefreshAsync();
        var loaded = watch.Elapsed.TotalSeconds;
        await index.PendingRebuild;
        GC.Collect();
        Console.WriteLine(string.Create(us, $"server index: {index.LiveItems} clauses, {index.EmbeddedItems} with vectors, loaded in {loaded:0.0} s, vector partitions ({index.DensePartitions}) built in the background in {watch.Elapsed.TotalSeconds - loaded:0.0} s more; managed heap {GC.GetTotalMemory(true) / 1048576.0:0} MB, working set {Environment.WorkingSet / 1048576.0:0} MB"));

        using var onnx = new MiniLmEmbeddingGenerator(threads: 1);
        await onnx.GenerateVectorAsync("warm up");

        // Interleaved, round by round, so that the other work on a shared machine weighs on every measure alike. The
        // index's own share is timed with each query's vector remembered from its first embedding.
        var measures = new (string What, Func<string, Task> Query)[]
        {
            ("MiniLM query embedding alone, the index loaded", q => embeddings.GenerateVectorAsync(q)),
            ("MiniLM query embedding alone on ONNX Runtime (the path before the bfloat16 pass; control)", q => onnx.GenerateVectorAsync(q)),
            ("server index bm25 (access-filtered, top 10)", q => Search(q, "bm25", remember: false)),
            ("server index dense (access-filtered, top 10, query embedded)", q => Search(q, "dense", remember: false)),
            ("server index hybrid (access-filtered, top 10, query embedded)", q => Search(q, "hybrid", remember: false)),
            ("server index dense (access-filtered, top 10, query vector remembered: the index alone)", q => Search(q, "dense", remember: true)),
            ("server index hybrid (access-filtered, top 10, query vector remembered: the index alone)", q => Search(q, "hybrid", remember: true)),
        };
        var measured = await TimeInterleavedAsync(measures.Select(m => m.Query).ToList());
        timings.AddRange(measures.Select((m, i) => (m.What, measured[i])));
        queryEmbeddings.Remember = false;

        Task Search(string query, string config, bool remember)
        {
            queryEmbeddings.Remember = remember;
            return index.SearchAsync(query, owner, RetrievalConfig.Parse(config), 10);
        }

        if (cli)
        {
            var search = new KnowledgeBaseSearch(store, store);
            watch.Restart();
            await search.SearchAsync("first search writes the vector file", owner, RetrievalConfig.Parse("hybrid"), embeddings, 10);
            Console.WriteLine(string.Create(us, $"CLI vector file written by the first search in {watch.Elapsed.TotalSeconds:0.0} s"));
            timings.Add(("CLI search hybrid from the store (in process, query embedded)", await TimeAsync(q => search.SearchAsync(q, owner, RetrievalConfig.Parse("hybrid"), embeddings, 10), rounds: 3)));
            timings.Add(("CLI search bm25 from the store (in process)", await TimeAsync(q => search.SearchAsync(q, owner, RetrievalConfig.Parse("bm25"), embeddings, 10), rounds: 3)));
            timings.Add(("`tandem search --mode hybrid` (whole process: start, model load, search)", await TimeAsync(q => RunCliAsync(dbPath, q), rounds: 1)));
        }

        foreach (var (what, times) in timings)
        {
            Report(what, times);
        }

        Console.WriteLine(string.Create(us, $"load average at the end: {LoadAverage()}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
        return 0;
    }

    /// <summary>The CUAD development contracts stored twice, under two folders (so two ids each): over 100,000 clauses.</summary>
    private static async Task<int> IngestTwiceAsync(SqliteDocumentStore store, string contracts, string folder, Principal owner)
    {
        var ingestor = new DocumentIngestor(store, DocumentReaders.CreateDefault(), new ClauseSegmenter());
        var clauses = 0;
        foreach (var copy in new[] { "a", "b" })
        {
            var copyFolder = Directory.CreateDirectory(Path.Combine(folder, "copy-" + copy)).FullName;
            foreach (var file in Directory.GetFiles(contracts, "*.txt"))
            {
                var target = Path.Combine(copyFolder, Path.GetFileName(file));
                File.Copy(file, target, overwrite: true);
                clauses += (await ingestor.IngestFileAsync(target, owner)).ClauseCount;
            }
        }

        return clauses;
    }

    /// <summary>The FTS5 query alone, as a reference for what the store's search adds.</summary>
    private static async Task RawFtsQueryAsync(SqliteConnection raw, string query)
    {
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT rowid FROM clauses_fts WHERE clauses_fts MATCH $m ORDER BY rank LIMIT 10";
        command.Parameters.AddWithValue("$m", KeywordQuery.ToMatchExpression(query));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static string? ValueOf(string option, IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf(option);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    private static bool IsValueOf(string option, string value, IReadOnlyList<string> args) => ValueOf(option, args) == value;

    /// <summary>The 1, 5 and 15 minute load averages (Linux); "unknown" elsewhere.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Gives every current clause a stored vector: copied by text hash from another store, else random.</summary>
    private static async Task<(long Copied, int Synthetic)> FillVectorsAsync(SqliteDocumentStore store, string dbPath, string model, string? vectorsFrom)
    {
        await store.CountUnembeddedAsync(model); // hashes every clause
        long copied = 0;
        if (vectorsFrom is not null)
        {
            await using var connection = new SqliteConnection($"Data Source={dbPath}");
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = """
                ATTACH DATABASE $source AS source;
                INSERT OR IGNORE INTO clause_vectors (model, hash, vector)
                    SELECT model, hash, vector FROM source.clause_vectors WHERE model = $model AND hash IN (SELECT hash FROM clause_hashes);
                """;
            command.Parameters.AddWithValue("$source", Path.GetFullPath(vectorsFrom));
            command.Parameters.AddWithValue("$model", model);
            copied = await command.ExecuteNonQueryAsync();
        }

        var missing = await store.ReadUnembeddedAsync(model, int.MaxValue);
        var random = new Random(5);
        var vectors = missing.Select(t =>
        {
            var v = new float[MiniLmEmbeddingGenerator.Dimensions];
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = (float)(random.NextDouble() - 0.5);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(v, System.Numerics.Tensors.TensorPrimitives.Norm(v), v);
            return (t.Hash, new ReadOnlyMemory<float>(v));
        }).ToList();
        await store.SaveVectorsAsync(model, vectors);
        return (copied, vectors.Count);
    }

    /// <summary>Runs <c>tandem search --mode hybrid</c> as a user does, a fresh process.</summary>
    private static async Task RunCliAsync(string dbPath, string query)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Tandem.Cli.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "search", query, "--mode", "hybrid", "--db", dbPath, "--user", "bench"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tandem search exited {process.ExitCode}: {await error}");
        }

        await output;
    }

    private static async Task<Timing> TimeAsync(Func<string, Task> query, int rounds = 10) => (await TimeInterleavedAsync([query], rounds))[0];

    /// <summary>Each query function over the 20 queries after a warm-up round, <paramref name="rounds"/> times, one after the other within a round.</summary>
    private static async Task<Timing[]> TimeInterleavedAsync(IReadOnlyList<Func<string, Task>> queries, int rounds = 10)
    {
        foreach (var query in queries)
        {
            foreach (var q in Queries)
            {
                await query(q); // warm-up
            }
        }

        var times = queries.Select(_ => new List<double>()).ToArray();
        var cpu = queries.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var q in Queries)
                {
                    var t = Stopwatch.GetTimestamp();
                    await queries[i](q);
                    times[i].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }

                cpu[i].Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / Queries.Length);
            }
        }

        return times.Select((t, i) =>
        {
            t.Sort();
            cpu[i].Sort();
            return new Timing(t, cpu[i].Average(), Percentile(cpu[i], 0.5));
        }).ToArray();
    }

    private static void Report(string what, Timing timing) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: p50 {Percentile(timing.Sorted, 0.5):0.00} ms, p95 {Percentile(timing.Sorted, 0.95):0.00} ms, this process's CPU {timing.CpuPerQuery:0.00} ms per query (median round {timing.CpuMedianRound:0.00}; {timing.Sorted.Count} queries)"));

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// Wall times of a run of queries (sorted) and this process's CPU time per query, all threads:
    /// on a machine shared with other work, wall time waits for a CPU and CPU time does not. A
    /// fresh CLI process's CPU is not in it.
    /// </summary>
    private sealed record Timing(List<double> Sorted, double CpuPerQuery, double CpuMedianRound);
}
