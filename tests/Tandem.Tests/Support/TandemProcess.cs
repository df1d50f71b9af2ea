using System.Diagnostics;

namespace Tandem.Tests.Support;

/// <summary>
/// Runs the built <c>tandem</c> as a separate process, as a new user would: an empty HOME of its
/// own, no <c>--db</c>, no TANDEM_* variables, in the repository root so the README's sample paths
/// work. <c>TANDEM_EXE</c> names an installed tool to run instead of the build output.
/// </summary>
public sealed class TandemProcess : IDisposable
{
    private static readonly string[] Inherited = ["PATH", "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES", "TMPDIR", "LANG", "LC_ALL"];

    public TandemProcess() => Directory.CreateDirectory(Home);

    /// <summary>The new user's home folder, deleted on dispose.</summary>
    public TempDirectory HomeDirectory { get; } = new();

    public string Home => HomeDirectory.Path;

    /// <summary>Where the store is created when no <c>--db</c> is given.</summary>
    public string DefaultDatabase => Path.Combine(Home, ".local", "share", "tandem", "tandem.db");

    /// <summary>Extra environment for every run (e.g. TANDEM_USER for a second user).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, TimeSpan.FromMinutes(3));

    public async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, TimeSpan timeout)
    {
        var start = StartInfo(args);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tandem {string.Join(' ', args)} ran past {timeout}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts a run without waiting (for kill -9 and concurrency tests).</summary>
    public Process Start(params string[] args) => Process.Start(StartInfo(args))!;

    public void Dispose() => HomeDirectory.Dispose();

    private ProcessStartInfo StartInfo(string[] args)
    {
        var (file, prefix) = Executable();
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["HOME"] = Home;
        start.Environment["USER"] = "newuser";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static (string File, string[] Prefix) Executable()
    {
        if (System.Environment.GetEnvironmentVariable("TANDEM_EXE") is { Length: > 0 } installed)
        {
            return (installed, []);
        }

        var dll = new[] { "tandem.dll", "Tandem.Cli.dll" }.Select(n => Path.Combine(AppContext.BaseDirectory, n)).First(File.Exists);
        return ("dotnet", [dll]);
    }
}
