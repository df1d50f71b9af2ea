using System.CommandLine;
using Spectre.Console;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Store;

namespace Tandem.Cli;

/// <summary>What a command needs, built from the global options: the caller, the store, the consoles.</summary>
internal sealed class CliContext
{
    public CliContext(ParseResult parse, TextWriter output, TextWriter error, IAnsiConsole console, bool interactive)
    {
        Output = output;
        Error = error;
        Console = console;
        Interactive = interactive;
        Caller = ResolvePrincipal(parse.GetValue(CliOptions.User), parse.GetValue(CliOptions.Groups));
        DatabasePath = parse.GetValue(CliOptions.Database) ?? SqliteStoreOptions.DefaultDatabasePath();
        Store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = DatabasePath });
        Readers = DocumentReaders.CreateDefault(DocumentLimits.FromEnvironment());
        Ingestor = new DocumentIngestor(Store, Readers, new ClauseSegmenter());
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Renders tables to <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>True when a person watches stderr: progress is drawn there.</summary>
    public bool Interactive { get; }

    public Principal Caller { get; }

    public string DatabasePath { get; }

    public IDocumentStore Store { get; }

    public DocumentReaders Readers { get; }

    public DocumentIngestor Ingestor { get; }

    public AccessList? ParseAccess(string? spec) => spec is null ? null : AccessList.Parse(spec, Caller);

    /// <summary>Runs <paramref name="work"/> under a spinner on stderr when interactive.</summary>
    public async Task<T> WithStatusAsync<T>(string status, Func<Action<string>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(_ => { });
        }

        var errorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
        return await errorConsole.Status().StartAsync(status, ctx => work(s => ctx.Status(Markup.Escape(s))));
    }

    private static Principal ResolvePrincipal(string? user, string? groups)
    {
        user ??= Environment.GetEnvironmentVariable("TANDEM_USER");
        if (string.IsNullOrWhiteSpace(user))
        {
            user = Environment.UserName;
        }

        groups ??= Environment.GetEnvironmentVariable("TANDEM_GROUPS");
        return new Principal(user, (groups ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
