using Tandem.Cli;

namespace Tandem.Tests.Support;

/// <summary>Runs the real <c>tandem</c> command line in-process against a temp store, as <paramref name="user"/> in <paramref name="groups"/> (comma-separated) when given.</summary>
public sealed class CliRunner(string databasePath, string user = "alice", string? groups = null)
{
    public string DatabasePath { get; } = databasePath;

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new TandemCli(output, error, interactive: false, width: 120)
            .RunAsync([.. args, "--db", DatabasePath, "--user", user, .. groups is null ? Array.Empty<string>() : ["--groups", groups]]);
        return (exit, output.ToString(), error.ToString());
    }
}
