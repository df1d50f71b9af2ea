using System.Diagnostics;
using System.Globalization;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Postgres;
using Tandem.Postgres.Store;
using Tandem.Store;

namespace Tandem.Bench;

/// <summary>
/// The two stores side by side (issue 14): ingest of the ten sample contracts and of the CUAD
/// development contracts, and keyword search latency over the CUAD index, on SQLite and on
/// PostgreSQL. Files are read and segmented before the clock starts, so only the store is timed.
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

    public static async Task<int> RunAsync(string contracts, string work, string postgres)
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "contracts");
        var readers = DocumentReaders.CreateDefault();
        var ingestor = new DocumentIngestor(new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = Path.Combine(work, "read.db") }), readers, new ClauseSegmenter());
        var sampleRequests = await ReadAsync(ingestor.SupportedFiles(samples).Where(f => !DocumentIngestor.IsProjectFile(f)), readers);
        var cuadRequests = await ReadAsync(Directory.GetFiles(contracts, "*.txt").Order(StringComparer.Ordinal), readers);
        Console.WriteLine($"read {sampleRequests.Count} samples and {cuadRequests.Count} CUAD contracts ({cuadRequests.Sum(r => r.Structure.Clauses.Count)} clauses)");

        await using var database = new PostgresDatabase(postgres);
        await database.MigrateAsync();
        var stores = new (string Name, IDocumentStore Samples, IDocumentStore Cuad)[]
        {
            ("SQLite", new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = Path.Combine(work, "samples.db") }),
                new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = Path.Combine(work, "cuad.db") })),
            ("PostgreSQL", new PostgresDocumentStore(database), new PostgresDocumentStore(database)),
        };
        foreach (var (name, sampleStore, cuadStore) in stores)
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
        }

        return 0;
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
