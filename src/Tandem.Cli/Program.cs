using Tandem.Cli;

using var trace = StartupTrace.StartIfAsked(Console.Error);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await new TandemCli(Console.Out, Console.Error, interactive: !Console.IsErrorRedirected)
    .RunAsync(args, cancellation.Token);
