using Tandem.Analysis;
using Tandem.Documents;

namespace Tandem.Evaluation;

/// <summary>
/// Scores a risk report against a contract's answer key: a risk is found when a finding sits on
/// one of its clauses (the path or a clause under it) with an acceptable category, and found at
/// severity when that finding is at least as severe as the key requires; a missing protection is
/// found when the report lists its category as missing (the others it lists are counted apart); every high or critical finding on a
/// clause no risk names is unexpected. A finding that quotes a list's lead-in with its items ("7.1 … shall not:
/// (a) … (b) …") sits on each item it quotes, when the document's clauses are given; one whose judgement rests on a
/// definition (<see cref="Finding.Definitions"/>: the royalty clause, with "Net Receipts" defined at 1.7 to allow any
/// deduction) sits on that definition too, since the report cites it.
/// </summary>
public sealed class ReviewKeyScorer
{
    /// <summary>Scores <paramref name="report"/> against <paramref name="key"/>; <paramref name="clauses"/>, the reviewed document's clauses, let a finding count for every clause its quote spans.</summary>
    public ReviewContractScore Score(ReviewKeyContract key, RiskReport report, IReadOnlyList<Clause>? clauses = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(report);
        bool On(string keyPath, Finding finding) => Covers(keyPath, finding.ClausePath)
            || (clauses ?? []).Any(c => c.Start >= finding.Start && c.End <= finding.End && Covers(keyPath, c.Path))
            || finding.Definitions.Any(d => Covers(keyPath, d.ClausePath));
        var risks = key.Risks.Select(risk => new ReviewRiskScore(risk.Id, risk.Description, risk.Clauses, risk.MinSeverity,
                report.Findings
                    .Where(f => risk.Categories.Contains(f.Category, StringComparer.Ordinal) && risk.Clauses.Any(c => On(c, f)))
                    .Select(f => new ReviewMatch(f.ClausePath, f.Category, f.Severity))
                    .MaxBy(m => m.Severity)))
            .ToList();
        var missing = key.Missing.Select(m => report.MissingProtections.Any(p => p.Category == m)
                ? new ReviewMissingScore(m, true)
                : report.Findings.Where(f => f.Category == m).Select(f => $"{f.ClausePath} ({Whom(f.Favours)})").Distinct().ToList() is { Count: > 0 } shown
                    ? new ReviewMissingScore(m, false) { ShownBy = shown }
                    : new ReviewMissingScore(m, false))
            .ToList();
        var keyed = key.Risks.SelectMany(r => r.Clauses).ToList();
        var unexpected = report.Findings
            .Where(f => f.Severity >= Severity.High && !keyed.Any(c => On(c, f)))
            .Select(f => new UnexpectedFinding(f.ClausePath, f.Category, f.Severity, key.Ordinary.Any(o => On(o, f))))
            .ToList();
        var side = report.Side is { } s ? s.Describe() : key.Side;
        var otherMissing = report.MissingProtections.Select(p => p.Category).Where(c => !key.Missing.Contains(c, StringComparer.Ordinal)).ToList();
        return new ReviewContractScore(key.File, key.Type, side, risks, missing, unexpected) { OtherMissing = otherMissing, ReviewedAs = report.ContractKind };
    }

    private static string Whom(Favours favours) => favours switch
    {
        Favours.Us => "favours the side",
        Favours.Them => "favours the other side",
        Favours.Both => "mutual",
        _ => "whose unclear",
    };

    /// <summary>
    /// Whether the key path <paramref name="keyPath"/> covers the clause at <paramref name="clausePath"/>:
    /// the same path, or one under it at a path boundary ("12.3" covers "12.3(b)(ii)", "12.3.1",
    /// "12.3#2", "12.3 ¶2" and "Exhibit A/(a)" is under "Exhibit A"), not "12.30", "12.3a" or
    /// "12.3~2" (the segmenter's second clause numbered 12.3, a different clause).
    /// </summary>
    public static bool Covers(string keyPath, string clausePath)
    {
        ArgumentNullException.ThrowIfNull(keyPath);
        ArgumentNullException.ThrowIfNull(clausePath);
        return clausePath.StartsWith(keyPath, StringComparison.Ordinal)
            && (clausePath.Length == keyPath.Length || clausePath[keyPath.Length] is '(' or '.' or '#' or '/' or ' ');
    }
}
