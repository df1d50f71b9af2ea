using Tandem.Cli;

namespace Tandem.Tests.Support;

/// <summary>Runs the real <c>tandem</c> command line in-process against a temp store.</summary>
public sealed class CliRunner(string databasePath, string user = "alice")
{
    public string DatabasePath { get; } = databasePath;

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new TandemCli(output, error, interactive: false, width: 120)
            .RunAsync([.. args, "--db", DatabasePath, "--user", user]);
        return (exit, output.ToString(), error.ToString());
    }
}
