using System.Text.RegularExpressions;

namespace Tandem.Documents;

/// <summary>The structural marker at the start of a line: "ARTICLE V", "12.3", "(b)", "EXHIBIT A".</summary>
internal sealed partial record ClauseMarker(MarkerType Type, string Label, int Depth, EnumerationStyle Style, int ContentOffset)
{
    /// <summary>Parses the marker that opens <paramref name="line"/>, or returns null.</summary>
    public static ClauseMarker? Parse(string line)
    {
        var m = ArticleRegex().Match(line);
        if (m.Success)
        {
            return new ClauseMarker(MarkerType.Article, "Article " + m.Groups["n"].Value, 0, EnumerationStyle.None, m.Groups["rest"].Index);
        }

        m = SectionWordRegex().Match(line);
        if (m.Success)
        {
            return Decimal(m);
        }

        // "Clause 4 Price": the word is a clause's label only with a title or nothing after it; "Clause 12 shall survive" is a sentence.
        m = ClauseWordRegex().Match(line);
        if (m.Success && (m.Groups["rest"].Length == 0 || ClauseSegmenter.IsSentenceCaseHeading(m.Groups["rest"].Value.Trim())))
        {
            return Decimal(m);
        }

        m = DecimalRegex().Match(line);
        if (m.Success)
        {
            return Decimal(m);
        }

        m = ParenRegex().Match(line);
        if (!m.Success)
        {
            m = DottedLetterRegex().Match(line);
        }

        if (m.Success)
        {
            var value = m.Groups["v"].Value;
            return new ClauseMarker(MarkerType.Enumeration, value, 0, StyleOf(value), m.Groups["rest"].Index);
        }

        return null;
    }

    /// <summary>Parses an exhibit/schedule title line ("EXHIBIT A – SERVICE LEVELS").</summary>
    public static ClauseMarker? ParseExhibit(string line)
    {
        if (line.Length > 120)
        {
            return null;
        }

        var m = ExhibitRegex().Match(line);
        if (!m.Success)
        {
            // A contract with one schedule may head it "SCHEDULE" or "THE SCHEDULE", with no number.
            return BareExhibitRegex().Match(line) is { Success: true } bare
                ? new ClauseMarker(MarkerType.Exhibit, ExhibitWord(bare), 0, EnumerationStyle.None, bare.Groups["rest"].Success ? bare.Groups["rest"].Index : line.Length)
                : null;
        }

        return new ClauseMarker(MarkerType.Exhibit, ExhibitWord(m) + " " + m.Groups["n"].Value, 0, EnumerationStyle.None, m.Groups["rest"].Index);
    }

    /// <summary>"SCHEDULE" or "Schedule" as a label's word: "Schedule".</summary>
    private static string ExhibitWord(Match m)
    {
        var word = m.Groups["w"].Value;
        return char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();
    }

    /// <summary>The most likely style of an enumeration value on its own; context refines i/v/x.</summary>
    public static EnumerationStyle StyleOf(string value)
    {
        if (char.IsDigit(value[0]))
        {
            return EnumerationStyle.Digit;
        }

        var lower = char.IsLower(value[0]);
        if (RomanRegex().IsMatch(value.ToLowerInvariant()))
        {
            return lower ? EnumerationStyle.LowerRoman : EnumerationStyle.UpperRoman;
        }

        return lower ? EnumerationStyle.LowerAlpha : EnumerationStyle.UpperAlpha;
    }

    /// <summary>The numeric value of an enumeration label in a style (a=1, ii=2, 3=3).</summary>
    public static int ValueOf(string label, EnumerationStyle style)
    {
        switch (style)
        {
            case EnumerationStyle.Digit:
                return int.TryParse(label, out var n) ? n : 0;
            case EnumerationStyle.LowerRoman or EnumerationStyle.UpperRoman:
                return RomanValue(label.ToLowerInvariant());
            default:
                // "aa" style counts past z.
                var v = char.ToLowerInvariant(label[0]) - 'a' + 1;
                return label.Length > 1 && label.All(c => c == label[0]) ? v + 26 * (label.Length - 1) : v;
        }
    }

    private static int RomanValue(string roman)
    {
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var v = Digit(roman[i]);
            total += i + 1 < roman.Length && Digit(roman[i + 1]) > v ? -v : v;
        }

        return total;

        static int Digit(char c) => c switch
        {
            'i' => 1, 'v' => 5, 'x' => 10, 'l' => 50, 'c' => 100, _ => 0,
        };
    }

    // "Article 2. Appointment" opens Article 2; "Article 3.2 of the Framework" cites a clause and opens nothing.
    [GeneratedRegex(@"^(?:ARTICLE|Article)\s+(?<n>[IVXLC]+|\d{1,3}|[A-Z])(?!\w|\.\w)\.?\s*[:.\-–—]?\s*(?<rest>.*)$")]
    private static partial Regex ArticleRegex();

    /// <summary>A numbered clause's marker from a match with its number ("n") and what follows it ("rest"): "12.3" is at depth 2.</summary>
    private static ClauseMarker Decimal(Match m)
    {
        var number = m.Groups["n"].Value.TrimEnd('.');
        return new ClauseMarker(MarkerType.Decimal, number, number.Count(c => c == '.') + 1, EnumerationStyle.None, m.Groups["rest"].Index);
    }

    [GeneratedRegex(@"^(?:SECTION|Section|Sec\.|§)\s*(?<n>\d{1,3}(?:\.\d{1,3})*\.?)(?![\d(])\s*[:\-–—]?\s*(?<rest>.*)$")]
    private static partial Regex SectionWordRegex();

    [GeneratedRegex(@"^(?:CLAUSE|Clause)\s+(?<n>\d{1,3}(?:\.\d{1,3})*\.?)(?![\d(])\s*[:\-–—]?\s*(?<rest>.*)$")]
    private static partial Regex ClauseWordRegex();

    // "3.", "12.3", "12.3.1." followed by whitespace; a bare "3 " is too ambiguous (page numbers, amounts).
    [GeneratedRegex(@"^(?<n>\d{1,3}\.(?:\d{1,3}\.?)*)(?=\s|$)\s*(?<rest>.*)$")]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^\((?<v>[a-z]{1,4}|[A-Z]{1,4}|\d{1,2})\)\s*(?<rest>.*)$")]
    private static partial Regex ParenRegex();

    // "a. text", "ii. text", "B. text": the dot must be followed by whitespace and a capital or quote.
    [GeneratedRegex(@"^(?<v>[a-z]|[A-Z]|[ivx]{1,4})\.\s+(?<rest>[A-Z""“(].*)$")]
    private static partial Regex DottedLetterRegex();

    [GeneratedRegex(@"^(?<w>EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT|Exhibit|Schedule|Annex|Appendix|Attachment)\s+(?<q>[""“'‘])?(?<n>[A-Z]{1,2}(?:-\d{1,2})?|\d{1,2}(?:\.\d{1,2})?|[IVX]{1,5})(?![\w])(?(q)[""”'’]?)\s*[:.\-–—]?\s*(?![a-z])(?<rest>.*)$")]
    private static partial Regex ExhibitRegex();

    // "SCHEDULE", "THE SCHEDULE", or with a title after a dash or colon: "SCHEDULE – PROJECT DETAILS", "Schedule: Fees".
    [GeneratedRegex(@"^(?:(?:THE\s+)?(?<w>EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT)|(?:The\s+)?(?<w>Exhibit|Schedule|Annex|Appendix|Attachment))\s*(?:$|[:\-–—]\s*(?<rest>[A-Z][^.;]{1,80})$)")]
    private static partial Regex BareExhibitRegex();

    [GeneratedRegex(@"^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")]
    private static partial Regex RomanRegex();
}
