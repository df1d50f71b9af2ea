using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tandem.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into the one line every Tandem error is:
/// <c>what is wrong; run 'tandem &lt;command&gt; --help' for usage</c>. Built from the parse tree,
/// not from the library's messages, which name .NET types and are translated.
/// </summary>
internal static class ParseErrorLine
{
    private const string AnyValue = "a value";

    /// <summary>The error line (without the leading "error: ") for a parse that failed.</summary>
    public static string Describe(ParseResult parse)
    {
        var path = CommandPath(parse.CommandResult);
        return $"{Problem(parse, path)}; run '{path} --help' for usage";
    }

    private static string Problem(ParseResult parse, string path)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            if (token.StartsWith('-'))
            {
                return $"'{path}' has no option {token}" + DidYouMean(token, OptionNames(parse.CommandResult));
            }

            return command.Subcommands.Count > 0 && parse.CommandResult.Tokens.Count == 0
                ? $"'{path}' has no command '{token}'; its commands are {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
                : $"unexpected argument '{token}' ('{path}' takes {Arguments(command)})";
        }

        // Everything missing at once, so one run tells the whole story.
        var missing = parse.Errors.Select(e => e.SymbolResult switch
        {
            ArgumentResult { Parent: CommandResult } a when a.Tokens.Count == 0 => $"<{a.Argument.Name}> ({Lower(a.Argument.Description)})",
            OptionResult { IdentifierToken: null } o => $"{o.Option.Name} <{ValueName(o.Option)}> ({Lower(o.Option.Description)})",
            _ => null,
        }).OfType<string>().Distinct().OrderBy(m => m.StartsWith('<') ? 0 : 1).ToList();
        if (missing.Count > 0)
        {
            return $"'{path}' needs {string.Join(" and ", missing)}";
        }

        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option:
                    return Value(option.Option.Name, option.Option.ValueType, option.Option.HelpName, option.Option.Arity, option.Tokens);
                case ArgumentResult { Parent: OptionResult option }:
                    return Value(option.Option.Name, option.Option.ValueType, option.Option.HelpName, option.Option.Arity, option.Tokens);
                case ArgumentResult argument:
                    return Value($"<{argument.Argument.Name}>", argument.Argument.ValueType, argument.Argument.HelpName, argument.Argument.Arity, argument.Tokens);
                case CommandResult { Command.Subcommands.Count: > 0 } group when group.Command.Action is null:
                    return group.Parent is null
                        ? "no command given"
                        : $"'{path}' needs one of its commands: {string.Join(", ", group.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
            }
        }

        // A validator's own message: ours say what is wrong in words already.
        return parse.Errors[0].Message.TrimEnd('.');
    }

    /// <summary>What is wrong with the value(s) given to an option or argument.</summary>
    private static string Value(string name, Type type, string? helpName, ArgumentArity arity, IReadOnlyList<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            // A free-form value (a path, a name) has nothing more to say than that it is missing.
            var expected = Expected(type, helpName);
            return expected == AnyValue ? $"{name} needs a value" : $"{name} needs a value: {expected}";
        }

        if (tokens.Count > arity.MaximumNumberOfValues)
        {
            return $"{name} takes one value, and was given {tokens.Count}: {string.Join(", ", tokens.Select(t => $"'{t.Value}'"))}";
        }

        var given = string.Join(" ", tokens.Select(t => t.Value));
        return $"{name} must be {Expected(type, helpName)}, not '{given}'";
    }

    /// <summary>The values an option takes, in words: its listed choices, or its type's.</summary>
    private static string Expected(Type type, string? helpName)
    {
        if (helpName is not null && helpName.Contains('|', StringComparison.Ordinal))
        {
            return "one of " + helpName;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number, e.g. 0.5",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ when type.IsEnum => "one of " + string.Join("|", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ => AnyValue,
        };
    }

    private static string ValueName(Option option) => option.HelpName ?? option.Name.TrimStart('-');

    private static string Arguments(Command command) =>
        command.Arguments.Count == 0 ? "no arguments" : string.Join(" ", command.Arguments.Select(a => $"<{a.Name}>"));

    private static string Lower(string? description) =>
        string.IsNullOrEmpty(description) ? "required" : char.ToLowerInvariant(description[0]) + description[1..];

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is CommandResult c)
            {
                names.Insert(0, c.Command.Name);
            }
        }

        return string.Join(" ", names);
    }

    /// <summary>The options valid here: the command's own and the recursive ones of its parents.</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        for (SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is CommandResult c)
            {
                foreach (var option in c.Command.Options.Where(o => at == result || o.Recursive))
                {
                    yield return option.Name;
                    foreach (var alias in option.Aliases)
                    {
                        yield return alias;
                    }
                }
            }
        }
    }

    /// <summary>" (did you mean --limit?)" when one known name is within two edits of <paramref name="token"/>.</summary>
    private static string DidYouMean(string token, IEnumerable<string> names)
    {
        var near = names.Distinct().Select(n => (Name: n, Distance: Distance(token, n))).Where(n => n.Distance <= 2).OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        return near.Count == 0 ? string.Empty : $" (did you mean {near[0].Name}?)";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
