using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Load;

// The server's load benchmark: a real `tandem serve` process on loopback with its own store, the
// sample contracts uploaded, then N concurrent clients for a bounded time mixing search, chat
// (the OpenAI-compatible endpoint, offline model) and review. Prints requests/s, p50/p99 latency
// and errors per operation as a Markdown table.
//
//   dotnet run -c Release --project bench/Tandem.Load -- [--clients 32] [--seconds 30] [--mix search=70,chat=20,review=10]
//                                                        [--tandem <tandem executable or Tandem.Cli.dll>]
//
// Batch review throughput with N workers on PostgreSQL (see WorkerBench):
//   dotnet run -c Release --project bench/Tandem.Load -- workers --store "Host=...;Database=<empty>" [--workers 1,2,4] [--copies 2]
var options = LoadOptions.Parse(args);
if (args.FirstOrDefault() == "workers")
{
    return await WorkerBench.RunAsync(args, options.Tandem, options.Samples);
}

using var server = await LoadServer.StartAsync(options.Tandem, options.Samples);
Console.Error.WriteLine($"server on {server.BaseUrl}, {server.DocumentIds.Count} documents; {options.Clients} clients for {options.Seconds} s");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 }) { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Key);
var operations = new LoadOperations(http, server.DocumentIds);

// Warm-up: every operation once, so first-call costs (JIT, index build, model load) are not measured.
foreach (var name in options.Mix.Keys)
{
    var warm = await operations.RunAsync(name, 0, CancellationToken.None);
    if (warm is not null)
    {
        Console.Error.WriteLine($"warm-up {name}: {warm}");
    }
}

var results = options.Mix.Keys.ToDictionary(k => k, _ => new OperationResults());
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
var clock = Stopwatch.StartNew();
var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
{
    var random = new Random(c);
    var n = 0;
    while (!stop.IsCancellationRequested)
    {
        var name = options.Pick(random);
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            error = await operations.RunAsync(name, c * 100_000 + n++, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            error = e.GetType().Name + ": " + e.Message;
        }

        results[name].Add(Stopwatch.GetElapsedTime(started), error);
    }
})).ToArray();
await Task.WhenAll(clients);
var elapsed = clock.Elapsed;

Console.WriteLine($"Load: {options.Clients} clients, {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {Environment.ProcessorCount} cores, {server.DocumentIds.Count} documents ({server.ClauseCount} clauses)");
Console.WriteLine();
Console.WriteLine("| operation | requests | requests/s | p50 ms | p99 ms | max ms | errors |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var (name, result) in results.Append(new("all", OperationResults.Merge(results.Values))))
{
    Console.WriteLine(result.Row(name, elapsed));
}

foreach (var (name, result) in results)
{
    foreach (var error in result.FirstErrors)
    {
        Console.WriteLine($"error in {name}: {error}");
    }
}

return results.Values.Sum(r => r.Errors) == 0 ? 0 : 1;
