using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Load;

/// <summary>
/// Batch review throughput by number of workers: one API node that runs no jobs (`tandem serve
/// --no-worker`) and N `tandem worker` processes on one PostgreSQL store, the given contracts
/// uploaded once, then for each N a warm-up batch and a timed batch of all of them through
/// `POST /api/batches`, polled until done. Prints contracts per minute for each N.
///
///   dotnet run -c Release --project bench/Tandem.Load -- workers --store "Host=...;Database=<empty>" [--workers 1,2,4] [--copies 2] [--samples samples/contracts]
/// </summary>
internal static class WorkerBench
{
    public static async Task<int> RunAsync(string[] args, string tandem, string samples)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var store = Value("--store") ?? throw new ArgumentException("--store \"Host=...;Database=<an empty database>\" is required");
        var counts = (Value("--workers") ?? "1,2,4").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        var copies = int.Parse(Value("--copies") ?? "2", CultureInfo.InvariantCulture);
        var home = Directory.CreateTempSubdirectory("tandem-workers-").FullName;
        var processes = new List<Process>();
        try
        {
            var key = (await LoadServer.RunAsync(tandem, home, ["keys", "create", "--user", "bench", "--store", store])).TrimEnd().Split('\n')[^1].Trim();
            var baseUrl = $"http://127.0.0.1:{LoadServer.FreePort()}";
            var api = Process.Start(LoadServer.Start(tandem, home, ["serve", "--no-worker", "--store", store, "--urls", baseUrl]))!;
            processes.Add(api);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            await LoadServer.WaitUntilReadyAsync(http, api);

            // The same contracts under different names are different documents, each reviewed in full.
            using (var form = new MultipartFormDataContent())
            {
                foreach (var copy in Enumerable.Range(1, copies))
                {
                    foreach (var file in Directory.GetFiles(samples).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
                    {
                        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", $"copy{copy}-{Path.GetFileName(file)}");
                    }
                }

                (await http.PostAsync("/api/documents", form)).EnsureSuccessStatusCode();
            }

            var (ids, clauses) = await LoadOperations.DocumentsAsync(http);
            Console.Error.WriteLine($"{ids.Count} contracts ({clauses} clauses) on {baseUrl}");
            var rows = new List<string>();
            foreach (var workers in counts)
            {
                var started = Enumerable.Range(0, workers).Select(_ => Process.Start(LoadServer.Start(tandem, home, ["worker", "--store", store]))!).ToList();
                processes.AddRange(started);
                await BatchAsync(http, ids.Take(workers * 2).ToList()); // warm-up: every worker has started and reviewed
                var clock = Stopwatch.StartNew();
                var failed = await BatchAsync(http, ids);
                var elapsed = clock.Elapsed;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {workers} | {ids.Count} | {elapsed.TotalSeconds:0.0} | {ids.Count / elapsed.TotalMinutes:0.0} | {failed} |"));
                Console.Error.WriteLine(rows[^1]);
                foreach (var worker in started)
                {
                    worker.Kill(entireProcessTree: true);
                    await worker.WaitForExitAsync();
                }
            }

            Console.WriteLine($"Batch review throughput: {ids.Count} contracts ({clauses} clauses), local analyst, {Environment.ProcessorCount} cores, one API node without jobs");
            Console.WriteLine();
            Console.WriteLine("| workers | contracts | seconds | contracts/min | failed |");
            Console.WriteLine("|---|---|---|---|---|");
            rows.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            foreach (var process in processes.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            processes.ForEach(p => p.Dispose());
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Submits a batch of the documents and waits until every contract is reviewed or failed; returns how many failed.</summary>
    private static async Task<int> BatchAsync(HttpClient http, IReadOnlyList<string> documentIds)
    {
        using var submitted = await http.PostAsJsonAsync("/api/batches", new { documentIds });
        submitted.EnsureSuccessStatusCode();
        var url = submitted.Headers.Location!.OriginalString;
        while (true)
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync(url));
            if (status.RootElement.GetProperty("status").GetString() == "completed")
            {
                return status.RootElement.GetProperty("failed").GetInt32();
            }

            await Task.Delay(200);
        }
    }
}
