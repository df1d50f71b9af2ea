using System.Diagnostics;
using System.Globalization;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Postgres;
using Tandem.Postgres.Store;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Bench;

/// <summary>
/// The two stores side by side (issue 14): ingest of the ten sample contracts and of the CUAD
/// development contracts (<c>--copies n</c> times under different names, so 2 copies hold 166,098
/// clauses), and search latency over them on SQLite and on PostgreSQL: keyword search in the store,
/// and with <c>--vectors &lt;a store tandem ingest filled&gt;</c> (its MiniLM vectors copied by text
/// hash, so nothing is embedded here) hybrid search the CLI's way (<see cref="KnowledgeBaseSearch"/>,
/// vectors read from the store per query) and the server's way (<see cref="RetrievalIndex"/>, loaded
/// once from the store, refreshed from its change feed before each query). Files are read and
/// segmented before the clock starts, so only the store is timed.
/// </summary>
internal static class StoreBench
{
    /// <summary>The keyword queries every store benchmark asks.</summary>
    public static IReadOnlyList<string> Queries { get; } =
    [
        "limitation of liability", "governing law state of new york", "terminate for convenience upon notice", "exclusive distributor territory",
        "most favored nation pricing", "non-compete competing business", "assignment change of control", "audit books and records",
        "insurance coverage general liability", "source code escrow release", "liquidated damages", "warranty period defects",
        "confidential information disclosure", "minimum purchase commitment", "royalty revenue share", "license grant non-exclusive",
        "indemnify defend hold harmless", "automatic renewal term", "third party beneficiary", "covenant not to sue",
    ];

    public static async Task<int> RunAsync(string contracts, string work, string postgres, string[] options)
    {
        string? Value(string name) => options.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var copies = int.Parse(Value("--copies") ?? "1", CultureInfo.InvariantCulture);
        var vectorSource = Value("--vectors");
        var serverOnly = options.Contains("--server-only");
        var samples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "contracts");
        var readers = DocumentReaders.CreateDefault();
        var ingestor = new DocumentIngestor(new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = Path.Combine(work, "read.db") }), readers, new ClauseSegmenter());
        var sampleRequests = await ReadAsync(ingestor.SupportedFiles(samples).Where(f => !DocumentIngestor.IsProjectFile(f)), readers);
        var oneCopy = await ReadAsync(Directory.GetFiles(contracts, "*.txt").Order(StringComparer.Ordinal), readers);
        var cuadRequests = Enumerable.Range(1, copies)
            .SelectMany(c => oneCopy.Select(r => c == 1 ? r : r with { Document = r.Document with { Source = $"copy{c}/{r.Document.Source}" } })).ToList();
        Console.WriteLine($"read {sampleRequests.Count} samples and {cuadRequests.Count} CUAD contracts ({cuadRequests.Sum(r => r.Structure.Clauses.Count)} clauses)");

        await using var database = new PostgresDatabase(postgres);
        await database.MigrateAsync();
        var sqliteCuad = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = Path.Combine(work, "cuad.db") });
        var postgresCuad = new PostgresDocumentStore(database);
        var stores = new (string Name, IDocumentStore Samples, IDocumentStore Cuad, IClauseVectorStore Vectors)[]
        {
            ("SQLite", new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = Path.Combine(work, "samples.db") }), sqliteCuad, sqliteCuad),
            ("PostgreSQL", new PostgresDocumentStore(database), postgresCuad, new PostgresClauseVectorStore(database)),
        };
        var source = vectorSource is null ? null : await ReadVectorsAsync(vectorSource);
        foreach (var (name, sampleStore, cuadStore, vectorStore) in stores)
        {
            var sampleOwner = new Principal("samples");
            var cuadOwner = new Principal("cuad");
            var samplesTime = await IngestAsync(sampleStore, sampleRequests, sampleOwner);
            var cuadTime = await IngestAsync(cuadStore, cuadRequests, cuadOwner);
            foreach (var query in Queries)
            {
                await cuadStore.SearchAsync(query, cuadOwner); // warm-up: JIT, caches, plans
            }

            var latencies = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                foreach (var query in Queries)
                {
                    var started = Stopwatch.GetTimestamp();
                    await cuadStore.SearchAsync(query, cuadOwner);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: ingest 10 samples {samplesTime.TotalMilliseconds:0} ms; ingest {cuadRequests.Count} CUAD {cuadTime.TotalSeconds:0.0} s; keyword search p50 {Percentile(latencies, 0.5):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms ({latencies.Count} queries)"));
            if (source is not null)
            {
                await HybridAsync(name, cuadStore, vectorStore, source, cuadOwner, serverOnly);
            }
        }

        return 0;
    }

    /// <summary>The MiniLM vectors a <c>tandem ingest</c> store holds, by text hash.</summary>
    private static async Task<List<(string Hash, ReadOnlyMemory<float> Vector)>> ReadVectorsAsync(string path)
    {
        var stored = await new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = path }).ReadVectorsAsync(MiniLmEmbeddingGenerator.ModelId, 0);
        Console.WriteLine($"read {stored.Count} stored {MiniLmEmbeddingGenerator.ModelId} vectors from {path}");
        return stored.Select(v => (v.Hash, (ReadOnlyMemory<float>)v.Vector)).ToList();
    }

    /// <summary>Copies the vectors into the store, then times hybrid search the CLI's way and the server's way.</summary>
    private static async Task HybridAsync(string name, IDocumentStore store, IClauseVectorStore vectors, IReadOnlyList<(string Hash, ReadOnlyMemory<float> Vector)> source, Principal owner,
        bool serverOnly)
    {
        var copied = Stopwatch.GetTimestamp();
        foreach (var batch in source.Chunk(2048))
        {
            await vectors.SaveVectorsAsync(MiniLmEmbeddingGenerator.ModelId, batch);
        }

        var missing = await vectors.CountUnembeddedAsync(MiniLmEmbeddingGenerator.ModelId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: stored {source.Count} vectors in {Stopwatch.GetElapsedTime(copied).TotalSeconds:0.0} s; {missing} clause texts without one"));
        using var embeddings = new MiniLmEmbeddingGenerator();
        var memo = new MemoizedEmbeddingGenerator(embeddings);
        var hybrid = RetrievalConfig.Parse("hybrid");
        var search = new KnowledgeBaseSearch(store, vectors);
        if (!serverOnly)
        {
            var cli = await TimeAsync(q => search.SearchAsync(q, owner, hybrid, embeddings, 10), rounds: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: hybrid the CLI's way (vectors read per query, query embedded) p50 {Percentile(cli, 0.5):0.0} ms, p95 {Percentile(cli, 0.95):0.0} ms ({cli.Count} queries)"));
        }

        var loading = Stopwatch.GetTimestamp();
        var index = await LoadedAsync(store, vectors, memo);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: server index loaded {index.LiveItems} clauses ({index.EmbeddedItems} with vectors, {index.DensePartitions} IVF partitions) in {Stopwatch.GetElapsedTime(loading).TotalSeconds:0.0} s"));
        foreach (var config in new[] { "bm25", "hybrid" })
        {
            var parsed = RetrievalConfig.Parse(config);
            var server = await TimeAsync(q => index.SearchAsync(q, owner, parsed, 10), rounds: 5);
            if (parsed.UsesDense)
            {
                // The same queries, each embedded afresh, as a new query is.
                var fresh = await LoadedAsync(store, vectors, embeddings);
                var embedded = await TimeAsync(q => fresh.SearchAsync(q, owner, parsed, 10), rounds: 5);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: server index hybrid, query embedded every time, p50 {Percentile(embedded, 0.5):0.0} ms, p95 {Percentile(embedded, 0.95):0.0} ms ({embedded.Count} queries)"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: server index {config} (change feed checked per query{(parsed.UsesDense ? "; query vectors cached after the warm-up" : string.Empty)}) p50 {Percentile(server, 0.5):0.0} ms, p95 {Percentile(server, 0.95):0.0} ms ({server.Count} queries)"));
        }
    }

    /// <summary>A server index over the store, its IVF partitions built (a new index scans every vector exactly until the background build is done).</summary>
    private static async Task<RetrievalIndex> LoadedAsync(IDocumentStore store, IClauseVectorStore vectors, Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> embeddings)
    {
        var index = new RetrievalIndex((IKnowledgeBaseFeed)store, AccessPolicy.Default, embeddings, vectors);
        await index.RefreshAsync();
        await index.PendingRebuild;
        await index.RefreshAsync();
        return index;
    }

    /// <summary>Latencies of every query, <paramref name="rounds"/> times, after one warm-up round; sorted.</summary>
    private static async Task<List<double>> TimeAsync<T>(Func<string, Task<T>> search, int rounds)
    {
        foreach (var query in Queries)
        {
            await search(query);
        }

        var latencies = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in Queries)
            {
                var started = Stopwatch.GetTimestamp();
                await search(query);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        latencies.Sort();
        return latencies;
    }

    private static async Task<List<IngestRequest>> ReadAsync(IEnumerable<string> files, DocumentReaders readers)
    {
        var segmenter = new ClauseSegmenter();
        var requests = new List<IngestRequest>();
        foreach (var file in files)
        {
            var document = await readers.ReadFileAsync(file);
            requests.Add(new IngestRequest { Document = document, Structure = segmenter.Segment(document.Text), Owner = new Principal("nobody") });
        }

        return requests;
    }

    private static async Task<TimeSpan> IngestAsync(IDocumentStore store, IReadOnlyList<IngestRequest> requests, Principal owner)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var request in requests)
        {
            await store.IngestAsync(request with { Owner = owner });
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
