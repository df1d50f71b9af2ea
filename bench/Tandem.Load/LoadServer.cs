using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Tandem.Load;

/// <summary>A `tandem serve` process on a free loopback port, on a new store in a temporary HOME, with a key and the samples uploaded.</summary>
internal sealed class LoadServer : IDisposable
{
    private readonly Process _process;
    private readonly string _home;

    private LoadServer(Process process, string home, string baseUrl, string key)
    {
        _process = process;
        _home = home;
        BaseUrl = baseUrl;
        Key = key;
    }

    public string BaseUrl { get; }

    public string Key { get; }

    public IReadOnlyList<string> DocumentIds { get; private set; } = [];

    public int ClauseCount { get; private set; }

    public static async Task<LoadServer> StartAsync(string tandem, string samples)
    {
        var home = Directory.CreateTempSubdirectory("tandem-load-").FullName;
        var db = Path.Combine(home, "tandem.db");
        var keyOutput = await RunAsync(tandem, home, ["keys", "create", "--user", "loadtest", "--db", db]);
        var key = keyOutput.TrimEnd().Split('\n')[^1].Trim();
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var process = Process.Start(Start(tandem, home, ["serve", "--urls", baseUrl, "--db", db]))!;
        var server = new LoadServer(process, home, baseUrl, key);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await WaitUntilReadyAsync(http, process);

        using var form = new MultipartFormDataContent();
        foreach (var file in Directory.GetFiles(samples).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "files", Path.GetFileName(file));
        }

        (await http.PostAsync("/api/documents", form)).EnsureSuccessStatusCode();
        (server.DocumentIds, server.ClauseCount) = await LoadOperations.DocumentsAsync(http);
        return server;
    }

    /// <summary>Waits for the node's readiness endpoint (at most 30 s, and not past the process's exit).</summary>
    internal static async Task WaitUntilReadyAsync(HttpClient http, Process process)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (i < 300 && !process.HasExited)
            {
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    internal static async Task<string> RunAsync(string tandem, string home, string[] args)
    {
        using var process = Process.Start(Start(tandem, home, args))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tandem {string.Join(' ', args)} failed: {await process.StandardError.ReadToEndAsync()}");
    }

    internal static ProcessStartInfo Start(string tandem, string home, string[] args)
    {
        var info = new ProcessStartInfo(tandem.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : tandem)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (tandem.EndsWith(".dll", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(tandem);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["HOME"] = home;
        info.Environment["Tandem__Server__RateLimit__PermitsPerMinute"] = "100000000"; // measure the server, not its throttle
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
