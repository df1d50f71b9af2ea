using System.Text;
using System.Text.RegularExpressions;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// The contract's own definitions, read into the clauses that use them, as a lawyer reads them: "All Work Product
/// vests in the Client" assigns background technology when "Work Product" is defined to include it, and "liability
/// shall not exceed the Liability Cap" states an amount when the Liability Cap is defined as one. A definition is a
/// clause that opens with a quoted term and "means" (or "includes", "has the meaning"), with the list items under it.
/// The definitions of the parties' own names and roles add nothing and are left out.
/// </summary>
public sealed partial class ContractDefinitions
{
    /// <summary>The most of one definition read into a clause: a long definition's tail is rarely what a clause turns on.</summary>
    public const int MaxDefinitionLength = 700;

    /// <summary>The most definitions read into one clause (the longest terms first).</summary>
    public const int MaxTermsPerClause = 4;

    private readonly List<(DefinedTerm Term, Regex Use)> _terms;

    private ContractDefinitions(List<(DefinedTerm Term, Regex Use)> terms) => _terms = terms;

    /// <summary>A contract with no definitions.</summary>
    public static ContractDefinitions None { get; } = new([]);

    /// <summary>How many terms the contract defines this way.</summary>
    public int Count => _terms.Count;

    /// <summary>The defined terms, in the order the contract defines them.</summary>
    public IEnumerable<string> Terms => _terms.Select(t => t.Term.Term);

    /// <summary>Whether <paramref name="text"/> uses <paramref name="term"/> (singular or plural, not in quotes as where it is defined).</summary>
    public bool Uses(DefinedTerm term, string text)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(text);
        var use = _terms.Find(t => t.Term == term).Use;
        return use is not null && RegexBudget.Run(() => use.IsMatch(text), () => false);
    }

    /// <summary>Every definition, in document order.</summary>
    public IEnumerable<DefinedTerm> All => _terms.Select(t => t.Term);

    /// <summary>
    /// The definitions in <paramref name="clauses"/> (in document order), except those of <paramref name="excluded"/>
    /// (the parties' names and roles).
    /// </summary>
    public static ContractDefinitions Of(IReadOnlyList<StoredClause> clauses, IEnumerable<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var skip = new HashSet<string>(excluded ?? [], StringComparer.OrdinalIgnoreCase) { "Agreement", "Contract", "this Agreement", "Party", "Parties" };
        var terms = new List<(DefinedTerm, Regex)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < clauses.Count; i++)
        {
            var text = clauses[i].Clause.Text;
            if (Opening().Match(text) is not { Success: true } m)
            {
                continue;
            }

            var term = m.Groups["t"].Value.Trim();
            if (term.Length < 3 || skip.Contains(term) || !seen.Add(term))
            {
                continue;
            }

            // The list items under the definition ("(a) … (b) …") are part of it, and so are the pieces a long definition was
            // cut into ("1.8#2"). A definition that is a paragraph of its clause ("1.1 ¶15") has its items numbered from the
            // clause ("1.1(a)"), up to the next paragraph.
            var body = new StringBuilder(text.Trim());
            var path = clauses[i].Clause.Path;
            var itemsOf = path.IndexOf(" ¶", StringComparison.Ordinal) is var pilcrow and > 0 ? path[..pilcrow] : path;
            var end = clauses[i].Clause.End;
            for (var j = i + 1; j < clauses.Count && j - i <= 12 && body.Length < MaxDefinitionLength
                 && (clauses[j].Clause.Path.StartsWith(itemsOf + "(", StringComparison.Ordinal) || clauses[j].Clause.Path.StartsWith(path + "(", StringComparison.Ordinal)
                     || clauses[j].Clause.Path.StartsWith(path + "#", StringComparison.Ordinal)); j++)
            {
                body.Append(' ').Append(clauses[j].Clause.Text.Trim());
                end = clauses[j].Clause.End;
            }

            var definition = body.Length > MaxDefinitionLength ? body.ToString(0, MaxDefinitionLength) : body.ToString();
            var defined = new DefinedTerm(term, ContextClause.ClausePathOf(path), clauses[i].Clause.Start, end, definition);
            terms.Add((defined, new Regex(@"(?<![\w""“])" + UsePattern(term) + @"(?![\w""”])", RegexOptions.CultureInvariant, RegexBudget.Timeout)));
        }

        return new ContractDefinitions(terms);
    }

    /// <summary>
    /// The term in singular or plural: "Billable Vehicles" is used as "each Billable Vehicle", "Territory" as "the
    /// Territories", "Licensed Product" as "Licensed Products".
    /// </summary>
    internal static string UsePattern(string term)
    {
        if (term.Length > 4 && term.EndsWith("ies", StringComparison.Ordinal))
        {
            return Regex.Escape(term[..^3]) + "(?:y|ies)";
        }

        if (term.Length > 4 && term.EndsWith('y') && !"aeiou".Contains(term[^2], StringComparison.Ordinal))
        {
            return Regex.Escape(term[..^1]) + "(?:y|ies)";
        }

        return term.Length > 4 && term.EndsWith('s') && !term.EndsWith("ss", StringComparison.Ordinal)
            ? Regex.Escape(term[..^1]) + "(?:s|es)?"
            : Regex.Escape(term) + "(?:s|es)?";
    }

    /// <summary>
    /// The definitions of the terms <paramref name="clause"/> uses (not its own, when it is a definition), longest
    /// term first, at most <see cref="MaxTermsPerClause"/>; empty when it uses none.
    /// </summary>
    public IReadOnlyList<string> UsedBy(string clause) => Used(clause).Select(d => d.Text).ToList();

    /// <summary>
    /// The defined terms <paramref name="clause"/> uses (not its own, when it is a definition), longest term first, at
    /// most <see cref="MaxTermsPerClause"/>, each with where the contract defines it; empty when it uses none.
    /// </summary>
    public IReadOnlyList<DefinedTerm> Used(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (_terms.Count == 0)
        {
            return [];
        }

        var own = Opening().Match(clause) is { Success: true } m ? m.Groups["t"].Value.Trim() : null;
        var used = new List<DefinedTerm>();
        foreach (var (term, use) in _terms)
        {
            // A hostile clause does not stall the review; the definition is simply not read into it.
            if (term.Term != own && RegexBudget.Run(() => use.IsMatch(clause), () => false))
            {
                used.Add(term);
            }
        }

        return used.OrderByDescending(u => u.Term.Length).Take(MaxTermsPerClause).ToList();
    }

    /// <summary>
    /// <paramref name="clause"/> followed by the definitions it uses, each as its own paragraph, so a pattern can see
    /// what the defined words stand for; the clause itself when it uses none.
    /// </summary>
    public string Read(string clause) => Read(clause, Used(clause));

    /// <summary><paramref name="clause"/> followed by <paramref name="definitions"/>, each as its own paragraph; the clause itself when there are none.</summary>
    public static string Read(string clause, IReadOnlyList<DefinedTerm> definitions)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(definitions);
        return definitions.Count == 0 ? clause : clause + "\n\n" + string.Join("\n\n", definitions.Select(d => d.Text.TrimEnd('.', ';', ' ') + "."));
    }

    /// <summary>"1.1 "Work Product" means …", "(f) "Background IP" includes …", "Deliverables: means …" in a list of definitions.</summary>
    [GeneratedRegex(@"^\W{0,3}(?:(?:Section|Clause)\s+)?(?:[\d.]+|\([a-z0-9]{1,4}\))?\s*\**[""“](?<t>[A-Z][^""“”\n]{1,60}?)[""”]\**(?:\s+or\s+\**[""“][^""“”\n]{1,30}[""”]\**)?\s*(?:\([^)\n]{0,40}\)\s*)?[:,]?\s*(?:shall\s+)?(?:means?|includes?|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|refers?\s+to)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Opening();
}
