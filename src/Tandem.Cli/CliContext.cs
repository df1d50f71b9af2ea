using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Hosting;
using Tandem.Store;

namespace Tandem.Cli;

/// <summary>What a command needs, built from the global options: the caller, the store, the consoles.</summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly Lazy<IAnsiConsole> _console;

    public CliContext(ParseResult parse, TextWriter output, TextWriter error, Lazy<IAnsiConsole> console, int width, bool interactive)
    {
        Output = output;
        Error = error;
        _console = console;
        Width = width;
        Interactive = interactive;
        Caller = ResolvePrincipal(parse.GetValue(CliOptions.User), parse.GetValue(CliOptions.Groups));
        DatabasePath = parse.GetValue(CliOptions.Database) ?? SqliteStoreOptions.DefaultDatabasePath();
        // Singletons are built when a command first asks for one, so a command pays only for what it uses.
        Services = new ServiceCollection().AddTandem(TandemSettings.Load(SettingsFile(parse))).UseSqlite(DatabasePath).Services.BuildServiceProvider();
        Services.ValidateTandemOptions();
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Renders tables to <see cref="Output"/> (made on first use: a command that draws none does not pay for it).</summary>
    public IAnsiConsole Console => _console.Value;

    /// <summary>How wide <see cref="Output"/> is: the terminal's width, or 120 columns for a file or pipe.</summary>
    public int Width { get; }

    /// <summary>True when a person watches stderr: progress is drawn there.</summary>
    public bool Interactive { get; }

    public Principal Caller { get; }

    public string DatabasePath { get; }

    /// <summary>The library's services over this store, as every surface gets them.</summary>
    public ServiceProvider Services { get; }

    /// <summary>The store's file, for explaining a SQLite failure that reached the command.</summary>
    public SqliteDatabase Database => Get<SqliteDatabase>();

    /// <summary>The access policy (admins: the group <c>Tandem:Access:AdminGroup</c>, default "admin").</summary>
    public IAccessPolicy Access => Get<IAccessPolicy>();

    /// <summary>The usage ledger as the caller sees it: calls recorded as theirs, and only their own listed (admins: all).</summary>
    public Economics.IUsageLedger Ledger => Get<Economics.IUsageLedgers>().For(Caller);

    /// <summary>The stored reports, as readable as their documents.</summary>
    public Analysis.IReportStore Reports => Get<Analysis.IReportStore>();

    public IDocumentStore Store => Get<IDocumentStore>();

    public DocumentReaders Readers => Get<DocumentReaders>();

    public DocumentIngestor Ingestor => Get<DocumentIngestor>();

    /// <summary>A library service or store.</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An <c>--acl</c> value; the store adds the document's owner.</summary>
    public AccessList? ParseAccess(string? spec) => spec is null ? null : AccessList.Parse(spec);

    /// <summary>Runs short <paramref name="work"/> under a spinner on stderr when interactive; silent otherwise.</summary>
    public async Task<T> WithStatusAsync<T>(string status, Func<Action<string>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(_ => { });
        }

        return await ErrorConsole().Status().StartAsync(status, ctx => work(s => ctx.Status(Markup.Escape(s))));
    }

    /// <summary>
    /// Runs long <paramref name="work"/> showing its progress on stderr: bars when interactive,
    /// otherwise a line per stage, per tenth of a stage and at least every five seconds
    /// (see <see cref="ProgressLines"/>), each starting with <paramref name="title"/>.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<IProgress<WorkProgress>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(new ProgressLines(Error, title));
        }

        return await ErrorConsole().Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var bars = new ProgressBars(ctx);
                var result = await work(bars);
                bars.Finish();
                return result;
            });
    }

    private IAnsiConsole ErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });

    /// <summary>
    /// The command's <c>--settings</c> file, when it has one and it is given: the settings then come
    /// from it (and the environment) instead of the default files, for every service of the command.
    /// </summary>
    private static string? SettingsFile(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--settings") is Option<string?> settings ? parse.GetValue(settings) : null;

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();

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
