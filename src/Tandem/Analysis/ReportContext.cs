using Tandem.Documents;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// What the model saw and said when it wrote a report, kept with the report so a correction can
/// be judged against it and turned into training data: every clause of the document version
/// (ids, paths, headings, spans, text), the ids of the clauses that were in the model's context
/// (all of them for the local analyst; the packed ones for a language model), and for a language
/// model its prompt and raw answer.
/// </summary>
/// <param name="Analyzer">"local" or "llm".</param>
/// <param name="Clauses">The document's clauses in order (tables of contents left out).</param>
/// <param name="SeenClauseIds">The clauses in the model's context.</param>
/// <param name="Prompt">A language model's prompt, as (role, text) turns.</param>
/// <param name="RawOutput">A language model's answer as it came back.</param>
public sealed record ReportContext(string Analyzer, IReadOnlyList<ContextClause> Clauses, IReadOnlyList<string> SeenClauseIds,
    IReadOnlyList<PromptTurn>? Prompt = null, string? RawOutput = null)
{
    /// <summary>
    /// False when the report hid some of what the model found (<c>--no-info</c>,
    /// <c>--min-confidence</c>): then an uncorrected absence is no evidence, and the report cannot
    /// label clauses for training.
    /// </summary>
    public bool ShowsAllFindings { get; init; } = true;

    /// <summary>The context of a report on <paramref name="clauses"/> of which <paramref name="seen"/> were in the model's context.</summary>
    public static ReportContext Of(string analyzer, IReadOnlyList<StoredClause> clauses, IEnumerable<string> seen,
        IReadOnlyList<PromptTurn>? prompt = null, string? rawOutput = null) =>
        new(analyzer, clauses.Select(c => new ContextClause(c.ClauseId, c.Clause.Path, c.Clause.Heading, c.Clause.Kind, c.Clause.Start, c.Clause.End, c.Clause.Text)).ToList(),
            seen.ToList(), prompt, rawOutput);
}

/// <summary>A clause (or one piece of a long one) as the model saw it.</summary>
public sealed record ContextClause(string ClauseId, string Path, string? Heading, ClauseKind Kind, int Start, int End, string Text)
{
    /// <summary>Whether a finding's quoted span covers this piece.</summary>
    public bool IsWithin(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Start >= finding.Start && End <= finding.End;
    }

    /// <summary>Whether this is (a piece of) the clause a lawyer names by id or path: "8.2" names "8.2" and "8.2#2".</summary>
    public bool IsPieceOf(string clause) => ClauseId == clause || Path == clause || Path.StartsWith(clause + "#", StringComparison.Ordinal);

    /// <summary>The clause a piece belongs to: "8.2#2" → "8.2".</summary>
    public static string ClausePathOf(string piecePath)
    {
        ArgumentNullException.ThrowIfNull(piecePath);
        var hash = piecePath.LastIndexOf('#');
        return hash > 0 && piecePath[(hash + 1)..].All(char.IsDigit) ? piecePath[..hash] : piecePath;
    }
}

/// <summary>One turn of a prompt.</summary>
public sealed record PromptTurn(string Role, string Text);
