using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem worker --store "Host=..."</c>: a node that runs background jobs (batch reviews,
/// retraining, fine-tune polling, the schedule) from the shared PostgreSQL store and serves no
/// API. Like <c>serve</c>, the server's assemblies load only when it runs.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CommandRunner run)
    {
        var store = new Option<string?>("--store")
        {
            Description = "The PostgreSQL store the API nodes serve from: its connection string, e.g. \"Host=db;Database=tandem;Username=tandem\" (or Tandem:Store=postgres in settings)",
        };
        var command = new Command("worker", "Run background jobs from the shared PostgreSQL store, serving no API, until Ctrl-C") { store };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            await RunWorkerAsync(context.DatabasePath, context.Output, parse.GetValue(store), cancellationToken);
            return 0;
        }));
        return command;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task RunWorkerAsync(string databasePath, TextWriter output, string? postgres, CancellationToken cancellationToken) =>
        Server.WorkerHost.RunAsync(databasePath, output, postgres, cancellationToken);
}
