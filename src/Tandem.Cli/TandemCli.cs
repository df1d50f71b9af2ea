using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Spectre.Console;
using Tandem.Cli.Commands;

namespace Tandem.Cli;

/// <summary>
/// The <c>tandem</c> command line. Commands stay thin: they parse options, call the library and
/// render. User errors (<see cref="TandemException"/>) print one line and exit 1; anything else
/// prints one line and exits 70 (set TANDEM_DEBUG=1 for the stack trace).
/// </summary>
public sealed class TandemCli
{
    public const int UserError = 1;
    public const int InternalError = 70;
    public const int Cancelled = 130;

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly bool _interactive;
    private readonly Lazy<IAnsiConsole> _console;
    private readonly int _width;

    public TandemCli(TextWriter output, TextWriter error, bool interactive = false, int? width = null)
    {
        _output = output;
        _error = error;
        _interactive = interactive;
        var colours = interactive && !Console.IsOutputRedirected;
        _console = new Lazy<IAnsiConsole>(() => CliConsole.Create(output, colours, colours ? width : width ?? 120));
        _width = width ?? (colours ? TerminalWidth() : 120);
    }

    /// <summary>The terminal's width in columns, or 80 when it does not say.</summary>
    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var columns ? columns : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <summary>Parses and runs one command line.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        // Not RootCommand: it names itself after the executable ("Tandem.Cli" under dotnet run).
        var root = new Command("tandem", "Tandem: contract risk review with retrieval and a trained analyst, offline by default.")
        {
            new HelpOption(), new VersionOption(), CliOptions.Database, CliOptions.User, CliOptions.Groups,
            IngestCommands.Ingest(Run), IngestCommands.Sync(Run), IngestCommands.Documents(Run),
            SearchCommand.Create(Run), AnalyzeCommand.Create(Run), ReviewBatchCommand.Create(Run), ClausesCommand.Create(Run), TrainCommand.Create(Run),
            RoiCommand.Create(Run), AdviseCommand.Create(Run), EvalCommand.Create(Run), ModelsCommand.Create(Run), UsageCommand.Create(Run), AskCommand.Create(Run), RetrainCommand.Create(Run), DatasetCommand.Create(Run), ExamplesCommand.Create(Run), FineTuneCommand.Create(Run), CorrectCommand.Create(Run),
            KeysCommand.Create(Run), ServeCommand.Create(Run), WorkerCommand.Create(Run),
        };
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // One line, as for every other user error, instead of the message and the whole help.
            await _error.WriteLineAsync("error: " + ParseErrorLine.Describe(parse));
            return UserError;
        }

        if (parse.CommandResult.Command.Name == "analyze")
        {
            AnalyzeCommand.Preload(parse);
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }

    /// <summary>Wraps a command body: builds its context and turns exceptions into one-line errors.</summary>
    private Func<ParseResult, CancellationToken, Task<int>> Run(Func<CliContext, ParseResult, CancellationToken, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            CliContext? context = null;
            try
            {
                context = new CliContext(parse, _output, _error, _console, _width, _interactive);
                return await body(context, parse, cancellationToken);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (context is not null && context.Database.Explain(ex) is TandemException explained)
            {
                await _error.WriteLineAsync("error: " + explained.ToUserMessage());
                return UserError;
            }
            catch (TandemException ex)
            {
                await _error.WriteLineAsync("error: " + ex.ToUserMessage());
                return UserError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _error.WriteLineAsync("cancelled");
                return Cancelled;
            }
            catch (Exception ex)
            {
                await _error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message} (this is a bug; rerun with TANDEM_DEBUG=1 for details)");
                if (Environment.GetEnvironmentVariable("TANDEM_DEBUG") == "1")
                {
                    await _error.WriteLineAsync(ex.ToString());
                }

                return InternalError;
            }
            finally
            {
                if (context is not null)
                {
                    await context.DisposeAsync();
                }
            }
        };
}
