using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;

namespace Tandem.Learning;

/// <summary>
/// A stand-in lawyer for showing the loop offline: compares a stored report with a CUAD
/// contract's gold labels, clause by clause, and says what a careful reviewer would correct. A
/// finding on a clause without that gold category is a false positive (or, when the clause has
/// exactly one unreported gold category, a change of category); a gold category on a clause no
/// finding covers is a missed finding.
/// </summary>
public static class GoldCorrections
{
    /// <summary>The corrections that turn <paramref name="report"/> into the gold labelling of <paramref name="contract"/>.</summary>
    public static IReadOnlyList<CorrectionRequest> For(RiskReport report, CuadContract contract, string documentText)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(contract);
        var context = report.Context ?? throw new ArgumentException("the report has no context", nameof(report));
        var clauses = context.Clauses.Select((c, i) => new Clause(i, c.Path, c.Heading, c.Kind, c.Start, c.End, c.Text)).ToList();
        var (labelled, _, _) = CuadTrainingSet.Label(contract, documentText, clauses);
        var categories = ClauseCategories.All;
        // A lawyer sees clauses, not the segmenter's pieces: "8.2" and "8.2#2" are one clause.
        var groups = context.Clauses.Select((c, i) => (Group: ContextClause.ClausePathOf(c.Path), Index: i)).GroupBy(g => g.Group, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToList(), StringComparer.Ordinal);
        bool Gold(string group, string category)
        {
            var k = ClauseCategories.IndexOf(category);
            return groups[group].Any(i => labelled[i].Labels[k]);
        }

        // The gold pieces of a group for a category, quoted as the document's text when they are
        // not the whole clause (a lawyer highlights the words); null when they are.
        List<int> GoldPieces(string group, string category) => groups[group].Where(i => labelled[i].Labels[ClauseCategories.IndexOf(category)]).ToList();
        string? QuoteOf(IReadOnlyList<int> pieces, IReadOnlyList<int> whole)
        {
            if (pieces.Count == 0 || pieces.Count == whole.Count)
            {
                return null;
            }

            var quote = documentText[context.Clauses[pieces[0]].Start..context.Clauses[pieces[^1]].End];
            return quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= CitationVerifier.MinimumWords ? quote : null;
        }

        var requests = new List<CorrectionRequest>();
        var wrong = new List<(int Finding, string Group)>();
        for (var n = 0; n < report.Findings.Count; n++)
        {
            var f = report.Findings[n];
            var covered = Enumerable.Range(0, context.Clauses.Count).Where(i => context.Clauses[i].IsWithin(f)).ToList();
            if (covered.Count == 0)
            {
                continue;
            }

            var group = ContextClause.ClausePathOf(context.Clauses[covered[0]].Path);
            if (!Gold(group, f.Category))
            {
                wrong.Add((n + 1, group));
                continue;
            }

            // Right clause, but it also covers pieces without the category: narrow it to the gold ones it covers.
            var gold = GoldPieces(group, f.Category).Intersect(covered).ToList();
            if (gold.Count > 0 && gold.Count < covered.Count && QuoteOf(gold, covered) is { } narrowed)
            {
                requests.Add(new CorrectionRequest(Finding: n + 1, Quote: narrowed, Note: "gold label"));
            }
        }

        var missed = new List<(string Group, string Category)>();
        foreach (var (group, indexes) in groups)
        {
            foreach (var category in categories.Where(c => Gold(group, c)))
            {
                var covered = report.Findings.Any(f => f.Category == category && indexes.Any(i => context.Clauses[i].IsWithin(f)));
                if (!covered)
                {
                    missed.Add((group, category));
                }
            }
        }

        foreach (var (finding, group) in wrong)
        {
            var swaps = missed.Where(m => m.Group == group).ToList();
            var taken = report.Findings.Where(f => context.Clauses.Any(c => ContextClause.ClausePathOf(c.Path) == group && c.IsWithin(f))).Select(f => f.Category).ToHashSet(StringComparer.Ordinal);
            if (swaps.Count == 1 && !taken.Contains(swaps[0].Category))
            {
                requests.Add(new CorrectionRequest(Finding: finding, Category: swaps[0].Category, Note: "gold label"));
                missed.Remove(swaps[0]);
            }
            else
            {
                requests.Add(new CorrectionRequest(Finding: finding, FalsePositive: true, Note: "gold label"));
            }
        }

        requests.AddRange(missed.Select(m => new CorrectionRequest(MissedClause: m.Group, Category: m.Category,
            Quote: QuoteOf(GoldPieces(m.Group, m.Category), groups[m.Group]), Note: "gold label")));
        return requests;
    }
}
