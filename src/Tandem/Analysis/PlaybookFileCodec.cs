using static Tandem.Analysis.PlaybookLoader;

namespace Tandem.Analysis;

/// <summary>
/// The YAML shapes of a playbook in a compact binary form, for <see cref="PlaybookCache"/>: every field in
/// declaration order, each nullable value behind a flag. A test round-trips every field, so a field added to a
/// shape and not here fails it.
/// </summary>
internal static class PlaybookFileCodec
{
    public static void Write(BinaryWriter writer, PlaybookFile file)
    {
        Text(writer, file.Name);
        Text(writer, file.Version);
        Text(writer, file.Description);
        Text(writer, file.Extends);
        List(writer, file.Rules, Rule);
    }

    public static PlaybookFile Read(BinaryReader reader) => new()
    {
        Name = Text(reader),
        Version = Text(reader),
        Description = Text(reader),
        Extends = Text(reader),
        Rules = List(reader, Rule),
    };

    private static void Rule(BinaryWriter writer, RuleFile rule)
    {
        Text(writer, rule.Category);
        Flag(writer, rule.Remove);
        Flag(writer, rule.Expected);
        List(writer, rule.ExpectedFor, Text);
        List(writer, rule.ExpectedExcept, Text);
        Text(writer, rule.ExpectedWhen);
        List(writer, rule.ExpectedAlso, Expectation);
        Text(writer, rule.Detect);
        Flag(writer, rule.DetectReadsDefinitions);
        Text(writer, rule.DetectWithDefinitions);
        List(writer, rule.PresentWhen, Text);
        Text(writer, rule.PresentPattern);
        Text(writer, rule.StandardPosition);
        Text(writer, rule.Fallback);
        Text(writer, rule.Severity);
        Text(writer, rule.Rationale);
        Text(writer, rule.MissingSeverity);
        Text(writer, rule.MissingRationale);
        List(writer, rule.Deviations, Deviation);
    }

    private static RuleFile Rule(BinaryReader reader) => new()
    {
        Category = Text(reader),
        Remove = Flag(reader),
        Expected = Flag(reader),
        ExpectedFor = List(reader, Item),
        ExpectedExcept = List(reader, Item),
        ExpectedWhen = Text(reader),
        ExpectedAlso = List(reader, Expectation),
        Detect = Text(reader),
        DetectReadsDefinitions = Flag(reader),
        DetectWithDefinitions = Text(reader),
        PresentWhen = List(reader, Item),
        PresentPattern = Text(reader),
        StandardPosition = Text(reader),
        Fallback = Text(reader),
        Severity = Text(reader),
        Rationale = Text(reader),
        MissingSeverity = Text(reader),
        MissingRationale = Text(reader),
        Deviations = List(reader, Deviation),
    };

    private static void Expectation(BinaryWriter writer, ExpectationFile expectation)
    {
        List(writer, expectation.For, Text);
        Text(writer, expectation.When);
    }

    private static ExpectationFile Expectation(BinaryReader reader) => new() { For = List(reader, Item), When = Text(reader) };

    private static void Deviation(BinaryWriter writer, DeviationFile d)
    {
        Text(writer, d.Name);
        Flag(writer, d.Remove);
        List(writer, d.When, Text);
        List(writer, d.Roles, Text);
        Text(writer, d.Measure);
        Number(writer, d.Below);
        Number(writer, d.Above);
        Text(writer, d.Pattern);
        Text(writer, d.AbsentPattern);
        Text(writer, d.ContractAbsentPattern);
        Text(writer, d.ContractPattern);
        Flag(writer, d.LiftsLimit);
        Flag(writer, d.Absence);
        Flag(writer, d.ReadDefinitions);
        Flag(writer, d.ReadReferences);
        Text(writer, d.Severity);
        Text(writer, d.Rationale);
    }

    private static DeviationFile Deviation(BinaryReader reader) => new()
    {
        Name = Text(reader),
        Remove = Flag(reader),
        When = List(reader, Item),
        Roles = List(reader, Item),
        Measure = Text(reader),
        Below = Number(reader),
        Above = Number(reader),
        Pattern = Text(reader),
        AbsentPattern = Text(reader),
        ContractAbsentPattern = Text(reader),
        ContractPattern = Text(reader),
        LiftsLimit = Flag(reader),
        Absence = Flag(reader),
        ReadDefinitions = Flag(reader),
        ReadReferences = Flag(reader),
        Severity = Text(reader),
        Rationale = Text(reader),
    };

    private static void Text(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? Text(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    /// <summary>An item of a list of strings, written as <see cref="Text(BinaryWriter, string?)"/>: YAML reads an empty item as null, and so does this.</summary>
    private static string Item(BinaryReader reader) => Text(reader)!;

    private static void Flag(BinaryWriter writer, bool? value) => writer.Write((byte)(value switch { null => 0, false => 1, true => 2 }));

    private static bool? Flag(BinaryReader reader) => reader.ReadByte() switch
    {
        0 => null,
        1 => false,
        2 => true,
        var other => throw new InvalidDataException($"flag {other}"),
    };

    private static void Number(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        if (value is { } number)
        {
            writer.Write(number);
        }
    }

    private static double? Number(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDouble() : null;

    private static void List<T>(BinaryWriter writer, List<T>? items, Action<BinaryWriter, T> write)
    {
        writer.Write(items?.Count ?? -1);
        foreach (var item in items ?? [])
        {
            write(writer, item);
        }
    }

    private static List<T>? List<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        if (count < -1 || count > reader.BaseStream.Length)
        {
            throw new InvalidDataException($"list of {count}");
        }

        if (count == -1)
        {
            return null;
        }

        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read(reader));
        }

        return items;
    }
}
