using System.Text.RegularExpressions;

namespace Tandem.Documents;

/// <summary>
/// The mutable walk of <see cref="ClauseSegmenter"/>: the stack of open structural levels
/// (exhibit, article, section numbers, enumerations) and the clause currently being built.
/// </summary>
internal sealed partial class SegmentationState(string text)
{
    private readonly List<Level> _stack = [];
    private Unit? _open;
    private string? _currentHeading;
    private int _preambleParagraphs;

    public string Text { get; } = text;

    public List<Unit> Units { get; } = [];

    /// <summary>True once an article or numbered section has been seen (the body has begun).</summary>
    public bool SeenBody { get; private set; }

    public bool HasOpenUnit => _open is not null;

    /// <summary>True while a table of contents is being collected.</summary>
    public bool InTableOfContents => _open is { Kind: ClauseKind.TableOfContents };

    /// <summary>Resolves letter/roman ambiguity ("(i)" after "(h)" is a letter) from the open levels.</summary>
    public ClauseMarker Disambiguate(ClauseMarker marker)
    {
        if (marker.Type != MarkerType.Enumeration || marker.Label.Length != 1 ||
            marker.Style is not (EnumerationStyle.LowerRoman or EnumerationStyle.UpperRoman))
        {
            return marker;
        }

        var alpha = marker.Style == EnumerationStyle.LowerRoman ? EnumerationStyle.LowerAlpha : EnumerationStyle.UpperAlpha;
        var alphaLevel = _stack.LastOrDefault(l => l.Type == MarkerType.Enumeration && l.Style == alpha);
        var romanLevel = _stack.LastOrDefault(l => l.Type == MarkerType.Enumeration && l.Style == marker.Style);
        var alphaFollows = alphaLevel is not null &&
            ClauseMarker.ValueOf(alphaLevel.Label, alpha) + 1 == ClauseMarker.ValueOf(marker.Label, alpha);
        var romanFollows = romanLevel is not null &&
            ClauseMarker.ValueOf(romanLevel.Label, marker.Style) + 1 == ClauseMarker.ValueOf(marker.Label, marker.Style);
        if (romanFollows && !alphaFollows)
        {
            return marker;
        }

        // "(i)" opens a roman list unless it continues "(h)"; other lone letters are letters.
        var startsRoman = marker.Label is "i" or "I";
        return alphaFollows || !startsRoman ? marker with { Style = alpha } : marker;
    }

    public void OpenMarker(ClauseMarker marker, int start, string? heading)
    {
        CloseUnit();
        switch (marker.Type)
        {
            case MarkerType.Exhibit:
                _stack.Clear();
                break;
            case MarkerType.Article:
                _stack.RemoveAll(l => l.Type != MarkerType.Exhibit);
                break;
            case MarkerType.Decimal:
                while (_stack.Count > 0 && (_stack[^1].Type == MarkerType.Enumeration ||
                                            (_stack[^1].Type == MarkerType.Decimal && _stack[^1].Depth >= marker.Depth)))
                {
                    _stack.RemoveAt(_stack.Count - 1);
                }

                break;
            default:
                var same = _stack.FindLastIndex(l => l.Type == MarkerType.Enumeration && l.Style == marker.Style);
                if (same >= 0)
                {
                    _stack.RemoveRange(same, _stack.Count - same);
                }

                break;
        }

        if (marker.Type is MarkerType.Article or MarkerType.Exhibit)
        {
            _currentHeading = null;
        }

        SeenBody |= marker.Type is MarkerType.Article or MarkerType.Decimal;
        _stack.Add(new Level(marker.Type, marker.Label, marker.Depth, marker.Style, heading));
        var kind = marker.Type switch
        {
            MarkerType.Exhibit => ClauseKind.Exhibit,
            MarkerType.Article => ClauseKind.Article,
            MarkerType.Decimal => ClauseKind.Section,
            _ => ClauseKind.Subclause,
        };
        _open = new Unit(start, start, ContextPath(), heading ?? InheritedHeading(), kind);
    }

    public void OpenHeading(int start, string heading)
    {
        CloseUnit();
        // "PARTIES (1) ... (2) ..." then "BACKGROUND": a heading before the body ends the preamble's list, so the
        // recitals that follow are "(A)", not items of party (2).
        if (!SeenBody && _stack.All(l => l.Type == MarkerType.Enumeration))
        {
            _stack.Clear();
        }

        _currentHeading = heading.TrimEnd(':', '.').Trim();
        _open = new Unit(start, start, NextParagraphPath(), _currentHeading, ClauseKind.Heading);
    }

    public void OpenParagraph(int start)
    {
        var kind = _stack.Count == 0 ? ClauseKind.Preamble : ClauseKind.Paragraph;
        _open = new Unit(start, start, NextParagraphPath(), InheritedHeading(), kind);
    }

    public void AddTableOfContents(int start, int end)
    {
        if (_open is { Kind: ClauseKind.TableOfContents })
        {
            _open.End = end;
            return;
        }

        CloseUnit();
        _open = new Unit(start, end, "Contents", "Table of Contents", ClauseKind.TableOfContents);
    }

    public void ExtendUnit(int end)
    {
        if (_open is not null)
        {
            _open.End = end;
        }
    }

    /// <summary>Cuts the open clause at inline enumeration markers: each item becomes a sub-clause.</summary>
    public void SplitCurrentUnitAt(int lineStart, IReadOnlyList<(int Offset, string Label)> items, EnumerationStyle style)
    {
        if (_open is null)
        {
            return;
        }

        var lineEnd = _open.End;
        _open.End = TrimEnd(items[0].Offset);
        var parent = _open;
        CloseUnit();
        var depth = _stack.Count;
        for (var i = 0; i < items.Count; i++)
        {
            _stack.RemoveRange(depth, _stack.Count - depth);
            _stack.Add(new Level(MarkerType.Enumeration, items[i].Label, 0, style, null));
            var end = i + 1 < items.Count ? TrimEnd(items[i + 1].Offset) : lineEnd;
            Units.Add(new Unit(items[i].Offset, end, ContextPath(), parent.Heading, ClauseKind.Subclause));
        }

        // Inline items end with their line; the next paragraph continues the parent.
        _stack.RemoveRange(depth, _stack.Count - depth);
    }

    public void CloseUnit()
    {
        if (_open is null)
        {
            return;
        }

        if (_open.End > _open.Start)
        {
            if (_open.Kind is ClauseKind.Paragraph or ClauseKind.Section or ClauseKind.Subclause &&
                DefinitionStartRegex().IsMatch(Text.AsSpan(_open.Start, Math.Min(160, _open.End - _open.Start))))
            {
                _open.Kind = ClauseKind.Definition;
            }

            Units.Add(_open);
        }

        _open = null;
    }

    private int TrimEnd(int end)
    {
        while (end > 0 && char.IsWhiteSpace(Text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private string NextParagraphPath()
    {
        if (_stack.Count == 0)
        {
            return $"¶{++_preambleParagraphs}";
        }

        var level = _stack[^1];
        level.Paragraphs++;
        return $"{ContextPath()} ¶{level.Paragraphs}";
    }

    private string? InheritedHeading() =>
        _stack.LastOrDefault(l => l.Heading is not null)?.Heading ?? _currentHeading;

    private string ContextPath()
    {
        var exhibit = _stack.FirstOrDefault(l => l.Type == MarkerType.Exhibit);
        var core = _stack.LastOrDefault(l => l.Type == MarkerType.Decimal)?.Label
                   ?? _stack.LastOrDefault(l => l.Type == MarkerType.Article)?.Label
                   ?? string.Empty;
        foreach (var level in _stack)
        {
            if (level.Type == MarkerType.Enumeration)
            {
                core += $"({level.Label})";
            }
        }

        if (exhibit is null)
        {
            return core;
        }

        return core.Length == 0 ? exhibit.Label : $"{exhibit.Label}/{core}";
    }

    [GeneratedRegex(@"^(?:\S{1,12}\s+)?(?:[A-Z][\w ]{0,40}\.\s+)?[""“][A-Z][^""“”\n]{0,60}[""”]\s*(?:\([^)\n]{0,40}\)\s*)?(?:,\s*)?(?:shall\s+)?(?:means?|has the meaning|shall have the meaning|refers? to)\b")]
    private static partial Regex DefinitionStartRegex();

    /// <summary>One open structural level.</summary>
    private sealed class Level(MarkerType type, string label, int depth, EnumerationStyle style, string? heading)
    {
        public MarkerType Type { get; } = type;
        public string Label { get; } = label;
        public int Depth { get; } = depth;
        public EnumerationStyle Style { get; } = style;
        public string? Heading { get; } = heading;
        public int Paragraphs { get; set; } = 1;
    }

    /// <summary>A clause under construction.</summary>
    internal sealed class Unit(int start, int end, string path, string? heading, ClauseKind kind)
    {
        public int Start { get; } = start;
        public int End { get; set; } = end;
        public string Path { get; } = path;
        public string? Heading { get; } = heading;
        public ClauseKind Kind { get; set; } = kind;
    }
}
