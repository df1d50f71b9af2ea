using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem serve</c>: the HTTP API on the same store as the CLI. The server's assemblies load
/// only when this command runs (<see cref="RunServerAsync"/> is never inlined), so the other
/// commands start as fast as before.
/// </summary>
internal static class ServeCommand
{
    private const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CommandRunner run)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ';'-separated (default: loopback only, " + DefaultUrls + "); API keys come from 'tandem keys create'",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var store = new Option<string?>("--store")
        {
            Description = "Serve from PostgreSQL instead of the SQLite file: its connection string, e.g. \"Host=db;Database=tandem;Username=tandem\"",
        };
        var noWorker = new Option<bool>("--no-worker")
        {
            Description = "Queue background jobs but run none here (PostgreSQL only): 'tandem worker' nodes run them",
        };
        var command = new Command("serve", "Serve the HTTP API (documents, keys; OpenAPI at /openapi/v1.json) until Ctrl-C") { urls, store, noWorker };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var value = parse.GetValue(urls)!;
            foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
                {
                    throw new TandemException($"invalid --urls entry '{url}'", "give addresses like http://127.0.0.1:5080, separated by ';'");
                }
            }

            await RunServerAsync(context.DatabasePath, value, context.Output, parse.GetValue(store), !parse.GetValue(noWorker), cancellationToken);
            return 0;
        }));
        return command;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task RunServerAsync(string databasePath, string urls, TextWriter output, string? postgres, bool worker, CancellationToken cancellationToken) =>
        Server.ServerHost.RunAsync(databasePath, urls, output, postgres, worker, cancellationToken);
}
