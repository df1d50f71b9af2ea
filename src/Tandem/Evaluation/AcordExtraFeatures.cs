namespace Tandem.Evaluation;

/// <summary>
/// Feature groups the ACORD reranker can add to its own, for measuring (<c>eval acord
/// --rerank-features</c>); none is on by default, because none gained more than the spread between
/// fold assignments (docs/quality.md, "Query-side features").
/// </summary>
public sealed record AcordExtraFeatures
{
    /// <summary>BM25 score and 1/rank of the query's <see cref="Retrieval.QueryQualifier"/> alone, and the share of its terms in the clause.</summary>
    public const string Qualifier = "qualifier";

    /// <summary>MiniLM cosine between the qualifier and the clause.</summary>
    public const string QualifierCosine = "qualifier-cosine";

    /// <summary>The IDF-weighted share of query terms in the clause, IDF counted within the query's first-stage candidates.</summary>
    public const string LocalIdf = "local-idf";

    /// <summary>Whether the query asks "without" or for an exception, and the clause's exception words (<see cref="Retrieval.ExceptionCues"/>).</summary>
    public const string Cues = "cues";

    /// <summary>The same cues signed by the query's direction: what it asks to be absent, and carve-outs wanted or not.</summary>
    public const string Polarity = "polarity";

    /// <summary>Late interaction (<see cref="Retrieval.LateInteraction"/>) of the query's MiniLM token vectors with the clause's.</summary>
    public const string MaxSim = "maxsim";

    /// <summary>Late interaction of the qualifier's token vectors with the clause's.</summary>
    public const string QualifierMaxSim = "qualifier-maxsim";

    /// <summary>Cosine of query and clause after a linear map of MiniLM vectors learned on CUAD's annotated clauses (<see cref="Retrieval.CategoryAdapter"/>).</summary>
    public const string Adapter = "adapter";

    private AcordExtraFeatures(IReadOnlySet<string> groups) => Groups = groups;

    /// <summary>Every group, in the order their features are appended.</summary>
    public static IReadOnlyList<string> Names { get; } = [Qualifier, QualifierCosine, LocalIdf, Cues, Polarity, MaxSim, QualifierMaxSim, Adapter];

    /// <summary>The reranker's own features only.</summary>
    public static AcordExtraFeatures None { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The groups that are on.</summary>
    public IReadOnlySet<string> Groups { get; }

    /// <summary>Whether MiniLM token vectors are needed (and so stored for the corpus on the first run).</summary>
    public bool NeedsTokens => Groups.Contains(MaxSim) || Groups.Contains(QualifierMaxSim);

    /// <summary>Whether the qualifier needs its own sentence vector.</summary>
    public bool NeedsQualifierVector => Groups.Contains(QualifierCosine);

    /// <summary>Parses a comma-separated list of <see cref="Names"/> ("all" is every one; empty is none).</summary>
    public static AcordExtraFeatures Parse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part == "all")
            {
                groups.UnionWith(Names);
            }
            else if (Names.Contains(part))
            {
                groups.Add(part);
            }
            else
            {
                throw new TandemException($"unknown reranker feature group '{part}'", "use a comma-separated list of " + string.Join(", ", Names) + ", or all");
            }
        }

        return new AcordExtraFeatures(groups);
    }

    /// <summary>Whether a group is on.</summary>
    public bool Has(string group) => Groups.Contains(group);
}
