using System.CommandLine;

namespace Tandem.Cli;

/// <summary>Options every command understands: where the store is and who is asking.</summary>
internal static class CliOptions
{
    public static Option<string?> Database { get; } = new("--db")
    {
        Description = "SQLite store file (default: $TANDEM_DB or ~/.local/share/tandem/tandem.db)",
        Recursive = true,
    };

    public static Option<string?> User { get; } = new("--user")
    {
        Description = "Act as this user (default: $TANDEM_USER or the OS user)",
        Recursive = true,
    };

    public static Option<string?> Groups { get; } = new("--groups")
    {
        Description = "Comma-separated groups of the user (default: $TANDEM_GROUPS)",
        Recursive = true,
    };

    public static Option<string?> Access { get; } = new("--acl")
    {
        Description = "Who may read the documents: users and group:<name>, comma-separated (default: only you; only a document's owner or an admin may change it)",
    };

    /// <summary>A new <c>--price-book</c> option (options cannot be shared between commands).</summary>
    public static Option<string?> PriceBookFile() => new("--price-book") { Description = "Price book YAML replacing the built-in one" };

    /// <summary>The price book a <c>--price-book</c> option names, or the built-in one.</summary>
    public static Economics.PriceBook LoadPriceBook(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } path ? Economics.PriceBook.Load(path) : Economics.PriceBook.Default();

    /// <summary>The local analyst file a command was given: its <c>--model-file</c>, else <c>$TANDEM_MODEL</c>; null for the registry's champion.</summary>
    public static string? ModelFile(ParseResult parse) =>
        parse.GetValue<string?>("--model-file") ?? Environment.GetEnvironmentVariable("TANDEM_MODEL");

    public static Option<string> Format(params string[] formats) => OneOf(new Option<string>("--format", "-f")
    {
        Description = "Output format: " + string.Join(", ", formats),
        DefaultValueFactory = _ => formats[0],
    }, formats);

    /// <summary>
    /// Restricts <paramref name="option"/> to <paramref name="values"/>, shown in this order in its
    /// help and in the error for any other value ("--format must be one of text|json").
    /// </summary>
    public static Option<string> OneOf(Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        option.HelpName = string.Join("|", values);
        return option;
    }
}
