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

    /// <summary>
    /// The findings with every clause <paramref name="read"/> reads a risk in (definitions aside, one per clause, and one per
    /// <see cref="Reading.Once"/> key) raised: to at least the reading's severity, with its rationale and its deviation.
    /// </summary>
    public static List<Finding> RaiseWhere(List<Finding> findings, IReadOnlyList<Store.StoredClause> clauses, string[] texts, int[] leadIns,
        ReviewLens lens, string documentText, Func<string, Reading?> read)
    {
        if (lens.Side is null)
        {
            return findings;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var once = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < clauses.Count; i++)
        {
            var path = ContextClause.ClausePathOf(clauses[leadIns[i]].Clause.Path);
            if (done.Contains(path) || clauses[i].Clause.Kind == Documents.ClauseKind.Definition || read(texts[i]) is not { } reading
                || (reading.Once is { } key && !once.Add(key)))
            {
                continue;
            }

            done.Add(path);
            Raise(findings, reading.Rule, clauses, i, leadIns, lens, documentText, judged => judged with
            {
                Severity = judged.Severity < reading.AtLeast ? reading.AtLeast : judged.Severity,
                Rationale = lens.Fill(reading.Rationale),
                Deviations = [.. judged.Deviations.Where(d => d != reading.Deviation), reading.Deviation],
                Definitions = reading.Cites is { Count: > 0 } cites
                    ? [.. judged.Definitions.Where(d => !cites.Any(c => c.Term == d.Term)), .. cites]
                    : judged.Definitions,
            });
        }

        return findings;
    }
}

/// <summary>
/// What a reader read in a clause: the rule whose finding it raises, how far, why, (when set) a key it is reported once for,
/// and the definitions the reading rests on, which the finding cites as a finding of the playbook's cites those its pattern read.
/// </summary>
internal sealed record Reading(PlaybookRule Rule, Severity AtLeast, string Deviation, string Rationale, string? Once = null,
    IReadOnlyList<DefinedTerm>? Cites = null);
