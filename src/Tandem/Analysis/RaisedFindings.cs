namespace Tandem.Analysis;

/// <summary>How the readers that see past a clause's words (carve-outs, exits, changes of control, exclusions) report what they read.</summary>
internal static class RaisedFindings
{
    /// <summary>
    /// The finding of <paramref name="rule"/>'s category on clause <paramref name="i"/> (at its lead-in's path): the one the
    /// review already made, or one judged for it, replaced or added as <paramref name="raise"/> makes it.
    /// </summary>
    public static void Raise(List<Finding> findings, PlaybookRule rule, IReadOnlyList<Store.StoredClause> clauses, int i, int[] leadIns,
        ReviewLens lens, string documentText, Func<Finding, Finding> raise)
    {
        var path = ContextClause.ClausePathOf(clauses[leadIns[i]].Clause.Path);
        var at = findings.FindIndex(f => f.Category == rule.Category && f.ClausePath == path);
        var judged = at >= 0 ? findings[at]
            : ContractAnalyzer.Judge(rule, leadIns[i] == i ? [clauses[i]] : [clauses[leadIns[i]], clauses[i]], 0.5f, documentText, lens);
        var raised = raise(judged);
        if (at >= 0)
        {
            findings[at] = raised;
        }
        else
        {
            findings.Add(raised);
        }
    }
}
