using System.Globalization;
using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// The measurable terms of a clause, so a playbook can judge "how far" and not only "whether":
/// notice periods and other durations (in days), liability caps as months of fees or multiples of
/// fees, percentages, and money amounts. Numbers are read as drafted ("sixty (60) days", "ninety
/// days", "$250,000", "2.5 million", "twelve (12) months of fees").
/// </summary>
public sealed partial class ClauseQuantities
{
    /// <summary>The quantities a playbook deviation may measure.</summary>
    public static readonly IReadOnlyList<string> Names = ["notice_days", "duration_days", "cap_months", "fee_multiple", "percent", "amount"];

    private static readonly Dictionary<string, double> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["eighteen"] = 18, ["twenty"] = 20, ["twenty-four"] = 24, ["thirty"] = 30, ["thirty-six"] = 36,
        ["forty-five"] = 45, ["sixty"] = 60, ["ninety"] = 90, ["one hundred twenty"] = 120, ["one hundred eighty"] = 180, ["three hundred sixty-five"] = 365,
    };

    /// <summary>Every quantity found in <paramref name="clause"/>, by name; a name is absent when the clause states none.</summary>
    public IReadOnlyDictionary<string, double> Measure(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        // A hostile clause gets no measurements rather than a stalled report.
        return RegexBudget.Run(() => MeasureOnce(clause), () => new Dictionary<string, double>(StringComparer.Ordinal));
    }

    /// <summary><see cref="Measure"/>, throwing <see cref="RegexMatchTimeoutException"/> when a match takes too long.</summary>
    private static Dictionary<string, double> MeasureOnce(string clause)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        var durations = Duration().Matches(clause).Select(m => (Days: Number(m) * UnitDays(m.Groups["unit"].Value), m.Index, End: m.Index + m.Length)).Where(d => d.Days > 0).ToList();
        if (durations.Count > 0)
        {
            // "24 months from registration or 30 months from delivery, whichever first expires": the shorter holds.
            var earlier = WhicheverEarlier().Match(clause);
            var alternatives = earlier.Success ? durations.Where(d => d.End <= earlier.Index && earlier.Index - d.End < 200).ToList() : [];
            found["duration_days"] = alternatives.Count >= 2 ? alternatives.Min(d => d.Days) : durations.Max(d => d.Days);
            // The notice period is the duration the drafting ties to the notice ("60 days' notice", "at least
            // 90 days before the end"), not the term beside it ("renews for one year unless ... notice").
            var tied = durations.Where(d => NoticeAfter().IsMatch(clause[d.End..Math.Min(clause.Length, d.End + 40)])
                || NoticeBefore().IsMatch(clause[Math.Max(0, d.Index - 40)..d.Index])).ToList();
            var notices = tied.Count > 0 ? tied : durations.Where(d => NoticeNear(clause, d.Index)).ToList();
            if (notices.Count > 0)
            {
                found["notice_days"] = notices.Max(d => d.Days);
            }
        }

        if (CapMonths().Match(clause) is { Success: true } cap && Number(cap) > 0)
        {
            found["cap_months"] = Number(cap);
        }

        if (FeeMultiple().Match(clause) is { Success: true } multiple && Number(multiple) > 0)
        {
            found["fee_multiple"] = Number(multiple);
        }

        // A service-level target ("If Availability falls below 99.8%") is not a share of anything the clause pays or caps.
        var percents = Percent().Matches(clause).Where(m => !ServiceLevelTarget().IsMatch(clause[Math.Max(0, m.Index - 40)..m.Index]))
            .Select(Number).Where(p => p > 0).ToList();
        if (percents.Count > 0)
        {
            found["percent"] = percents.Max();
        }

        var amounts = Amount().Matches(clause).Select(m => Number(m) * (m.Groups["scale"].Value.ToLowerInvariant() switch { "million" => 1e6, "thousand" => 1e3, "billion" => 1e9, _ => 1 })).ToList();
        if (amounts.Count > 0)
        {
            found["amount"] = amounts.Max();
        }

        return found;
    }

    /// <summary>How a measured value reads in a rationale: "30 days", "3 months of fees", "15%".</summary>
    public static string Format(string name, double value) => name switch
    {
        "notice_days" or "duration_days" => Days(value),
        "cap_months" => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} months of fees",
        "fee_multiple" => $"{value.ToString("0.##", CultureInfo.InvariantCulture)}× fees",
        "percent" => $"{value.ToString("0.##", CultureInfo.InvariantCulture)}%",
        "amount" => "$" + value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Days(double days) =>
        days >= 365 && days % 365 == 0 ? $"{days / 365:0} year{(days == 365 ? "" : "s")}"
        : days >= 30 && days % 30 == 0 && days != 30 && days != 60 && days != 90 ? $"{days / 30:0} months"
        : $"{days:0} days";

    /// <summary>What follows a notice period: "' written notice", " (60) days prior", " before the end", " in advance".</summary>
    [GeneratedRegex(@"^\W{0,3}(?:s\b)?\W{0,3}(?:\(\w+\)\s*)?(?:\w+\s+){0,2}?(?:notice|prior\b|before\b|in\s+advance)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex NoticeAfter();

    /// <summary>What comes before a notice period: "notice of ", "at least ", "not less than ", "a notice period of ".</summary>
    [GeneratedRegex(@"(?:notice\s+(?:period\s+)?of|at\s+least|not\s+less\s+than|no\s+(?:less|fewer|later)\s+than|a\s+minimum\s+of)\s*$", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex NoticeBefore();

    private static bool NoticeNear(string clause, int index)
    {
        var from = Math.Max(0, index - 80);
        var window = clause[from..Math.Min(clause.Length, index + 60)];
        return window.Contains("notice", StringComparison.OrdinalIgnoreCase) || window.Contains("prior to", StringComparison.OrdinalIgnoreCase)
            || window.Contains("before the end", StringComparison.OrdinalIgnoreCase) || window.Contains("before expiration", StringComparison.OrdinalIgnoreCase);
    }

    private static double UnitDays(string unit) => unit.ToLowerInvariant() switch
    {
        var u when u.StartsWith("year", StringComparison.Ordinal) => 365,
        var u when u.StartsWith("month", StringComparison.Ordinal) => 30,
        var u when u.StartsWith("week", StringComparison.Ordinal) => 7,
        _ => 1,
    };

    private static double Number(Match m)
    {
        if (m.Groups["n"].Success && double.TryParse(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        return m.Groups["w"].Success && Words.TryGetValue(Regex.Replace(m.Groups["w"].Value.Trim(), @"\s+(?:and\s+)?", " "), out var w) ? w : 0;
    }

    // Digits in brackets after words this list does not know ("one hundred and eighty (180) days") still count.
    private const string Num = @"(?:(?<w>one\s+hundred\s+(?:and\s+)?(?:twenty|eighty)|three\s+hundred\s+sixty-five|twenty-four|thirty-six|forty-five|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|sixty|ninety)\s*(?:\(\s*(?<n>\d[\d,]*(?:\.\d+)?)\s*\))?|(?<n>\d[\d,]*(?:\.\d+)?)|\(\s*(?<n>\d[\d,]*(?:\.\d+)?)\s*\))";

    [GeneratedRegex(Num + @"\s*(?:\(\s*\d+\s*\)\s*)?(?:calendar\s+|business\s+|working\s+|consecutive\s+)?(?<unit>days?|weeks?|months?|years?)\b", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?:fees|amounts|charges|sums)\b[^.;]{0,80}?\b(?:in|during|for|over)\s+the\s+(?:\w+\s+){0,2}" + Num + @"\s*(?:\(\s*\d+\s*\)\s*)?months?|" + Num + @"\s*(?:\(\s*\d+\s*\)\s*)?months?['’]?\s+(?:of\s+)?(?:fees|charges)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex CapMonths();

    [GeneratedRegex(Num + @"\s*(?:\(\s*\d+\s*\)\s*)?(?:times|x)\s+(?:the\s+)?(?:total\s+|annual\s+|aggregate\s+)?(?:fees|amounts|charges)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex FeeMultiple();

    /// <summary>"7.5%", "15 percent", "2 per cent", "five per cent": a percentage in figures or in the words <see cref="Words"/> knows.</summary>
    [GeneratedRegex(@"(?:(?<n>\d+(?:\.\d+)?)|\b(?<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty))\s*(?:%|per\s*cent\b|percent\b)", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex Percent();

    /// <summary>The words before a percentage that make it a service level ("availability of", "falls below").</summary>
    [GeneratedRegex(@"\b(?:availab\w*|up-?time|(?:falls?|drops?|is)\s+below|below)\b[^.;%]{0,25}$", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex ServiceLevelTarget();

    [GeneratedRegex(@"\bwhichever\s+(?:(?:first\s+)?(?:expires|ends|occurs|comes|happens)(?:\s+first)?|is\s+(?:the\s+)?(?:earlier|earliest|sooner|shorter|first))\b", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex WhicheverEarlier();

    [GeneratedRegex(@"(?:\$|USD\s?|US\$)\s?(?<n>\d[\d,]*(?:\.\d+)?)(?:\s*(?<scale>million|thousand|billion))?", RegexOptions.IgnoreCase, RegexBudget.Milliseconds)]
    private static partial Regex Amount();
}
