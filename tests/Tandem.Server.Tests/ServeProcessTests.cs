using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>
/// The real <c>tandem serve</c> (the installed tool under test.sh, else this build's CLI) on a free
/// loopback port, as a new user with an empty HOME: a key from <c>tandem keys create</c>, a sample
/// contract uploaded with HttpClient, listed, and a clean stop on SIGTERM.
/// </summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_KeyFromTheCli_UploadsAndListsASampleContract()
    {
        using var tandem = new TandemProcess();
        var (exit, output, error) = await tandem.RunAsync("keys", "create", "--user", "alice", "--groups", "legal", "--expires", "1d");
        Assert.True(exit == 0, error);
        var key = output.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith("tdm_", key, StringComparison.Ordinal);

        var port = FreePort();
        using var server = tandem.Start("serve", "--urls", $"http://127.0.0.1:{port}");
        var log = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilLiveAsync(client, server);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryPaths.Sample("mutual-nda.txt"))), "files", "mutual-nda.txt");
            using var upload = await client.PostAsync("/api/documents", form);
            Assert.True(upload.StatusCode == HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());

            using var listed = JsonDocument.Parse(await client.GetStringAsync("/api/documents"));
            var document = Assert.Single(listed.RootElement.EnumerateArray());
            Assert.Equal("/uploads/mutual-nda.txt", document.GetProperty("source").GetString());
            Assert.True(document.GetProperty("clauseCount").GetInt32() > 10);
        }
        finally
        {
            Stop(server);
        }

        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(30)), "tandem serve did not stop on SIGTERM");
        Assert.True(server.ExitCode == 0, $"exit {server.ExitCode}\n{await log}\n{await errors}");
        Assert.Contains($"listening on http://127.0.0.1:{port}", await log, StringComparison.Ordinal);
        Assert.DoesNotContain(key[^64..], await log + await errors, StringComparison.Ordinal);
    }

    private static async Task WaitUntilLiveAsync(HttpClient client, Process server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, "tandem serve exited before listening");
            try
            {
                using var response = await client.GetAsync("/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("tandem serve did not answer /health/live within two minutes");
    }

    private static void Stop(Process server)
    {
        if (server.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            server.Kill(entireProcessTree: true);
            return;
        }

        // SIGTERM, as a service manager stops it; the host shuts down cleanly and exits 0.
        using var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
