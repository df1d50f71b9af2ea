using Tandem.Analysis;

namespace Tandem.Reporting;

/// <summary>Wording shared by every report format.</summary>
public static class ReportText
{
    public static string SeverityLabel(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>"2 high, 3 medium, 1 low, 4 info" (only non-zero severities, most severe first).</summary>
    public static string SeveritySummary(RiskReport report)
    {
        var parts = report.SeverityCounts.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Key)
            .Select(kv => $"{kv.Value} {SeverityLabel(kv.Key)}").ToList();
        return parts.Count == 0 ? "no findings" : string.Join(", ", parts);
    }

    /// <summary>A one-line preview of a quote for tables.</summary>
    /// <summary>Why a model's claim was dropped, in words.</summary>
    public static string UnverifiedReason(string reason) => reason switch
    {
        "NotInContext" => "the passage was not in the model's context",
        "NotReadable" => "the passage is not one you may read",
        "QuoteNotFound" => "the quote is not in the passage",
        "QuoteTooShort" => "the quote is too short to check",
        "UnknownCategory" => "not a known category",
        _ => reason,
    };

    public static string Preview(string quote, int length)
    {
        var flat = string.Join(' ', quote.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)].TrimEnd() + "…";
    }
}
