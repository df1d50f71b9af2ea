using System.Diagnostics;
using System.Globalization;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Store;

// Foundation benchmarks (issue 2): ingest of a CUAD-like folder, analyze latency, keyword query
// latency, shipped model size. Usage: dotnet run -c Release --project bench/Tandem.Bench -- [cuad folder] [retrieval]
// With "retrieval [store with vectors] [--no-cli] [--index-only] [--no-recall] [--keep DIR] [--partitions N]": retrieval speed on 100,000+
// stored clauses instead (issues 3 and 16); --keep reuses the store an earlier run filled in DIR.
// With "embedding [--queries]": MiniLM's load time, memory and throughput on CUAD clauses, and one query's time by token count (--queries: that alone).
// With "stores <connection string of an empty PostgreSQL database>": SQLite against PostgreSQL (issue 14).
var data = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "cuad-dev"));
var contracts = Path.Combine(data, "contracts");
if (!Directory.Exists(contracts))
{
    Console.Error.WriteLine($"error: {contracts} not found; pass the CUAD development folder (e.g. ../shared/data/cuad-dev)");
    return 1;
}

var work = Directory.CreateTempSubdirectory("tandem-bench-").FullName;
var invariant = CultureInfo.InvariantCulture;
try
{
    if (args.Length > 1 && args[1] == "retrieval")
    {
        return await Tandem.Bench.RetrievalBench.RunAsync(contracts, work, args[2..]);
    }

    if (args.Length > 1 && args[1] == "embedding")
    {
        return await Tandem.Bench.EmbeddingBench.RunAsync(contracts, queriesOnly: args.Contains("--queries"));
    }

    if (args.Length > 2 && args[1] == "stores")
    {
        return await Tandem.Bench.StoreBench.RunAsync(contracts, work, args[2], args[3..]);
    }

    var owner = new Principal("bench");
    var store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = Path.Combine(work, "bench.db") });
    var ingestor = new DocumentIngestor(store, DocumentReaders.CreateDefault(), new ClauseSegmenter());

    // 1. Ingest every contract, one transaction each.
    var files = Directory.GetFiles(contracts, "*.txt").Order(StringComparer.Ordinal).ToList();
    var watch = Stopwatch.StartNew();
    var clauses = 0;
    foreach (var file in files)
    {
        clauses += (await ingestor.IngestFileAsync(file, owner)).ClauseCount;
    }

    watch.Stop();
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine(string.Create(invariant, $"ingest: {files.Count} contracts, {clauses} clauses in {watch.Elapsed.TotalSeconds:0.00} s ({files.Count / watch.Elapsed.TotalSeconds:0.0} contracts/s); peak working set {self.PeakWorkingSet64 / 1048576.0:0} MB; database {new FileInfo(Path.Combine(work, "bench.db")).Length / 1048576.0:0.0} MB"));

    // 2. Re-ingest unchanged: must be cheap and change nothing.
    watch.Restart();
    foreach (var file in files)
    {
        await ingestor.IngestFileAsync(file, owner);
    }

    Console.WriteLine(string.Create(invariant, $"re-ingest unchanged: {watch.Elapsed.TotalSeconds:0.00} s"));

    // 3. Keyword query latency over the whole index.
    var queries = Tandem.Bench.StoreBench.Queries;
    var latencies = new List<double>();
    for (var round = 0; round < 10; round++)
    {
        foreach (var q in queries)
        {
            var t = Stopwatch.GetTimestamp();
            await store.SearchAsync(q, owner, 10);
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
    }

    latencies.Sort();
    Console.WriteLine(string.Create(invariant, $"keyword search: {latencies.Count} queries, p50 {Percentile(latencies, 0.5):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms, max {latencies[^1]:0.0} ms"));

    // 4. Analyze the median-size contract, in process: first call (model load, JIT) and warm calls.
    var median = files.OrderBy(f => new FileInfo(f).Length).ElementAt(files.Count / 2);
    var playbook = PlaybookLoader.Load(PlaybookLoader.DefaultPath());
    watch.Restart();
    var analyst = LocalAnalyst.Load(LocalAnalyst.DefaultPath());
    var reviewer = new ContractReviewer(ingestor, store, new ContractAnalyzer(analyst));
    var report = await reviewer.ReviewFileAsync(median, owner, playbook, new AnalysisOptions());
    var first = watch.Elapsed.TotalMilliseconds;
    var warm = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        var t = Stopwatch.GetTimestamp();
        await reviewer.ReviewFileAsync(median, owner, playbook, new AnalysisOptions());
        warm.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    warm.Sort();
    Console.WriteLine(string.Create(invariant, $"analyze (in process) {Path.GetFileName(median)} ({new FileInfo(median).Length / 1024} KB, {report.ClauseCount} clauses, {report.Findings.Count} findings): first {first:0} ms, warm p50 {Percentile(warm, 0.5):0} ms"));

    // 5. Analyze as a user runs it: a fresh `tandem analyze` process each time (the database already holds the contract).
    var cli = Path.Combine(AppContext.BaseDirectory, "Tandem.Cli.dll");
    var runs = new List<double>();
    for (var i = 0; i < 6; i++)
    {
        var t = Stopwatch.GetTimestamp();
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "analyze", median, "--db", Path.Combine(work, "cli.db"), "--format", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        runs.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine("error: tandem analyze failed: " + await process.StandardError.ReadToEndAsync());
            return 1;
        }
    }

    Console.WriteLine(string.Create(invariant, $"analyze (CLI process) first {runs[0]:0} ms, later runs p50 {Percentile(runs.Skip(1).Order().ToList(), 0.5):0} ms"));
    Console.WriteLine(string.Create(invariant, $"shipped model: {new FileInfo(LocalAnalyst.DefaultPath()).Length / 1024.0:0.0} KB"));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double Percentile(IReadOnlyList<double> sorted, double p) =>
    sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
