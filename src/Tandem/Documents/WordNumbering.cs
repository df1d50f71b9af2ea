using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tandem.Documents;

/// <summary>
/// Word's automatic numbering: resolves a paragraph's numPr (or its style's) against the
/// numbering part, keeps one counter per (abstract numbering, level) and renders lvlText.
/// </summary>
internal sealed class WordNumbering
{
    private const int MaxLevels = 9;

    private readonly Dictionary<int, NumberingInstance> instances = [];
    private readonly Dictionary<int, AbstractNum> abstracts = [];
    private readonly Dictionary<string, Style> styles = new(StringComparer.Ordinal);
    private readonly string? defaultParagraphStyle;
    private readonly Dictionary<int, Counter> counters = [];
    private readonly HashSet<int> instancesSeen = [];

    public WordNumbering(Numbering? numbering, Styles? styleDefinitions)
    {
        foreach (var style in styleDefinitions?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                styles.TryAdd(id, style);
                if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true)
                {
                    defaultParagraphStyle = id;
                }
            }
        }

        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (instance.NumberID?.Value is { } id)
            {
                instances.TryAdd(id, instance);
            }
        }

        foreach (var definition in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (definition.AbstractNumberId?.Value is { } id)
            {
                abstracts.TryAdd(id, definition);
            }
        }
    }

    /// <summary>Advances the paragraph's list counter and returns its label with separator, or null.</summary>
    public string? NextLabel(Paragraph paragraph)
    {
        if (!TryResolve(paragraph, out var instanceId, out var level))
        {
            return null;
        }

        var instance = instances[instanceId];
        if (!TryGetAbstract(instance, out var abstractId, out var definition))
        {
            return null;
        }

        if (!counters.TryGetValue(abstractId, out var counter))
        {
            counters[abstractId] = counter = new Counter();
        }

        // A list instance with start overrides restarts those levels the first time it is used.
        if (instancesSeen.Add(instanceId))
        {
            foreach (var levelOverride in instance.Elements<LevelOverride>())
            {
                if (levelOverride.StartOverrideNumberingValue is not null && levelOverride.LevelIndex?.Value is { } index and >= 0 and < MaxLevels)
                {
                    counter.Started[index] = false;
                }
            }
        }

        if (counter.Started[level])
        {
            counter.Values[level]++;
        }
        else
        {
            counter.Values[level] = StartOf(instance, definition, level);
            counter.Started[level] = true;
        }

        for (var deeper = level + 1; deeper < MaxLevels; deeper++)
        {
            var restartAfter = LevelOf(instance, definition, deeper)?.LevelRestart?.Val?.Value;
            if (restartAfter is null || level < restartAfter)
            {
                counter.Started[deeper] = false;
            }
        }

        var levelDefinition = LevelOf(instance, definition, level);
        var template = levelDefinition?.LevelText?.Val?.Value;
        var format = FormatOf(levelDefinition);
        if (template is null || format == "bullet")
        {
            return null;
        }

        var legal = levelDefinition?.IsLegalNumberingStyle is { } isLegal && (isLegal.Val is null || isLegal.Val.Value);
        var label = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var referenced = template[++i] - '1';
                var value = counter.Started[referenced] ? counter.Values[referenced] : StartOf(instance, definition, referenced);
                var referencedFormat = legal ? "decimal" : FormatOf(LevelOf(instance, definition, referenced));
                label.Append(FormatNumber(value, referencedFormat));
            }
            else
            {
                label.Append(template[i]);
            }
        }

        if (label.Length == 0)
        {
            return null;
        }

        var suffix = levelDefinition?.LevelSuffix?.Val?.InnerText;
        return suffix == "nothing" ? label.ToString() : label.Append(' ').ToString();
    }

    private bool TryResolve(Paragraph paragraph, out int instanceId, out int level)
    {
        var properties = paragraph.ParagraphProperties;
        int? id = properties?.NumberingProperties?.NumberingId?.Val?.Value;
        int? levelIndex = properties?.NumberingProperties?.NumberingLevelReference?.Val?.Value;
        var styleId = properties?.ParagraphStyleId?.Val?.Value ?? defaultParagraphStyle;
        string? numberingStyle = null;

        // Follow the style chain (basedOn) for a numPr the paragraph does not set itself.
        var style = styleId is null ? null : styles.GetValueOrDefault(styleId);
        for (var depth = 0; id is null && style is not null && depth < 16; depth++)
        {
            var styleNumbering = style.StyleParagraphProperties?.NumberingProperties;
            if (styleNumbering?.NumberingId?.Val?.Value is { } styleNumberingId)
            {
                id = styleNumberingId;
                levelIndex ??= styleNumbering.NumberingLevelReference?.Val?.Value;
                numberingStyle = style.StyleId?.Value;
            }

            style = style.BasedOn?.Val?.Value is { } basedOn ? styles.GetValueOrDefault(basedOn) : null;
        }

        instanceId = id ?? 0;
        level = 0;

        // numId 0 explicitly switches numbering off.
        if (id is null or 0 || !instances.ContainsKey(instanceId))
        {
            return false;
        }

        if (levelIndex is null && numberingStyle is not null && TryGetAbstract(instances[instanceId], out _, out var definition))
        {
            // A style-linked level names its style in w:pStyle.
            levelIndex = definition.Elements<Level>()
                .FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == numberingStyle)?.LevelIndex?.Value;
        }

        level = Math.Clamp(levelIndex ?? 0, 0, MaxLevels - 1);
        return true;
    }

    private bool TryGetAbstract(NumberingInstance instance, out int abstractId, out AbstractNum definition)
    {
        abstractId = instance.AbstractNumId?.Val?.Value ?? -1;
        if (!abstracts.TryGetValue(abstractId, out definition!))
        {
            return false;
        }

        // numStyleLink: the definition only points at a numbering style that holds the real list.
        if (definition.NumberingStyleLink?.Val?.Value is { } link
            && styles.GetValueOrDefault(link)?.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is { } linkedId
            && instances.GetValueOrDefault(linkedId)?.AbstractNumId?.Val?.Value is { } linkedAbstractId
            && abstracts.TryGetValue(linkedAbstractId, out var linked))
        {
            abstractId = linkedAbstractId;
            definition = linked;
        }

        return true;
    }

    private static Level? LevelOf(NumberingInstance instance, AbstractNum definition, int level)
    {
        var overridden = instance.Elements<LevelOverride>()
            .FirstOrDefault(o => o.LevelIndex?.Value == level)?.Level;
        return overridden ?? definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
    }

    private static int StartOf(NumberingInstance instance, AbstractNum definition, int level)
    {
        var startOverride = instance.Elements<LevelOverride>()
            .FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;
        return startOverride ?? LevelOf(instance, definition, level)?.StartNumberingValue?.Val?.Value ?? 0;
    }

    private static string FormatOf(Level? level) => level?.NumberingFormat?.Val?.InnerText ?? "decimal";

    private static string FormatNumber(int value, string format) => format switch
    {
        "lowerLetter" => HtmlReader.FormatListNumber(value, 'a'),
        "upperLetter" => HtmlReader.FormatListNumber(value, 'A'),
        "lowerRoman" => HtmlReader.FormatListNumber(value, 'i'),
        "upperRoman" => HtmlReader.FormatListNumber(value, 'I'),
        "decimalZero" => value is >= 0 and < 10 ? "0" + HtmlReader.FormatListNumber(value, '1') : HtmlReader.FormatListNumber(value, '1'),
        "ordinal" => HtmlReader.FormatListNumber(value, '1') + OrdinalSuffix(value),
        "none" or "bullet" => string.Empty,
        _ => HtmlReader.FormatListNumber(value, '1'),
    };

    private static string OrdinalSuffix(int value) => (value % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };

    private sealed class Counter
    {
        public int[] Values { get; } = new int[MaxLevels];

        public bool[] Started { get; } = new bool[MaxLevels];
    }
}
