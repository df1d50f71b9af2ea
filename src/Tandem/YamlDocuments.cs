using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tandem;

/// <summary>Reads snake_case YAML into a shape, turning syntax errors and unknown keys into one-line user errors.</summary>
internal static partial class YamlDocuments
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).WithDuplicateKeyChecking().Build();

    /// <summary>The document, or null when it is empty. <paramref name="what"/> names it in errors ("playbook p.yaml").</summary>
    public static T? Deserialize<T>(string yaml, string what, string hint)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml);
        }
        catch (YamlException deserializing)
        {
            // The deserializer can meet a wrong shape before a syntax error further on ("name: [a"); the syntax comes first.
            var ex = SyntaxError(yaml) ?? deserializing;
            var at = $"line {ex.Start.Line}, column {ex.Start.Column}";
            var problem = ex == deserializing ? Describe(ex, yaml) : null;
            throw new TandemException(problem is null ? $"{what} is not valid YAML at {at} ({Message(ex)})" : $"{what}, {at}: {problem}", hint, ex);
        }
    }

    /// <summary>
    /// A YamlDotNet error in the user's words. Its messages name our .NET types
    /// ("on type 'Tandem.Analysis.PlaybookLoader+RuleFile'"), which mean nothing to the person who wrote the file.
    /// Null for a syntax error, whose message is already about the text.
    /// </summary>
    private static string? Describe(YamlException ex, string yaml)
    {
        var message = Message(ex);
        if (UnknownKey().Match(message) is { Success: true } key)
        {
            return $"unknown key '{key.Groups[1].Value}'";
        }

        if (NotBoolean().Match(message) is { Success: true } value)
        {
            return $"expected true or false, not '{value.Groups[1].Value}'";
        }

        var target = WrongType().Match(message) is { Success: true } type ? type.Groups["type"].Value : null;
        if (target is null && ex.InnerException is not (FormatException or OverflowException or InvalidCastException))
        {
            return null;
        }

        var found = Text(yaml, ex.Start);
        var expected = target is null ? (ex.InnerException is InvalidCastException ? "another kind of value" : "a number") : Kind(target);
        return found.Length == 0 ? $"expected {expected} here" : $"expected {expected}, not '{found}'";
    }

    private static YamlException? SyntaxError(string yaml)
    {
        try
        {
            new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(yaml));
            return null;
        }
        catch (YamlException ex)
        {
            return ex;
        }
        catch (InvalidOperationException)
        {
            return null; // YamlDotNet's scanner fails this way on some broken flow scalars; the deserializer's error stands
        }
    }

    private static string Message(Exception ex) => (ex.InnerException ?? ex).Message.TrimEnd('.');

    /// <summary>The kind of value a .NET type stands for, in YAML's terms.</summary>
    private static string Kind(string type) => type switch
    {
        _ when type.StartsWith("System.String", StringComparison.Ordinal) => "text",
        _ when type.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when NumberType().IsMatch(type) => "a number",
        _ when type.Contains("List`1", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) => "a list (lines starting with '- ')",
        _ when type.Contains("Dictionary`2", StringComparison.Ordinal) || type.StartsWith("Tandem.", StringComparison.Ordinal) => "a mapping of keys (key: value)",
        _ => "another kind of value",
    };

    /// <summary>The rest of the line where the error starts, as the user wrote it.</summary>
    private static string Text(string yaml, Mark start)
    {
        var lines = yaml.Split('\n');
        if (start.Line < 1 || start.Line > lines.Length)
        {
            return string.Empty;
        }

        var line = lines[start.Line - 1].TrimEnd('\r');
        var text = start.Column >= 1 && start.Column <= line.Length ? line[(int)(start.Column - 1)..].Trim() : string.Empty;
        return text.Length > 60 ? text[..60] + "..." : text;
    }

    [GeneratedRegex(@"^Property '([^']+)' not found on type")]
    private static partial Regex UnknownKey();

    [GeneratedRegex(@"^The value ""(.*)"" is not a valid YAML Boolean")]
    private static partial Regex NotBoolean();

    [GeneratedRegex(@"(?:into type |to ')(?<type>[^,']+)")]
    private static partial Regex WrongType();

    [GeneratedRegex(@"^System\.(?:Nullable`1\[\[)?System\.(?:Int|UInt|Double|Single|Decimal|Byte)|^System\.(?:Int|UInt|Double|Single|Decimal|Byte)")]
    private static partial Regex NumberType();
}
