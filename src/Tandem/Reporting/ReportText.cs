using System.Globalization;
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
        if (parts.Count == 0)
        {
            return "no findings";
        }

        // The counts take in the missing protections, so say how many of each there are: "Findings (32)" follows.
        var findings = report.Findings.Count;
        var missing = report.MissingProtections.Count;
        var of = missing == 0 ? "" : $" ({Count(findings, "finding")} and {Count(missing, "missing protection")})";
        return string.Join(", ", parts) + of;
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    /// <summary>
    /// Whose side the review takes, e.g. "Carrow &amp; Beck Outfitters, LLC (Customer); other party:
    /// Lumenfield Software, Inc. (Provider) (assumed; --for provider reviews for the other side)", or
    /// "not determined" when the preamble names no parties.
    /// </summary>
    public static string SideSummary(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Side is not { } side)
        {
            return "not determined (no parties found in the preamble); pass --for <party> to name the side";
        }

        var others = side.Counterparties.ToList();
        var text = side.Describe() + (others.Count == 0 ? string.Empty : $"; other {(others.Count == 1 ? "party" : "parties")}: {string.Join(", ", others.Select(ReviewSide.Label))}");
        return side.Assumed && others.Count > 0
            ? $"{text} (assumed; --for {others[0].Role.ToLowerInvariant()} reviews for the other side)"
            : text;
    }

    /// <summary>
    /// Whose clause it is, in words: "favours Provider (the other side)", "favours you (Customer)",
    /// "mutual"; null when it could not be read.
    /// </summary>
    public static string? FavoursLine(RiskReport report, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(finding);
        var us = report.Side?.Party.Role;
        return finding.Favours switch
        {
            Favours.Them => $"favours {finding.Beneficiary ?? "the other side"} (the other side)",
            Favours.Us => $"favours you ({us})",
            Favours.Both => "mutual: binds or benefits both sides alike",
            _ => null,
        };
    }

    /// <summary>
    /// The definitions a finding rests on, one line each: "the definition of "Net Receipts" (clause 1.7): "Net Receipts"
    /// means …"; empty when the clause's own words show what it is judged on.
    /// </summary>
    public static IReadOnlyList<string> DefinitionLines(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return [.. finding.Definitions.Select(d => $"the definition of \"{d.Term}\" (clause {d.ClausePath}): {d.Text}")];
    }

    /// <summary>"SaaS subscription agreement (detected; --type changes it)", or null for reports made before kinds.</summary>
    public static string? KindSummary(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.ContractKind is not { } kind ? null
            : ContractKinds.NameOf(kind) + (report.ContractKindDetected ? " (detected; --type changes it)" : " (as given)");
    }

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

    /// <summary>
    /// The report with every text a terminal would interpret made harmless: control characters
    /// (escape sequences that move the cursor, retitle the window or hide text, carriage returns that
    /// overwrite a line) become '?', line breaks stay. Contract text is already free of them; file
    /// names, playbooks and model output may not be.
    /// </summary>
    public static RiskReport ForTerminal(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with
        {
            DocumentTitle = Printable(report.DocumentTitle),
            Playbook = Printable(report.Playbook),
            Model = Printable(report.Model),
            Findings = [.. report.Findings.Select(f => f with
            {
                Category = Printable(f.Category),
                ClausePath = Printable(f.ClausePath),
                Heading = PrintableOrNull(f.Heading),
                Quote = Printable(f.Quote),
                Rationale = PrintableOrNull(f.Rationale),
                Deviations = [.. f.Deviations.Select(Printable)],
                Answer = PrintableOrNull(f.Answer),
                Beneficiary = PrintableOrNull(f.Beneficiary),
                Measured = PrintableOrNull(f.Measured),
                Definitions = [.. f.Definitions.Select(d => d with { Term = Printable(d.Term), ClausePath = Printable(d.ClausePath), Text = Printable(d.Text) })],
            })],
            MissingProtections = [.. report.MissingProtections.Select(m => m with { Category = Printable(m.Category), Rationale = PrintableOrNull(m.Rationale), StandardPosition = PrintableOrNull(m.StandardPosition), Fallback = PrintableOrNull(m.Fallback) })],
            Unverified = [.. report.Unverified.Select(u => u with { Category = Printable(u.Category), Quote = Printable(u.Quote), Reason = Printable(u.Reason) })],
        };
    }

    /// <summary>What to ask the other side for, for a missing protection: "Ask for: standard. Fallback: fallback."; null when the playbook states neither.</summary>
    public static string? AskFor(MissingProtection missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var ask = missing.StandardPosition is { Length: > 0 } standard ? "Ask for: " + standard.TrimEnd('.') + "." : null;
        return missing.Fallback is { Length: > 0 } fallback ? (ask is null ? string.Empty : ask + " ") + "Fallback: " + fallback.TrimEnd('.') + "." : ask;
    }

    /// <summary>A one-line preview of a quote for tables.</summary>
    public static string Preview(string quote, int length)
    {
        var flat = string.Join(' ', quote.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)].TrimEnd() + "…";
    }

    private static string Printable(string text) =>
        text.Any(c => char.IsControl(c) && c != '\n') ? new string([.. text.Select(c => char.IsControl(c) && c != '\n' ? '?' : c)]) : text;

    private static string? PrintableOrNull(string? text) => text is null ? null : Printable(text);
}
