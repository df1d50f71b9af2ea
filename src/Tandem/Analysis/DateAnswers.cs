using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Finds the date expressions in a clause, for the categories whose answer is a date rather than
/// a clause (<see cref="Categories"/>): "March 1, 2019", "the 1st day of March, 2019", "1 March
/// 2019", "03/01/2019", "2019-03-01", and the blank forms of unsigned templates ("____ day of
/// ______, 2015", "[ ] day of [ ], 2020"). A finding for such a category can then point to the
/// date itself, which is what a reader asks for and what CUAD annotates.
/// </summary>
public static partial class DateAnswers
{
    /// <summary>Categories answered by a date.</summary>
    public static IReadOnlySet<string> Categories { get; } = new HashSet<string>(StringComparer.Ordinal) { "Agreement Date", "Effective Date" };

    private const string Month = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private const string Day = "(?:[0-3]?\\d\\s?(?:st|nd|rd|th|t\\s?h)?)";
    private const string Blank = "(?:_{2,}|\\[\\s*[^\\]\\n]{0,12}\\s*\\]|\\*{2,}|●)";
    private const string Year = "(?:1[89]\\d{2}|2[01]\\d{2})";

    /// <summary>Spans of the date expressions in <paramref name="text"/>, in order, without overlaps.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DatePattern().Matches(text).Select(m => (m.Index, m.Index + m.Length)).ToList();
    }

    [GeneratedRegex(
        $"(?:{Day}|{Blank})\\s+day\\s+of\\s+(?:{Month}|{Blank}),?\\s*(?:(?:in\\s+)?the\\s+year\\s+)?{Year}" + // 1st day of March, 2019
        $"|{Month}\\s+(?:{Day}|{Blank}),?\\s+{Year}" + // March 1, 2019
        $"|{Day}\\s+{Month},?\\s+{Year}" + // 1 March 2019
        $"|\\b[01]?\\d/[0-3]?\\d/(?:{Year}|\\d{{2}})\\b" + // 03/01/2019
        $"|\\b{Year}-[01]\\d-[0-3]\\d\\b", // 2019-03-01
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();
}
